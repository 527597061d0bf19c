// Transfer dialog and call statistics panel.
import { otherEstablished, userPart } from '../state/calls';
import type { Phone } from '../sip/phone';
import { h, icon } from './dom';

function dialogShell(title: string, body: HTMLElement[], onClose?: () => void): HTMLDialogElement {
  const d: HTMLDialogElement = h('dialog', { class: 'dialog', 'aria-label': title },
    h('div', { class: 'dlg-head' }, h('h2', { text: title }),
      h('button', { type: 'button', class: 'btn ghost', 'aria-label': `Close ${title.toLowerCase()}`, onclick: () => d.close() }, icon('x'))),
    ...body);
  if (onClose) d.addEventListener('close', onClose);
  return d;
}

export class TransferDialog {
  readonly el: HTMLDialogElement;
  private input = h('input', { type: 'text', 'aria-label': 'Transfer to', placeholder: 'Name, number or SIP address', autocomplete: 'off' });
  private attended = h('div', { class: 'attended' });
  private callId = '';

  constructor(private phone: Phone) {
    const blind = h('button', { type: 'button', class: 'btn primary', text: 'Blind transfer', onclick: () => this.blind() });
    this.input.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); this.blind(); } });
    this.el = dialogShell('Transfer', [
      h('div', { class: 'field' }, this.input), h('div', { class: 'dlg-actions' }, blind), this.attended]);
  }

  open(): void {
    const ctl = this.phone.focusedCtl();
    if (!ctl) return;
    this.callId = ctl.id;
    this.input.value = '';
    const others = otherEstablished(this.phone.store.state.calls, ctl.id);
    this.attended.replaceChildren(...(others.length ? [h('p', { class: 'hint', text: 'Or connect with another call:' })] : []),
      ...others.map(o => h('button', { type: 'button', class: 'btn secondary', text: `Attended transfer to ${userPart(o.remote)}`, onclick: () => {
        const a = this.phone.ctls.get(this.callId), b = this.phone.ctls.get(o.id);
        if (a && b) this.phone.extras.attendedTransfer(a, b);
        this.el.close();
      } })));
    this.el.showModal();
    this.input.focus();
  }

  private blind(): void {
    const ctl = this.phone.ctls.get(this.callId);
    const t = this.input.value.trim();
    if (!ctl || !t) return;
    this.phone.extras.blindTransfer(ctl, t);
    this.el.close();
  }
}

export class StatsDialog {
  readonly el: HTMLDialogElement;
  private body = h('dl', { class: 'stats' });
  private timer: number | undefined;

  constructor(private phone: Phone) {
    this.el = dialogShell('Call statistics', [this.body], () => clearInterval(this.timer));
  }

  open(): void {
    this.render();
    clearInterval(this.timer);
    this.timer = window.setInterval(() => this.render(), 1000);
    this.el.showModal();
  }

  private render(): void {
    const ctl = this.phone.focusedCtl();
    const q = ctl?.quality;
    const rows: [string, string][] = q ? [
      ['Voice quality', q.mos != null ? `MOS ${q.mos.toFixed(2)} (${q.color})` : q.color],
      ['Codec', q.codec || '–'],
      ['Round trip', q.rttMs != null ? `${Math.round(q.rttMs)} ms` : '–'],
      ['Jitter', q.jitterMs != null ? `${q.jitterMs.toFixed(1)} ms` : '–'],
      ['Packet loss', q.lossPercent != null ? `${q.lossPercent.toFixed(1)} %` : '–'],
      ['Packets sent / received', `${q.packetsSent} / ${q.packetsReceived}`],
      ['Bytes sent / received', `${q.bytesSent} / ${q.bytesReceived}`],
      ...(q.video ? [['Video frames sent / decoded', `${q.video.framesSent} / ${q.video.framesDecoded}`] as [string, string]] : []),
    ] : [['Status', ctl ? 'Collecting statistics…' : 'No call']];
    this.body.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
  }
}
