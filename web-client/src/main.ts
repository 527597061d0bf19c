// Boot: settings, client-config, feature modules, URL activation, registration, restoring calls.
import './styles.css';
import { fetchClientConfig, type ClientConfig } from './api/rest';
import { configChanged, loadCachedConfig, saveCachedConfig } from './api/configcache';
import { ConfigWatcher } from './api/features';
import { clearCalls, loadCalls } from './media/persistence';
import { parseActivation, stripActivation } from './state/activation';
import { loadSettings, saveSettings, type Settings } from './state/settings';
import { Store } from './state/store';
import { Phone } from './sip/phone';
import { App } from './ui/app';
import { installHook } from './ui/hook';
import type { ModuleContext } from './modules/contract';
import { ModuleHost } from './modules/host';
import { CallsModule } from './modules/calls';
import { TransferModule } from './modules/transfer';
import { ConferenceModule } from './modules/conference';
import { ScreenShareModule } from './modules/screenshare';
import { HistoryModule } from './modules/history';
import { MeetingsModule } from './modules/meetings';

const store = new Store();
let settings: Settings = loadSettings();
let config: ClientConfig | null = null;
const phone = new Phone(store, () => settings);

// The features, in the order their views appear (README "Feature modules").
const conference = new ConferenceModule();
const historyModule = new HistoryModule();
let app: App | null = null;
const ctx: ModuleContext = { phone, store, settings: () => settings, showSidebar: open => app?.toggleMenu(open) };
const modules = new ModuleHost(ctx, [
  new CallsModule(), new ScreenShareModule(), new TransferModule(), conference, historyModule, new MeetingsModule(),
]);
installHook(phone, c => conference.controller?.heard(c) ?? c.remoteStream, () => modules.shown);

// Boot timings (performance.now(), ms since navigation start) for measuring registration speed.
const timings: Record<string, number> = {};
(window as unknown as { switchboardTimings: Record<string, number> }).switchboardTimings = timings;
const mark = (name: string): void => { timings[name] ??= Math.round(performance.now()); };

let afterRegister: (() => void)[] = [];
let wasRegistered = false;
store.subscribe(s => {
  if (s.registration === 'registering') mark('connected');
  if (s.registration === 'registered') mark('registered');
  if (s.registration === 'registered' && !wasRegistered) {
    wasRegistered = true;
    const jobs = afterRegister;
    afterRegister = [];
    jobs.forEach(j => j());
  }
  if (s.registration !== 'registered') wasRegistered = false;
});

function register(): void {
  if (!settings.username || !settings.password) {
    store.set({ registration: 'unregistered' });
    void shell.settingsDlg.open();
    return;
  }
  const auto = settings.autoConfig && config;
  if (settings.autoConfig && !config && !settings.wsServers.length) {
    store.set({ error: 'Configuration failed: /api/client-config is not available; configure the server manually', registration: 'failed', regReason: 'No server configured' });
    return;
  }
  const domain = (auto ? config!.domain : settings.domain) || location.hostname;
  const wsUrls = auto ? config!.wssUrls : settings.wsServers;
  const ice = auto ? config!.iceServers : settings.iceServers;
  if (!wsUrls.length) { store.set({ error: 'No WebSocket server configured', registration: 'failed' }); return; }
  phone.start({
    wsUrls, uri: `sip:${settings.username}@${domain}`, authName: settings.authName || settings.username,
    password: settings.password, displayName: settings.displayName,
  }, domain, ice);
  mark('uaStarted');
  historyModule.controller?.signIn(settings.username, settings.password, (auto && config!.historyUrl) || '/api/history');
}

const shell = new App(phone, store, {
  settings: () => settings,
  saveSettings: (s, devicesOnly) => {
    const prev = settings;
    settings = s;
    saveSettings(s);
    if (s.speaker !== prev.speaker) shell.applySpeaker(s.speaker);
    if (devicesOnly) {
      if (s.microphone !== prev.microphone || s.camera !== prev.camera || s.forceDevices !== prev.forceDevices) void phone.replaceDevices();
      return;
    }
    store.set({ error: '' });
    register();
  },
  unregister: () => { phone.stop(); historyModule.controller?.signOut(); },
}, modules);
app = shell;
shell.mount(document.getElementById('app')!);

/** A server feature's panel shows only while client-config lists it (api/features.ts). */
function applyFeatures(c: ClientConfig | null): void {
  if (c?.features) modules.setServerFeatures(c.features);
}
const watcher = new ConfigWatcher(c => {
  applyFeatures(c);
  saveCachedConfig(location.origin, c);
});
// Registered again after a lost connection: the server may have changed meanwhile.
let reconnecting = false;
store.subscribe(s => {
  if (s.registration === 'connecting' && s.regReason) reconnecting = true;
  if (s.registration === 'registered' && reconnecting) { reconnecting = false; void watcher.refresh(); }
});

async function boot(): Promise<void> {
  const act = parseActivation(location.search);
  if (act) history.replaceState(null, '', location.pathname + stripActivation(location.search) + location.hash);
  // Start from the cached client-config at once; refresh it in the background and only
  // wait for the network when nothing is cached (first visit).
  const cached = loadCachedConfig(location.origin);
  const fresh = fetchClientConfig().then(c => { if (c) saveCachedConfig(location.origin, c); return c; });
  config = cached ?? await fresh;
  mark('config');
  applyFeatures(config);
  if (act?.mode === 'server') {
    settings = { ...settings, username: act.username, password: act.password, authName: act.authName ?? act.username,
      displayName: act.displayName ?? settings.displayName, domain: act.domain ?? '', wsServers: act.servers ?? [act.server!], autoConfig: false };
  } else if (act?.mode === 'fixed') {
    settings = { ...settings, username: act.username, password: act.password, authName: act.username,
      displayName: act.displayName ?? settings.displayName, autoConfig: true };
  }
  if (act) saveSettings(settings);
  const restore = act ? [] : loadCalls();
  if (!act) clearCalls();
  afterRegister.push(() => {
    if (act?.destination) void phone.call(act.destination, false);
    for (const c of restore) void phone.call(c.remote, c.video, { restore: c });
  });
  register();
  if (cached) {
    void fresh.then(c => {
      applyFeatures(c);
      if (!c || !configChanged(cached, c)) return;
      config = c;
      if (settings.autoConfig && phone.ua) register(); // the servers changed: reconnect
    });
  }
  void fresh.finally(() => watcher.start());
  // Autoplay detection (an AudioContext) is off the registration's critical path.
  let autoplayChecked = false;
  const autoplay = (): void => { if (!autoplayChecked) { autoplayChecked = true; void shell.checkAutoplay(); } };
  afterRegister.push(autoplay);
  setTimeout(autoplay, 1500);
}
void boot();
