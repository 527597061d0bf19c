// Taking a call over with INVITE/Replaces (after a reconnect or a reload). Keeping calls
// when the WebSocket is lost is the adapter's (jssip/session.ts, keepCallOnTransportError).

/** The Replaces header value for taking over our dialog: to-tag is the peer's tag. */
export function replacesValue(callId: string, localTag: string, remoteTag: string): string {
  return `${callId};to-tag=${remoteTag};from-tag=${localTag}`;
}
