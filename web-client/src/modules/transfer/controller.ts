// Transfers: blind (REFER) and attended (REFER with Replaces), and an incoming REFER.
import { toSipUri } from '../../state/activation';
import { updateCall } from '../../state/calls';
import type { CallCtl } from '../../sip/call';
import type { IncomingRefer, ReferHandlers } from '../../sip/jssip';
import { getLocalStream } from '../../sip/media';
import type { Phone } from '../../sip/phone';
import { transferTransition, type TransferEvent } from './state';

/** What the controller needs of the phone (a Phone, or a fake in tests). */
export type TransferPhone = Pick<Phone, 'store' | 'domain' | 'settings' | 'error' | 'pcConfig' | 'expectSession' | 'events'>;
/** What the controller needs of a call. */
export type TransferCall = Pick<CallCtl, 'id' | 'info' | 'session' | 'setHold' | 'hangup' | 'silence'>;

export class TransferController {
  constructor(private readonly phone: TransferPhone) {
    phone.events.on('call:refer', e => void this.acceptRefer(e.ctl, e.refer));
  }

  /** The call's transfer state (state.ts) after an event. */
  transferEvent(ctl: Pick<CallCtl, 'id' | 'info'>, ev: TransferEvent): void {
    const cur = ctl.info?.transfer ?? 'none';
    const next = transferTransition(cur, ev);
    if (next !== cur) this.phone.store.calls(l => updateCall(l, ctl.id, { transfer: next }));
  }

  private referHandlers(ctl: TransferCall, endOnSuccess: TransferCall[]): ReferHandlers {
    return {
      // Hold only once the REFER is accepted: a hold re-INVITE sent together with the REFER
      // can overtake it through the proxy, and JsSIP answers the late lower-CSeq REFER 500.
      requestSucceeded: () => { this.transferEvent(ctl, { type: 'notify', status: 100 }); ctl.setHold(true); },
      requestFailed: reason => this.transferFailed(ctl, reason),
      trying: () => this.transferEvent(ctl, { type: 'notify', status: 100 }),
      progress: () => this.transferEvent(ctl, { type: 'notify', status: 180 }),
      accepted: () => {
        this.transferEvent(ctl, { type: 'notify', status: 200 });
        setTimeout(() => endOnSuccess.forEach(c => c.hangup()), 500);
      },
      failed: reason => this.transferFailed(ctl, reason),
    };
  }

  private transferFailed(ctl: TransferCall, reason: string | undefined): void {
    this.transferEvent(ctl, { type: 'failed' });
    this.phone.error(`Transfer failed: ${reason ?? 'unknown reason'}`);
    ctl.setHold(false);
  }

  blindTransfer(ctl: TransferCall, target: string): void {
    const uri = toSipUri(target, this.phone.domain);
    if (!uri) { this.phone.error(`Transfer failed: invalid target "${target}"`); return; }
    this.transferEvent(ctl, { type: 'start' });
    try {
      ctl.session.refer(uri, this.referHandlers(ctl, [ctl]));
    } catch (e) {
      this.transferFailed(ctl, (e as Error).message);
    }
  }

  attendedTransfer(ctl: TransferCall, other: TransferCall): void {
    this.transferEvent(ctl, { type: 'start' });
    try {
      ctl.session.refer(null, this.referHandlers(ctl, [ctl, other]), other.session);
    } catch (e) {
      this.transferFailed(ctl, (e as Error).message);
    }
  }

  /** Incoming REFER: place the new call; the original ends when it is answered. */
  async acceptRefer(ctl: TransferCall, refer: IncomingRefer): Promise<void> {
    const video = !!ctl.info?.video;
    let stream: MediaStream;
    try {
      stream = await getLocalStream(this.phone.settings(), video, m => this.phone.error(m));
    } catch (e) {
      this.phone.error((e as Error).message);
      refer.reject();
      return;
    }
    // The transferor has put this call on hold already: stop sending on it locally, without
    // a hold re-INVITE of our own (two crossing re-INVITEs: 491, and JsSIP hangs up on a
    // failed hold). Sending resumes if the new call fails.
    ctl.silence(true);
    this.phone.expectSession({ video, stream });
    refer.accept(newSession => {
      // The transferor ends the old call once it has our NOTIFY 200 (RFC 5589); our own BYE
      // is only a fallback, late enough not to overtake that NOTIFY through the proxy.
      newSession.on('confirmed', () => setTimeout(() => ctl.hangup(), 2000));
      newSession.on('failed', () => ctl.silence(false));
    }, { mediaStream: stream, pcConfig: this.phone.pcConfig });
  }
}
