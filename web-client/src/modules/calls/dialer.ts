// Dial pad: destination field, keypad, audio and video call buttons, keyboard support.
import { h, icon, iconButton } from '../../ui/dom';

const KEYS: [string, string][] = [
  ['1', ''], ['2', 'ABC'], ['3', 'DEF'], ['4', 'GHI'], ['5', 'JKL'], ['6', 'MNO'],
  ['7', 'PQRS'], ['8', 'TUV'], ['9', 'WXYZ'], ['*', ''], ['0', '+'], ['#', ''],
];

export interface DialerActions {
  call(target: string, video: boolean): void;
  hangup(): void;
  /** A key typed while a connected call has the focus (sent as DTMF when the dialer is hidden). */
  key(k: string): void;
}

export class Dialer {
  readonly el: HTMLElement;
  readonly input: HTMLInputElement;

  constructor(private actions: DialerActions) {
    this.input = h('input', {
      type: 'text', id: 'destination', 'aria-label': 'Destination', placeholder: 'Name, number or SIP URI',
      autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', inputmode: 'text',
    });
    this.input.addEventListener('keydown', ev => {
      if (ev.key === 'Enter') { ev.preventDefault(); this.submit(false); }
      else if (ev.key === 'Escape') { ev.preventDefault(); actions.hangup(); }
    });
    const pad = h('div', { class: 'keypad', role: 'group', 'aria-label': 'Dial pad' },
      ...KEYS.map(([d, sub]) => h('button', { type: 'button', class: 'key', 'aria-label': d, onclick: () => this.press(d) },
        h('span', { class: 'digit', text: d }), h('span', { class: 'sub', text: sub, 'aria-hidden': 'true' }))));
    const back = h('button', { type: 'button', class: 'btn ghost backspace', 'aria-label': 'Delete last digit', title: 'Delete', onclick: () => this.backspace() }, icon('back'));
    this.el = h('section', { class: 'dialer', 'aria-label': 'Dialer' },
      h('div', { class: 'dest-row' }, this.input, back),
      pad,
      h('div', { class: 'call-buttons' },
        iconButton('Audio call', 'phone', () => this.submit(false), 'call-btn', 'Call'),
        iconButton('Video call', 'video', () => this.submit(true), 'call-btn video-btn', 'Video')));
  }

  get visible(): boolean { return !this.el.hidden && this.el.offsetParent !== null; }

  press(d: string): void {
    this.input.value += d;
    this.input.focus();
  }

  backspace(): void { this.input.value = this.input.value.slice(0, -1); }

  submit(video: boolean): void {
    const v = this.input.value.trim();
    if (!v) { this.input.focus(); return; }
    this.actions.call(v, video);
  }

  /** Global keyboard shortcuts (when the focus is not in a text field). */
  onGlobalKey(ev: KeyboardEvent): void {
    const t = ev.target as HTMLElement;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (document.querySelector('dialog[open]')) return;
    const k = ev.key;
    if (/^[0-9*#]$/.test(k)) {
      ev.preventDefault();
      if (this.visible) this.input.value += k; else this.actions.key(k);
    } else if (k === 'Enter' && this.visible && t?.tagName !== 'BUTTON') {
      ev.preventDefault(); this.submit(false);
    } else if (k === 'Escape') {
      ev.preventDefault(); this.actions.hangup();
    } else if (k === 'Backspace' && this.visible) {
      ev.preventDefault(); this.backspace();
    }
  }
}
