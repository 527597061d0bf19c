// Auto-answer headers. (NOTIFY "Event: talk" / "Event: hold", the Broadsoft-style remote
// answer/hold, is answered in the JsSIP adapter: jssip/session.ts, interceptCtlNotify.)

/** Alert-Info: <...>;info=alert-autoanswer, Alert-Info: info=alert-autoanswer, Call-Info: ...;answer-after=0 */
export function wantsAutoAnswer(headers: (name: string) => string[]): boolean {
  if (headers('Alert-Info').some(h => /(^|[;\s<,])info\s*=\s*alert-autoanswer/i.test(h) || /auto-?answer/i.test(h))) return true;
  return headers('Call-Info').some(h => /answer-after\s*=\s*0(\D|$)/i.test(h));
}
