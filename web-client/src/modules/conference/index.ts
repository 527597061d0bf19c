// Conference: state (each call's `conference` flag in the call list), controller
// (controller.ts: the mixer), view (the "Conference" call control).
import { iconButton, pressed } from '../../ui/dom';
import type { FeatureModule, FeatureView, ModuleContext } from '../contract';
import { ConferenceController } from './controller';

export class ConferenceModule implements FeatureModule {
  readonly id = 'conference';
  controller: ConferenceController | null = null;

  start(ctx: ModuleContext): void { this.controller = new ConferenceController(ctx.phone); }

  view(): FeatureView {
    const el = iconButton('Conference', 'conf', () => this.controller?.toggleConference(), 'toggle');
    return {
      callControls: [{
        order: 90, el,
        render: (c, s) => {
          pressed(el, c.conference);
          el.disabled = !c.conference && s.calls.calls.filter(x => x.status === 'connected').length < 2;
        },
      }],
    };
  }
}
