// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Phone } from '../sip/phone';
import type { Settings } from '../state/settings';
import { Store } from '../state/store';
import type { FeatureModule, ModuleContext } from './contract';
import { ModuleHost } from './host';
import { firstRoom, MeetingsModule } from './meetings';

const ctx = (): ModuleContext => ({
  phone: { call: vi.fn(async () => {}) } as unknown as Phone, store: new Store(), settings: () => ({}) as Settings, showSidebar: vi.fn(),
});

const panelModule = (id: string, serverFeature = false): FeatureModule & { started: number; settings: unknown[] } => {
  const m = {
    id, serverFeature, started: 0, settings: [] as unknown[],
    start() { m.started++; },
    view() {
      const panel = document.createElement('section');
      panel.dataset.testid = `${id}-panel`;
      const control = document.createElement('button');
      return { panel, callControls: [{ order: 65, el: control, render: () => {} }], render: vi.fn() };
    },
    configure(s: Readonly<Record<string, unknown>>) { m.settings.push(s); },
  };
  return m;
};

describe('ModuleHost', () => {
  it('starts every module once and shows a server feature only while the server lists it', () => {
    const builtIn = panelModule('history');
    const server = panelModule('voicemail', true);
    const host = new ModuleHost(ctx(), [builtIn, server]);
    expect([builtIn.started, server.started]).toEqual([1, 1]);
    const slot = (id: string) => host.panels.find(p => p.dataset.module === id)!;
    expect(host.shown).toEqual(['history']);
    expect(slot('voicemail').hidden).toBe(true);
    expect(slot('history').hidden).toBe(false);

    host.setServerFeatures([{ id: 'voicemail', settings: { box: 1 } }, { id: 'unknown', settings: {} }]);
    expect(host.shown).toEqual(['history', 'voicemail']);
    expect(slot('voicemail').hidden).toBe(false);
    host.setServerFeatures([{ id: 'voicemail', settings: { box: 1 } }]);
    expect(server.settings).toEqual([{ box: 1 }]); // configured again only when the settings change

    host.setServerFeatures([]);
    expect(host.shown).toEqual(['history']);
    expect(slot('voicemail').hidden).toBe(true);
    expect(host.callControls.every(c => c.order === 65)).toBe(true);
  });

  it('renders only the views that are shown', () => {
    const server = panelModule('voicemail', true);
    const host = new ModuleHost(ctx(), [server]);
    const view = host.view('voicemail')!;
    host.render(new Store().state);
    expect(view.render).not.toHaveBeenCalled();
    host.setServerFeatures([{ id: 'voicemail', settings: {} }]);
    host.render(new Store().state);
    expect(view.render).toHaveBeenCalledTimes(1);
  });

  it('refuses two modules with one id', () => {
    expect(() => new ModuleHost(ctx(), [panelModule('a'), panelModule('a')])).toThrow(/two feature modules/);
  });
});

describe('meetings module', () => {
  it('joins the typed room and shows the room range of the server feature', () => {
    const c = ctx();
    const m = new MeetingsModule();
    const host = new ModuleHost(c, [m]);
    host.setServerFeatures([{ id: 'meetings', settings: { rooms: '8000-8999' } }]);
    const panel = host.panels[0];
    expect(panel.hidden).toBe(false);
    const input = panel.querySelector('input')!;
    expect(input.placeholder).toBe('8000');
    expect(panel.textContent).toContain('Rooms 8000-8999');
    input.value = '8123';
    panel.querySelector('button')!.click();
    expect(c.phone.call).toHaveBeenCalledWith('8123', false);
    input.value = 'bob';
    panel.querySelector('button')!.click();
    expect(c.store.state.error).toContain('not a room number');
  });

  it('takes the first room of a range', () => {
    expect(firstRoom('8000-8999')).toBe('8000');
    expect(firstRoom(' 100 - 199 ')).toBe('100');
    expect(firstRoom('')).toBe('');
    expect(firstRoom(42)).toBe('');
  });
});
