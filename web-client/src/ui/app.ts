// The application shell: header, sidebar (calls, then the feature modules' panels), main area
// (dialer or call). What a feature shows comes from its module (modules/host.ts).
import { detectAutoplayBlocked, notify, onUserGesture } from '../media/autoplay';
import { applySink } from '../media/devices';
import { focused, focus, isActive } from '../state/calls';
import type { Settings } from '../state/settings';
import type { AppState, Store } from '../state/store';
import type { Phone } from '../sip/phone';
import { audioCtx } from '../sip/media';
import { CallListView, CallPanel, Dialer } from '../modules/calls';
import type { ModuleHost } from '../modules/host';
import { StatsDialog } from './dialogs';
import { h, icon, setAttr, setText, toggleAnimated } from './dom';
import { SettingsDialog } from './settings';

export interface AppActions {
  saveSettings(s: Settings, devicesOnly?: boolean): void;
  unregister(): void;
  settings(): Settings;
}

const REG_TEXT: Record<string, string> = {
  unregistered: 'Not registered', connecting: 'Connecting…', registering: 'Registering…', registered: 'Registered', failed: 'Registration failed',
};

/** "wss://sip.example.org:7443/ws" -> "sip.example.org:7443". */
export function serverLabel(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

export class App {
  readonly settingsDlg: SettingsDialog;
  private reg = h('span', { class: 'reg', 'data-testid': 'registration', 'data-state': 'unregistered', role: 'status' });
  private account = h('span', { class: 'account' });
  private server = h('span', { class: 'server', 'data-testid': 'server' });
  private error = h('div', { class: 'banner error', 'data-testid': 'error', role: 'alert', hidden: true });
  private errorText = h('span');
  private autoplay = h('div', { class: 'banner warn', 'data-testid': 'autoplay-warning', role: 'alert', hidden: true,
    text: 'Sound is blocked by the browser. Click anywhere on the page to enable audio.' });
  private dialer: Dialer;
  private panel: CallPanel;
  private list: CallListView;
  private statsDlg: StatsDialog;

  private backToCall: HTMLButtonElement;
  private root: HTMLElement;

  constructor(phone: Phone, private store: Store, private actions: AppActions, private readonly modules: ModuleHost) {
    this.dialer = new Dialer({
      call: (t, v) => void phone.call(t, v),
      hangup: () => phone.focusedCtl()?.hangup(),
      key: k => { const c = phone.focusedCtl(); if (c?.info?.status === 'connected') c.dtmf(k); },
    });
    this.statsDlg = new StatsDialog(phone);
    this.list = new CallListView(id => { store.calls(l => focus(l, id)); store.set({ dialerOpen: false }); this.toggleMenu(false); });
    this.panel = new CallPanel(phone, {
      addCall: () => { phone.focusedCtl()?.setHold(true); store.set({ dialerOpen: true }); this.dialer.input.focus(); },
      stats: () => this.statsDlg.open(),
    }, modules.callControls);
    this.settingsDlg = new SettingsDialog({ save: (s, d) => actions.saveSettings(s, d), unregister: () => actions.unregister(), current: () => actions.settings() });
    this.backToCall = h('button', { type: 'button', class: 'btn secondary small back-to-call', text: 'Back to call', hidden: true, onclick: () => store.set({ dialerOpen: false }) });
    const errClose = h('button', { type: 'button', class: 'btn ghost small', 'aria-label': 'Dismiss error', onclick: () => store.set({ error: '' }) }, icon('x'));
    this.error.append(this.errorText, errClose);

    const header = h('header', { class: 'topbar' },
      h('button', { type: 'button', class: 'btn ghost menu-btn', 'aria-label': 'Menu', 'aria-expanded': 'false', onclick: () => this.toggleMenu() }, icon('menu')),
      h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, icon('phone')), h('span', { text: 'Switchboard' })),
      h('div', { class: 'reg-box' }, this.reg, this.account, this.server),
      h('nav', { class: 'top-actions' },
        ...modules.headerButtons,
        h('button', { type: 'button', class: 'btn ghost', 'aria-label': 'Settings', title: 'Settings', onclick: () => void this.settingsDlg.open() }, icon('gear'))));
    const sidebar = h('aside', { class: 'sidebar', 'aria-label': 'Calls and history' },
      h('div', { class: 'section-head' }, h('h2', { text: 'Calls' })), this.list.el, ...modules.panels);
    const main = h('main', { class: 'main' }, this.backToCall, this.dialer.el, this.panel.el);
    this.root = h('div', { class: 'app' }, header, this.error, this.autoplay,
      h('div', { class: 'layout' }, sidebar, h('div', { class: 'scrim', onclick: () => this.toggleMenu(false) }), main),
      this.settingsDlg.el, ...modules.dialogs, this.statsDlg.el);
    document.addEventListener('keydown', e => this.dialer.onGlobalKey(e));
    store.subscribe(s => this.render(s));
    setInterval(() => { this.list.tick(store.state.calls); this.panel.tick(focused(store.state.calls)); }, 1000);
  }

  mount(el: HTMLElement): void { el.replaceChildren(this.root); this.render(this.store.state); }

  toggleMenu(on?: boolean): void {
    const open = on ?? !this.root.classList.contains('menu-open');
    toggleAnimated(this.root, 'menu-open', open, 'menu-anim');
    setAttr(this.root.querySelector('.menu-btn')!, 'aria-expanded', String(open));
  }

  async checkAutoplay(): Promise<void> {
    if (!(await detectAutoplayBlocked())) return;
    this.store.set({ autoplayBlocked: true });
    const n = notify('Switchboard Phone', 'Click here to enable call audio.', () => window.focus());
    onUserGesture(() => {
      audioCtx();
      document.querySelectorAll('audio').forEach(a => void a.play().catch(() => {}));
      this.store.set({ autoplayBlocked: false });
      void n.then(x => x?.close());
    });
  }

  /** Speaker changes: setSinkId on every call's audio element. */
  applySpeaker(sink: string): void {
    document.querySelectorAll('audio').forEach(a => void applySink(a, sink).catch(() => {}));
  }

  private render(s: AppState): void {
    setAttr(this.reg, 'data-state', s.registration);
    setAttr(this.reg, 'data-server', s.server);
    setText(this.server, s.server ? `via ${serverLabel(s.server)}` : '');
    setAttr(this.server, 'title', s.server);
    setText(this.reg, s.registration === 'failed' && s.regReason ? s.regReason : (s.regReason && s.registration === 'connecting' ? s.regReason : REG_TEXT[s.registration]));
    const st = this.actions.settings();
    setText(this.account, st.username ? (st.displayName ? `${st.displayName} (${st.username})` : st.username) : '');
    this.error.hidden = !s.error;
    setText(this.errorText, s.error);
    this.autoplay.hidden = !s.autoplayBlocked;
    this.list.render(s.calls);
    this.modules.render(s);
    const f = focused(s.calls);
    const inCall = !!f && isActive(f);
    const showPanel = inCall && !s.dialerOpen;
    this.panel.el.hidden = !showPanel;
    this.dialer.el.hidden = showPanel;
    this.backToCall.hidden = !(inCall && s.dialerOpen);
    if (showPanel) this.panel.render(s, f);
    this.root.classList.toggle('has-calls', s.calls.calls.length > 0);
  }
}
