// Meetings: a server feature (the platform's `switchboard-meetings` registers the client
// feature `meetings`). Its panel joins a conference room by number; it is shown only while
// the server has meetings installed. State: the room range from the feature's settings.
import { h } from '../../ui/dom';
import type { FeatureModule, FeatureView, ModuleContext } from '../contract';

/** "8000-8999" -> the first room, as a hint; '' when the range is empty or odd. */
export function firstRoom(rooms: unknown): string {
  const m = /^\s*(\d+)\s*-\s*\d+\s*$/.exec(typeof rooms === 'string' ? rooms : '');
  return m ? m[1] : '';
}

export class MeetingsModule implements FeatureModule {
  readonly id = 'meetings';
  readonly serverFeature = true;
  private rooms = '';
  private hint: HTMLElement | null = null;
  private input: HTMLInputElement | null = null;

  start(): void {}

  configure(settings: Readonly<Record<string, unknown>>): void {
    this.rooms = typeof settings.rooms === 'string' ? settings.rooms : '';
    if (this.hint) this.hint.textContent = this.rooms ? `Rooms ${this.rooms}` : 'Configured rooms';
    if (this.input) this.input.placeholder = firstRoom(this.rooms) || 'Room number';
  }

  view(ctx: ModuleContext): FeatureView {
    const input = h('input', { type: 'text', inputmode: 'numeric', 'aria-label': 'Meeting room', placeholder: 'Room number', autocomplete: 'off' });
    const join = (): void => {
      const room = input.value.trim();
      if (!/^\d+$/.test(room)) { ctx.store.set({ error: `Meeting: "${room}" is not a room number` }); return; }
      ctx.showSidebar(false);
      void ctx.phone.call(room, false);
      input.value = '';
    };
    input.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); join(); } });
    this.input = input;
    this.hint = h('p', { class: 'hint', text: this.rooms ? `Rooms ${this.rooms}` : 'Configured rooms' });
    const panel = h('section', { class: 'meetings', 'aria-label': 'Meetings', 'data-testid': 'meetings-panel' },
      h('div', { class: 'section-head' }, h('h2', { text: 'Meetings' })),
      this.hint,
      h('div', { class: 'field meeting-join' }, input,
        h('button', { type: 'button', class: 'btn primary small', text: 'Join meeting', onclick: join })));
    return { panel };
  }
}
