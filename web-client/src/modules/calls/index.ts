// Calls: state (the store's call list, state/calls.ts), controller (the phone, sip/phone.ts and
// sip/call.ts, plus the tones here), view (dialer, call list and the focused call's panel,
// which the shell places; other modules add buttons to the panel).
import type { FeatureModule, ModuleContext } from '../contract';
import { CallTones } from './tones';

export { CallListView } from './calllist';
export { CallPanel } from './callpanel';
export { Dialer } from './dialer';

export class CallsModule implements FeatureModule {
  readonly id = 'calls';
  start(ctx: ModuleContext): void { new CallTones(ctx.store, () => ctx.settings()); }
}
