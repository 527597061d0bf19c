// Transfer: state (state.ts), controller (controller.ts), view (view.ts).
import type { FeatureModule, FeatureView, ModuleContext } from '../contract';
import { TransferController } from './controller';
import { TransferDialog, transferControl } from './view';

export class TransferModule implements FeatureModule {
  readonly id = 'transfer';
  controller: TransferController | null = null;

  start(ctx: ModuleContext): void { this.controller = new TransferController(ctx.phone); }

  view(ctx: ModuleContext): FeatureView {
    const dialog = new TransferDialog(ctx.phone, this.controller!);
    return { callControls: [transferControl(dialog)], dialogs: [dialog.el] };
  }
}
