// Dialogs: the shell every dialog shares, and the call statistics panel.
import type { Phone } from '../sip/phone';
import { h, icon } from './dom';

export function dialogShell(title: string, body: HTMLElement[], onClose?: () => void): HTMLDialogElement {
  const d: HTMLDialogElement = h('dialog', { class: 'dialog', 'aria-label': title },
    h('div', { class: 'dlg-head' }, h('h2', { text: title }),
      h('button', { type: 'button', class: 'btn ghost', 'aria-label': `Close ${title.toLowerCase()}`, onclick: () => d.close() }, icon('x'))),
    ...body);
  if (onClose) d.addEventListener('close', onClose);
  return d;
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
