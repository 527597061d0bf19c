// Same-origin REST client: client-config (CONTRACT.md). The call history's client is the
// history module's (modules/history/client.ts); revalidation of the config is features.ts.

/** A client feature the server has installed (GET /api/client-config `features`). */
export interface ServerFeature {
  id: string;
  settings: Record<string, unknown>;
}

export interface ClientConfig {
  domain: string;
  realm?: string;
  wssUrls: string[];
  iceServers: RTCIceServer[];
  historyUrl?: string;
  version?: string;
  /** Absent from servers older than the features list (and from old cached configs). */
  features?: ServerFeature[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => typeof v === 'string' ? v : undefined;

/** The features list as the server sent it, dropping malformed entries. */
export function parseFeatures(v: unknown): ServerFeature[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).filter(f => typeof f.id === 'string' && f.id !== '')
    .map(f => ({ id: String(f.id), settings: isObject(f.settings) ? f.settings : {} }));
}

/** A client-config body, or null when it is not one (no wssUrls). */
export function parseClientConfig(c: unknown): ClientConfig | null {
  if (!isObject(c) || !Array.isArray(c.wssUrls)) return null;
  const config: ClientConfig = {
    domain: str(c.domain) ?? '', wssUrls: c.wssUrls.filter((u): u is string => typeof u === 'string'),
    iceServers: Array.isArray(c.iceServers) ? c.iceServers as RTCIceServer[] : [],
    historyUrl: str(c.historyUrl), realm: str(c.realm), version: str(c.version),
  };
  if (Array.isArray(c.features)) config.features = parseFeatures(c.features);
  return config;
}

export async function fetchClientConfig(): Promise<ClientConfig | null> {
  try {
    const r = await fetch(`/api/client-config`, { headers: { Accept: 'application/json' } });
    if (!r.ok) return null;
    return parseClientConfig(await r.json() as unknown);
  } catch {
    return null;
  }
}
