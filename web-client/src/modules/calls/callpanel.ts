// The focused call: who, status, timer, video, and the in-call controls.
import { userPart, type CallInfo } from '../../state/calls';
import type { AppState } from '../../state/store';
import type { Phone } from '../../sip/phone';
import { addVideo, setVideoPaused } from '../../sip/video';
import { h, iconButton, pressed, setText, show } from '../../ui/dom';
import type { CallControl } from '../contract';
import { statusText, timerOf } from './calllist';

export interface PanelActions {
  addCall(): void;
  stats(): void;
}

export class CallPanel {
  readonly el: HTMLElement;
  private name = h('h2', { class: 'peer-name' });
  private uri = h('div', { class: 'peer-uri' });
  private status = h('div', { class: 'peer-status', 'aria-live': 'polite' });
  private timer = h('div', { class: 'peer-timer' });
  private remoteVideo = h('video', { class: 'remote-video', autoplay: true, playsinline: true, muted: true });
  private localVideo = h('video', { class: 'local-video', autoplay: true, playsinline: true, muted: true });
  private ringing: HTMLElement;
  private controls: HTMLElement;
  private dtmfPad: HTMLElement;
  private b: Record<string, HTMLButtonElement> = {};
  private callId: string | null = null;
  private readonly extra: CallControl[];

  /** `controls`: the buttons feature modules contribute, placed among ours by their order. */
  constructor(private phone: Phone, actions: PanelActions, controls: CallControl[] = []) {
    this.extra = controls;
    const ctl = () => phone.focusedCtl();
    const btn = (key: string, label: string, iconName: string, fn: () => void, cls = '', cap = label) =>
      (this.b[key] = iconButton(label, iconName, fn, cls, cap));
    this.ringing = h('div', { class: 'answer-row' },
      btn('answerAudio', 'Answer with audio', 'phone', () => this.answer(false), 'accept', 'Answer'),
      btn('answerVideo', 'Answer with video', 'video', () => this.answer(true), 'accept', 'Video'),
      btn('reject', 'Reject', 'end', () => ctl()?.reject(), 'danger', 'Reject'));
    this.dtmfPad = h('div', { class: 'keypad dtmf', role: 'group', 'aria-label': 'DTMF keypad', hidden: true },
      ...'123456789*0#'.split('').map(d => h('button', { type: 'button', class: 'key', 'aria-label': `DTMF ${d}`, onclick: () => ctl()?.dtmf(d) },
        h('span', { class: 'digit', text: d }))));
    const core: [number, HTMLButtonElement][] = [
      [10, btn('mute', 'Mute', 'mic', () => { const c = ctl(); if (c) c.setMuted(!c.info?.muted); }, 'toggle')],
      [20, btn('hold', 'Hold', 'pause', () => { const c = ctl(); if (c) c.setHold(!c.info?.localHold); }, 'toggle')],
      [30, btn('keypad', 'Keypad', 'grid', () => { this.dtmfPad.hidden = !this.dtmfPad.hidden; pressed(this.b.keypad, !this.dtmfPad.hidden); }, 'toggle')],
      [40, btn('addVideo', 'Add video', 'video', () => { const c = ctl(); if (c) addVideo(phone, c).catch(e => phone.error((e as Error).message)); }, '', 'Video')],
      [50, btn('pauseVideo', 'Pause video', 'video', () => { const c = ctl(); if (c) setVideoPaused(phone, c, !c.info?.videoPaused); }, 'toggle', 'Pause')],
      [70, btn('addCall', 'Add call', 'plus', () => actions.addCall(), '', 'Add')],
      [100, btn('stats', 'Call statistics', 'stats', () => actions.stats(), '', 'Stats')],
    ];
    const all = [...core, ...controls.map((c): [number, HTMLButtonElement] => [c.order, c.el])].sort((a, b) => a[0] - b[0]);
    this.controls = h('div', { class: 'controls' }, ...all.map(([, el]) => el));
    const end = btn('end', 'End call', 'end', () => ctl()?.hangup(), 'danger end');
    this.el = h('section', { class: 'call-panel', 'aria-label': 'Current call' },
      h('div', { class: 'stage' }, this.remoteVideo, this.localVideo,
        h('div', { class: 'peer' }, h('div', { class: 'avatar', 'aria-hidden': 'true' }), this.name, this.uri, this.status, this.timer)),
      this.ringing, this.controls, this.dtmfPad, h('div', { class: 'end-row' }, end));
  }

  private answer(video: boolean): void {
    const c = this.phone.focusedCtl();
    if (c) void this.phone.answer(c.id, video);
  }

  render(s: AppState, c: CallInfo | undefined): void {
    if (!c) return;
    if (c.id !== this.callId) {
      this.callId = c.id;
      this.dtmfPad.hidden = true;
      pressed(this.b.keypad, false);
    }
    const ctl = this.phone.ctls.get(c.id);
    setText(this.name, c.remoteName || userPart(c.remote));
    setText(this.uri, c.remote);
    setText(this.status, statusText(c));
    this.el.dataset.status = c.status;
    this.tick(c);
    const incoming = c.status === 'incoming';
    const connected = c.status === 'connected';
    const live = c.status !== 'ended' && c.status !== 'error';
    show(this.ringing, incoming);
    show(this.controls, connected);
    if (!connected) this.dtmfPad.hidden = true;
    show(this.b.end, live && !incoming);
    const hasLocalVideo = !!ctl?.localStream?.getVideoTracks().length;
    show(this.b.addVideo, !hasLocalVideo);
    show(this.b.pauseVideo, hasLocalVideo);
    pressed(this.b.mute, c.muted);
    setText(this.b.mute.querySelector('.cap')!, c.muted ? 'Unmute' : 'Mute');
    pressed(this.b.hold, c.localHold);
    setText(this.b.hold.querySelector('.cap')!, c.localHold ? 'Resume' : 'Hold');
    pressed(this.b.pauseVideo, c.videoPaused);
    for (const x of this.extra) x.render(c, s);
    const hasRemoteVideo = !!ctl?.remoteStream.getVideoTracks().some(t => t.readyState === 'live');
    if (this.remoteVideo.srcObject !== (hasRemoteVideo ? ctl!.remoteStream : null)) this.remoteVideo.srcObject = hasRemoteVideo ? ctl!.remoteStream : null;
    const local = hasLocalVideo && live ? ctl!.localStream : null;
    if (this.localVideo.srcObject !== local) this.localVideo.srcObject = local;
    this.el.classList.toggle('has-video', hasRemoteVideo && live);
    this.el.classList.toggle('has-local-video', !!local);
  }

  tick(c: CallInfo | undefined): void {
    if (c) setText(this.timer, c.status === 'connected' || c.answeredAt ? timerOf(c, Date.now()) : '');
  }
}
