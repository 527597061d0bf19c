// The typed JsSIP adapter: every use of JsSIP goes through here (see README "JsSIP adapter").
export { SipUa, type SipUaEventMap, type UaSettings } from './ua';
export { SipSession, ctlEventOf, type CtlEvent } from './session';
export type * from './types';
