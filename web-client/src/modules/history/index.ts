// History: state (the store's `history`, state/history.ts), controller (controller.ts, with
// the REST client), view (view.ts: the sidebar list, and the "History" header button).
import { h, icon } from '../../ui/dom';
import type { FeatureModule, FeatureView, ModuleContext } from '../contract';
import { HistoryController } from './controller';
import { HistoryView } from './view';

export class HistoryModule implements FeatureModule {
  readonly id = 'history';
  controller: HistoryController | null = null;

  start(ctx: ModuleContext): void { this.controller = new HistoryController(ctx.phone, ctx.store); }

  view(ctx: ModuleContext): FeatureView {
    const list = new HistoryView((peer, video) => { ctx.showSidebar(false); void ctx.phone.call(peer, video); }, () => this.controller?.clear());
    const toggle = (): void => {
      const show = list.el.hidden;
      list.el.hidden = !show;
      if (show) ctx.showSidebar(true);
    };
    const button = h('button', { type: 'button', class: 'btn ghost', 'aria-label': 'History', title: 'History', onclick: toggle }, icon('clock'));
    return { panel: list.el, headerButtons: [button], render: s => list.render(s.history) };
  }
}
