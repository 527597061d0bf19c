// The settings form (a modal dialog).
import { listDevices } from '../media/devices';
import { parseIceServers, parseWsServers, type Settings } from '../state/settings';
import { h, icon } from './dom';

export interface SettingsActions {
  save(s: Settings, devicesOnly?: boolean): void;
  unregister(): void;
  current(): Settings;
}

function field(label: string, input: HTMLElement, hint = ''): HTMLElement {
  const id = `f-${label.toLowerCase().replace(/\W+/g, '-')}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), input, hint ? h('small', { class: 'hint', text: hint }) : null);
}

function check(label: string, input: HTMLInputElement): HTMLElement {
  const id = `f-${label.toLowerCase().replace(/\W+/g, '-')}`;
  input.id = id;
  return h('div', { class: 'field check' }, input, h('label', { for: id, text: label }));
}

export class SettingsDialog {
  readonly el: HTMLDialogElement;
  private f = {
    username: h('input', { type: 'text', autocomplete: 'username' }),
    displayName: h('input', { type: 'text' }),
    password: h('input', { type: 'password', autocomplete: 'current-password' }),
    authName: h('input', { type: 'text', placeholder: 'same as username' }),
    autoConfig: h('input', { type: 'checkbox' }),
    domain: h('input', { type: 'text', placeholder: 'example.org' }),
    wsServers: h('textarea', { rows: 3, placeholder: 'wss://sip.example.org:7443' }),
    iceServers: h('textarea', { rows: 3, placeholder: '[{"urls": "stun:stun.example.org:3478"}]' }),
    microphone: h('select'), speaker: h('select'), ringer: h('select'), camera: h('select'),
    forceDevices: h('input', { type: 'checkbox' }),
    keepLoggedIn: h('input', { type: 'checkbox' }),
  };
  private err = h('p', { class: 'form-error', role: 'alert' });
  private serverBox: HTMLElement;

  constructor(private actions: SettingsActions) {
    const f = this.f;
    this.serverBox = h('div', { class: 'server-fields' },
      field('Domain', f.domain), field('WebSocket servers', f.wsServers, 'One URL per line, in priority order'),
      field('ICE servers', f.iceServers, 'JSON, e.g. [{"urls":"stun:host:3478"}]'));
    f.autoConfig.addEventListener('change', () => this.serverBox.classList.toggle('muted', f.autoConfig.checked));
    for (const k of ['microphone', 'speaker', 'ringer', 'camera', 'forceDevices'] as const) {
      f[k].addEventListener('change', () => this.applyDevices());
    }
    const form = h('form', { method: 'dialog', class: 'settings-form', onsubmit: (e: Event) => { e.preventDefault(); this.submit(); } },
      h('div', { class: 'dlg-head' }, h('h2', { text: 'Settings' }),
        h('button', { type: 'button', class: 'btn ghost', 'aria-label': 'Close settings', onclick: () => this.el.close() }, icon('x'))),
      h('fieldset', {}, h('legend', { text: 'Account' }),
        field('Username', f.username), field('Display name', f.displayName), field('Password', f.password), field('Auth name', f.authName)),
      h('fieldset', {}, h('legend', { text: 'Server' }), check('Configure automatically', f.autoConfig), this.serverBox),
      h('fieldset', {}, h('legend', { text: 'Media devices' }),
        field('Microphone', f.microphone), field('Speaker', f.speaker), field('Ringing output', f.ringer), field('Camera', f.camera),
        check('Force selected devices', f.forceDevices)),
      check('Keep me logged in', f.keepLoggedIn),
      this.err,
      h('div', { class: 'dlg-actions' },
        h('button', { type: 'button', class: 'btn secondary', text: 'Unregister', onclick: () => { actions.unregister(); this.el.close(); } }),
        h('button', { type: 'submit', class: 'btn primary', text: 'Save' })));
    this.el = h('dialog', { class: 'dialog settings', 'aria-label': 'Settings' }, form);
  }

  async open(): Promise<void> {
    const s = this.actions.current();
    const f = this.f;
    f.username.value = s.username; f.displayName.value = s.displayName; f.password.value = s.password;
    f.authName.value = s.authName === s.username ? '' : s.authName;
    f.autoConfig.checked = s.autoConfig; f.domain.value = s.domain;
    f.wsServers.value = s.wsServers.join('\n');
    f.iceServers.value = s.iceServers.length ? JSON.stringify(s.iceServers) : '';
    f.forceDevices.checked = s.forceDevices; f.keepLoggedIn.checked = s.keepLoggedIn;
    this.serverBox.classList.toggle('muted', s.autoConfig);
    this.err.textContent = '';
    await this.fillDevices(s);
    if (!this.el.open) this.el.showModal();
    f.username.focus();
  }

  private async fillDevices(s: Settings): Promise<void> {
    let d: Awaited<ReturnType<typeof listDevices>> = { microphones: [], speakers: [], cameras: [] };
    try { d = await listDevices(); } catch { /* no devices */ }
    const fill = (sel: HTMLSelectElement, list: MediaDeviceInfo[], value: string, what: string) => {
      sel.replaceChildren(h('option', { value: '', text: 'Default' }),
        ...list.filter(x => x.deviceId && x.deviceId !== 'default').map((x, i) => h('option', { value: x.deviceId, text: x.label || `${what} ${i + 1}` })));
      sel.value = value;
      if (sel.value !== value) sel.value = '';
    };
    fill(this.f.microphone, d.microphones, s.microphone, 'Microphone');
    fill(this.f.speaker, d.speakers, s.speaker, 'Speaker');
    fill(this.f.ringer, d.speakers, s.ringer, 'Speaker');
    fill(this.f.camera, d.cameras, s.camera, 'Camera');
  }

  private read(): Settings {
    const f = this.f;
    const username = f.username.value.trim();
    return {
      username, displayName: f.displayName.value.trim(), password: f.password.value,
      authName: f.authName.value.trim() || username,
      autoConfig: f.autoConfig.checked, domain: f.domain.value.trim(),
      wsServers: parseWsServers(f.wsServers.value), iceServers: parseIceServers(f.iceServers.value),
      microphone: f.microphone.value, speaker: f.speaker.value, ringer: f.ringer.value, camera: f.camera.value,
      forceDevices: f.forceDevices.checked, keepLoggedIn: f.keepLoggedIn.checked,
    };
  }

  /** Device changes apply at once to live calls (without re-registering). */
  private applyDevices(): void {
    try {
      const cur = this.actions.current();
      const f = this.f;
      this.actions.save({ ...cur, microphone: f.microphone.value, speaker: f.speaker.value, ringer: f.ringer.value,
        camera: f.camera.value, forceDevices: f.forceDevices.checked }, true);
    } catch { /* ignore */ }
  }

  private submit(): void {
    let s: Settings;
    try { s = this.read(); } catch (e) { this.err.textContent = `ICE servers: ${(e as Error).message}`; return; }
    if (!s.username) { this.err.textContent = 'Username is required'; return; }
    if (!s.autoConfig && !s.wsServers.length) { this.err.textContent = 'Give at least one WebSocket server (ws:// or wss://)'; return; }
    this.actions.save(s);
    this.el.close();
  }
}
