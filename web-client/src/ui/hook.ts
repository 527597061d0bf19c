// window.switchboardPhone: the read-only hook of TESTING.md.
import { rtpCounters } from '../media/quality';
import { holdState } from '../state/calls';
import type { Phone } from '../sip/phone';

export function installHook(phone: Phone): void {
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
      return ctl ? phone.extras.heard(ctl) : null;
    },
    sentTones: (callId: string) => phone.ctls.get(callId)?.tones ?? '',
  };
}
