// Boot: settings, client-config, URL activation, registration, restoring calls.
import './styles.css';
import { fetchClientConfig, HistoryClient, type ClientConfig } from './api/rest';
import { configChanged, loadCachedConfig, saveCachedConfig } from './api/configcache';
import { clearCalls, loadCalls } from './media/persistence';
import { parseActivation, stripActivation } from './state/activation';
import { loadSettings, saveSettings, type Settings } from './state/settings';
import { Store } from './state/store';
import { Phone } from './sip/phone';
import { App } from './ui/app';
import { installHook } from './ui/hook';

const store = new Store();
let settings: Settings = loadSettings();
let config: ClientConfig | null = null;
const phone = new Phone(store, () => settings);
installHook(phone);

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
    void app.settingsDlg.open();
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
  phone.history = new HistoryClient(settings.username, settings.password, (auto && config!.historyUrl) || '/api/history');
  const hist = phone.history;
  // History is not needed to register: load it once registered (or after 2 s at the latest).
  let loaded = false;
  const load = (): void => {
    if (loaded || phone.history !== hist) return;
    loaded = true;
    void hist.list().then(items => { if (phone.history === hist) store.set({ history: items }); });
  };
  afterRegister.push(load);
  setTimeout(load, 2000);
}

const app = new App(phone, store, {
  settings: () => settings,
  saveSettings: (s, devicesOnly) => {
    const prev = settings;
    settings = s;
    saveSettings(s);
    if (s.speaker !== prev.speaker) app.applySpeaker(s.speaker);
    if (devicesOnly) {
      if (s.microphone !== prev.microphone || s.camera !== prev.camera || s.forceDevices !== prev.forceDevices) void phone.replaceDevices();
      return;
    }
    store.set({ error: '' });
    register();
  },
  unregister: () => { phone.stop(); phone.history = null; store.set({ history: [] }); },
  clearHistory: () => { store.set({ history: [] }); void phone.history?.clear(); },
});
app.mount(document.getElementById('app')!);

async function boot(): Promise<void> {
  const act = parseActivation(location.search);
  if (act) history.replaceState(null, '', location.pathname + stripActivation(location.search) + location.hash);
  // Start from the cached client-config at once; refresh it in the background and only
  // wait for the network when nothing is cached (first visit).
  const cached = loadCachedConfig(location.origin);
  const fresh = fetchClientConfig().then(c => { if (c) saveCachedConfig(location.origin, c); return c; });
  config = cached ?? await fresh;
  mark('config');
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
      if (!c || !configChanged(cached, c)) return;
      config = c;
      if (settings.autoConfig && phone.ua) register(); // the servers changed: reconnect
    });
  }
  // Autoplay detection (an AudioContext) is off the registration's critical path.
  let autoplayChecked = false;
  const autoplay = (): void => { if (!autoplayChecked) { autoplayChecked = true; void app.checkAutoplay(); } };
  afterRegister.push(autoplay);
  setTimeout(autoplay, 1500);
}
void boot();
