// Third-party call control: NOTIFY "Event: talk" / "Event: hold" (Broadsoft-style remote
// answer/hold) and auto-answer headers. JsSIP answers an in-dialog NOTIFY that is not a
// REFER progress with 489, and an unconfirmed session's NOTIFY with 403, so we intercept
// those two events on the session before JsSIP looks at them and reply 200 ourselves.
/* eslint-disable @typescript-eslint/no-explicit-any */

export type CtlEvent = 'talk' | 'hold';

export function ctlEventOf(request: any): CtlEvent | null {
  const ev = String(request?.event?.event ?? (request?.getHeader?.('Event') ?? '')).trim().toLowerCase().split(';')[0];
  return ev === 'talk' || ev === 'hold' ? ev : null;
}

export function patchSessionNotify(session: any, onEvent: (ev: CtlEvent) => void): void {
  const original = session.receiveRequest.bind(session);
  session.receiveRequest = (request: any) => {
    if (request.method === 'NOTIFY') {
      const ev = ctlEventOf(request);
      if (ev) {
        request.reply(200);
        onEvent(ev);
        return;
      }
    }
    return original(request);
  };
}

/** Alert-Info: <...>;info=alert-autoanswer, Alert-Info: info=alert-autoanswer, Call-Info: ...;answer-after=0 */
export function wantsAutoAnswer(headers: (name: string) => string[]): boolean {
  if (headers('Alert-Info').some(h => /(^|[;\s<,])info\s*=\s*alert-autoanswer/i.test(h) || /auto-?answer/i.test(h))) return true;
  return headers('Call-Info').some(h => /answer-after\s*=\s*0(\D|$)/i.test(h));
}
