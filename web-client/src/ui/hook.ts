// window.switchboardPhone: the read-only hook of TESTING.md.
import { rtpCounters } from '../media/quality';
import { holdState } from '../state/calls';
import type { CallCtl } from '../sip/call';
import type { Phone } from '../sip/phone';

/** heard: what the user hears of a call (the conference mix while it is in one). */
export function installHook(phone: Phone, heard: (ctl: CallCtl) => MediaStream, shownModules: () => string[]): void {
  const zero = { packetsSent: 0, packetsReceived: 0, bytesSent: 0, bytesReceived: 0 };
  (window as unknown as { switchboardPhone: unknown }).switchboardPhone = {
    state: () => {
      const s = phone.store.state;
      return {
        registration: s.registration,
        calls: s.calls.calls.map(c => ({
          id: c.id, status: c.status, remote: c.remote, hold: holdState(c), muted: c.muted,
          transfer: c.transfer, conference: c.conference,
        })),
      };
    },
    rtpStats: async (callId: string) => {
      const pc = phone.ctls.get(callId)?.pc;
      return pc ? rtpCounters(pc) : zero;
    },
    remoteStream: (callId: string) => {
      const ctl = phone.ctls.get(callId);
      return ctl ? heard(ctl) : null;
    },
    sentTones: (callId: string) => phone.ctls.get(callId)?.tones ?? '',
    /** Ids of the feature modules whose view is shown (server features come and go). */
    modules: () => shownModules(),
  };
}
