// The transfer dialog (blind, or attended to another established call) and its call control.
import { otherEstablished, userPart } from '../../state/calls';
import type { Phone } from '../../sip/phone';
import { dialogShell } from '../../ui/dialogs';
import { h, iconButton } from '../../ui/dom';
import type { CallControl } from '../contract';
import type { TransferController } from './controller';

export class TransferDialog {
  readonly el: HTMLDialogElement;
  private input = h('input', { type: 'text', 'aria-label': 'Transfer to', placeholder: 'Name, number or SIP address', autocomplete: 'off' });
  private attended = h('div', { class: 'attended' });
  private callId = '';

  constructor(private phone: Phone, private readonly transfers: TransferController) {
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
        if (a && b) this.transfers.attendedTransfer(a, b);
        this.el.close();
      } })));
    this.el.showModal();
    this.input.focus();
  }

  private blind(): void {
    const ctl = this.phone.ctls.get(this.callId);
    const t = this.input.value.trim();
    if (!ctl || !t) return;
    this.transfers.blindTransfer(ctl, t);
    this.el.close();
  }
}


/** "Transfer" in the call controls: opens the dialog. */
export function transferControl(dialog: TransferDialog): CallControl {
  return { order: 80, el: iconButton('Transfer', 'transfer', () => dialog.open()), render: () => {} };
}
