// Calls survive a lost WebSocket. JsSIP ends a session (500 "Connection Error") whenever any
// of its transactions sees a transport error: the challenged initial INVITE's transaction
// lingers for 32 s, in-dialog requests (re-INVITE, NOTIFY) too. An established call's media
// does not depend on the WebSocket, so we keep it and let signalling resume after the
// reconnect (the ICE restart re-INVITE goes out once registered again).
/* eslint-disable @typescript-eslint/no-explicit-any */

export function keepCallOnTransportError(session: any): void {
  const original = session.onTransportError?.bind(session);
  if (!original) return;
  session.onTransportError = () => {
    if (session.isEstablished?.()) {
      // A re-INVITE lost with the socket would otherwise block every later re-INVITE.
      if (session._dialog) session._dialog.uac_pending_reply = false;
      return;
    }
    original();
  };
}

/** The Replaces header value for taking over our dialog: to-tag is the peer's tag. */
export function replacesValue(callId: string, localTag: string, remoteTag: string): string {
  return `${callId};to-tag=${remoteTag};from-tag=${localTag}`;
}
