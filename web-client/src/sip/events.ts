// Typed phone events: what feature modules (src/modules/) subscribe to.
import type { CallCtl } from './call';
import type { IncomingRefer, SipRequest } from './jssip';
import type { EndInfo } from '../state/history';
import type { CallInfo } from '../state/calls';

export interface PhoneEventMap {
  /** A session was created for a call (incoming or outgoing), before it rings. */
  'call:new': { ctl: CallCtl };
  /** The call's dialog is confirmed (ACK sent or received). */
  'call:confirmed': { ctl: CallCtl };
  /** The call ended; `info` is what the call list held at that moment. */
  'call:ended': { ctl: CallCtl; info: CallInfo | undefined; end: EndInfo; reason: string };
  /** The peer asks this call to be transferred (incoming REFER). */
  'call:refer': { ctl: CallCtl; refer: IncomingRefer };
  /** Registered (again): the first time and after every reconnection. */
  registered: Record<string, never>;
  /** An out-of-dialog NOTIFY (talk/hold of third-party call control and others). */
  'sip:notify': { request: SipRequest };
}

export type PhoneEvent = keyof PhoneEventMap;
type Handler<K extends PhoneEvent> = (e: PhoneEventMap[K]) => void;

/** A synchronous, typed event emitter; a throwing handler does not stop the others. */
export class PhoneEvents {
  private readonly handlers = new Map<PhoneEvent, Handler<never>[]>();

  on<K extends PhoneEvent>(event: K, fn: Handler<K>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(fn as Handler<never>);
    this.handlers.set(event, list);
    return () => {
      const l = this.handlers.get(event);
      if (l) this.handlers.set(event, l.filter(h => h !== fn));
    };
  }

  emit<K extends PhoneEvent>(event: K, e: PhoneEventMap[K]): void {
    for (const h of this.handlers.get(event) ?? []) {
      try {
        (h as Handler<K>)(e);
      } catch (err) {
        console.error(`phone event ${event}: a handler failed`, err);
      }
    }
  }
}
