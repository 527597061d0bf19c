// Client-config cache: the UA starts at once from the last config seen (localStorage) while
// /api/client-config is refreshed in the background; a changed config re-registers.
import { parseClientConfig, type ClientConfig } from './rest';

type Storage_ = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export const CONFIG_KEY = 'switchboard.clientConfig';

/** A config as stored, or null for nothing/junk. Keyed by origin: another server's config is never used. */
export function loadCachedConfig(origin: string, storage: Storage_ | undefined = globalThis.localStorage): ClientConfig | null {
  try {
    const raw = storage?.getItem(CONFIG_KEY);
    if (!raw) return null;
    const d: unknown = JSON.parse(raw);
    if (typeof d !== 'object' || d === null || !('origin' in d) || d.origin !== origin || !('config' in d)) return null;
    const c = parseClientConfig(d.config);
    if (!c || !c.wssUrls.length || typeof (d.config as { domain?: unknown }).domain !== 'string') return null;
    return c;
  } catch {
    return null;
  }
}

export function saveCachedConfig(origin: string, c: ClientConfig, storage: Storage_ | undefined = globalThis.localStorage): void {
  try { storage?.setItem(CONFIG_KEY, JSON.stringify({ origin, config: c })); } catch { /* storage unavailable */ }
}

/** True when the two configs would register differently (domain, servers, ICE, history URL). */
export function configChanged(a: ClientConfig | null, b: ClientConfig | null): boolean {
  if (!a || !b) return a !== b;
  const key = (c: ClientConfig) => JSON.stringify([c.domain, c.wssUrls, c.iceServers ?? [], c.historyUrl ?? '']);
  return key(a) !== key(b);
}
