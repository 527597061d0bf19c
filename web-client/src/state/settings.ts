// User settings, kept in localStorage ("Keep me logged in") or sessionStorage.
export interface Settings {
  username: string;
  displayName: string;
  password: string;
  authName: string;
  autoConfig: boolean;
  domain: string;
  wsServers: string[];
  iceServers: RTCIceServer[];
  microphone: string;
  speaker: string;
  ringer: string;
  camera: string;
  forceDevices: boolean;
  keepLoggedIn: boolean;
}

export const defaultSettings = (): Settings => ({
  username: '', displayName: '', password: '', authName: '',
  autoConfig: true, domain: '', wsServers: [], iceServers: [],
  microphone: '', speaker: '', ringer: '', camera: '',
  forceDevices: false, keepLoggedIn: false,
});

const KEY = 'switchboard.settings';

export function loadSettings(): Settings {
  for (const store of [localStorage, sessionStorage]) {
    try {
      const raw = store.getItem(KEY);
      if (raw) return { ...defaultSettings(), ...JSON.parse(raw) };
    } catch { /* ignore broken storage */ }
  }
  return defaultSettings();
}

export function saveSettings(s: Settings): void {
  try {
    const keep = s.keepLoggedIn ? localStorage : sessionStorage;
    const other = s.keepLoggedIn ? sessionStorage : localStorage;
    keep.setItem(KEY, JSON.stringify(s));
    other.removeItem(KEY);
  } catch { /* storage unavailable */ }
}

export function clearSettings(): void {
  try { localStorage.removeItem(KEY); sessionStorage.removeItem(KEY); } catch { /* ignore */ }
}

/** Parses the "ICE servers" JSON text; throws a readable error. */
export function parseIceServers(text: string): RTCIceServer[] {
  const t = text.trim();
  if (!t) return [];
  const v = JSON.parse(t);
  const arr = Array.isArray(v) ? v : [v];
  for (const s of arr) {
    if (!s || (typeof s.urls !== 'string' && !Array.isArray(s.urls))) throw new Error('each ICE server needs "urls"');
  }
  return arr;
}

export const parseWsServers = (text: string): string[] =>
  text.split(/[\s,]+/).map(s => s.trim()).filter(s => /^wss?:\/\//i.test(s));
