// Screen share: state (each call's `screen` flag), controller (controller.ts), view (the
// "Share" call control).
import { iconButton, pressed } from '../../ui/dom';
import type { FeatureModule, FeatureView, ModuleContext } from '../contract';
import { ScreenShareController } from './controller';

export class ScreenShareModule implements FeatureModule {
  readonly id = 'screenshare';
  controller: ScreenShareController | null = null;

  start(ctx: ModuleContext): void { this.controller = new ScreenShareController(ctx.phone); }

  view(ctx: ModuleContext): FeatureView {
    const el = iconButton('Share screen', 'screen', () => {
      const c = ctx.phone.focusedCtl();
      if (c) void this.controller?.toggleScreen(c);
    }, 'toggle', 'Share');
    return { callControls: [{ order: 60, el, render: c => pressed(el, c.screen) }] };
  }
}
