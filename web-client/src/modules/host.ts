// Starts the feature modules, collects their views and shows a server feature's view only
// while the server has that feature installed.
import type { AppState } from '../state/store';
import type { CallControl, FeatureModule, FeatureView, ModuleContext, ServerFeature } from './contract';

interface Mounted {
  module: FeatureModule;
  view: FeatureView | null;
  /** The sidebar slot of the panel (hidden while a server feature is missing). */
  slot: HTMLElement | null;
  shown: boolean;
  settingsKey: string;
}

export class ModuleHost {
  private readonly mounted: Mounted[] = [];

  constructor(ctx: ModuleContext, modules: FeatureModule[]) {
    const ids = new Set<string>();
    for (const m of modules) {
      if (ids.has(m.id)) throw new Error(`two feature modules with the id ${m.id}`);
      ids.add(m.id);
      m.start(ctx);
    }
    for (const m of modules) {
      const view = m.view?.(ctx) ?? null;
      let slot: HTMLElement | null = null;
      if (view?.panel) {
        slot = document.createElement('div');
        slot.className = 'module-slot';
        slot.dataset.module = m.id;
        slot.append(view.panel);
        slot.hidden = !!m.serverFeature;
      }
      this.mounted.push({ module: m, view, slot, shown: !m.serverFeature, settingsKey: '' });
    }
  }

  /** Sidebar panels, in module order (each in a slot the host shows and hides). */
  get panels(): HTMLElement[] { return this.mounted.flatMap(x => x.slot ? [x.slot] : []); }
  get callControls(): CallControl[] {
    return this.mounted.flatMap(x => x.view?.callControls ?? []).sort((a, b) => a.order - b.order);
  }
  get headerButtons(): HTMLElement[] { return this.mounted.flatMap(x => x.view?.headerButtons ?? []); }
  get dialogs(): HTMLElement[] { return this.mounted.flatMap(x => x.view?.dialogs ?? []); }

  /** Ids of the modules whose view is shown now. */
  get shown(): string[] { return this.mounted.filter(x => x.shown).map(x => x.module.id); }

  view(id: string): FeatureView | null { return this.mounted.find(x => x.module.id === id)?.view ?? null; }

  /** What the server has installed now (client-config `features`): server-feature views come and go. */
  setServerFeatures(features: ServerFeature[]): void {
    const byId = new Map(features.map(f => [f.id, f]));
    for (const x of this.mounted) {
      if (!x.module.serverFeature) continue;
      const f = byId.get(x.module.id);
      if (f) {
        const key = JSON.stringify(f.settings ?? {});
        if (key !== x.settingsKey) {
          x.settingsKey = key;
          x.module.configure?.(f.settings ?? {});
        }
      }
      x.shown = !!f;
      if (x.slot) x.slot.hidden = !x.shown;
      for (const el of [...(x.view?.callControls ?? []).map(c => c.el), ...(x.view?.headerButtons ?? [])]) el.hidden = !x.shown;
    }
  }

  render(s: AppState): void {
    for (const x of this.mounted) if (x.shown) x.view?.render?.(s);
  }
}
