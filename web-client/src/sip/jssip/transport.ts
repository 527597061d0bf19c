// JsSIP's Transport reconnection (3.13 internals): our backoff instead of its random delay.
import type { Backoff } from '../../media/reconnect';
import { realTimers, type Timers } from '../failover';

/** What installBackoff needs of JsSIP's Transport (3.13 internals). */
export interface RecoveringTransport {
  _reconnect: () => void;
  recovery_timer: unknown;
  close_requested: boolean;
  isConnected(): boolean;
  isConnecting(): boolean;
  connect(): void;
}

/** Replaces JsSIP's random recovery delay (1..2^n s) by our Backoff between failover rounds;
 *  JsSIP clears recovery_timer itself on connect and disconnect. */
export function installBackoff(transport: RecoveringTransport, backoff: Backoff, timers: Timers = realTimers): void {
  transport._reconnect = () => {
    transport.recovery_timer = timers.set(() => {
      transport.recovery_timer = null;
      if (!transport.close_requested && !transport.isConnected() && !transport.isConnecting()) transport.connect();
    }, backoff.next());
  };
}
