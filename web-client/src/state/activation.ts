// One-click activation from URL parameters (pure).
export interface Activation {
  /** 'server': any server given by server= and identity=; 'fixed': the platform's own server. */
  mode: 'server' | 'fixed';
  /** The first of `servers`. */
  server?: string;
  /** server= given several times (or comma-separated): WebSocket URLs in priority order. */
  servers?: string[];
  username: string;
  domain?: string;
  authName?: string;
  password: string;
  displayName?: string;
  destination?: string;
}

export interface Identity { user: string; domain: string }

/** "sip:alice@host", "sips:alice@host;transport=ws", "alice@host" -> {alice, host}. */
export function parseIdentity(identity: string): Identity | null {
  let s = identity.trim().replace(/^<|>$/g, '').replace(/^sips?:/i, '');
  s = s.split(/[;?]/)[0];
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  return { user: decodeURIComponent(s.slice(0, at)), domain: s.slice(at + 1) };
}

function get(p: URLSearchParams, name: string): string | undefined {
  const v = p.get(name);
  return v == null || v.trim() === '' ? undefined : v.trim();
}

/**
 * Returns the activation described by the URL, or null when there is none (or it is
 * incomplete). `server=` + `identity=` (+ `authentication=`, `password=`, `display=`,
 * `destination=`) is an activation against any server; `username=` + `password=`
 * (+ `destination=`) uses the platform's own server from the client-config.
 */
export function parseActivation(search: string): Activation | null {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const servers = p.getAll('server').flatMap(v => v.split(/[\s,]+/)).filter(Boolean);
  const server = servers[0];
  const identity = get(p, 'identity');
  const destination = get(p, 'destination');
  if (server && identity) {
    if (!servers.every(u => /^wss?:\/\//i.test(u))) return null;
    const id = parseIdentity(identity);
    if (!id) return null;
    return {
      mode: 'server', server, servers, username: id.user, domain: id.domain,
      authName: get(p, 'authentication') ?? id.user,
      password: p.get('password') ?? '',
      displayName: get(p, 'display'),
      destination,
    };
  }
  const username = get(p, 'username');
  const password = p.get('password');
  if (username && password != null && password !== '') {
    return { mode: 'fixed', username, password, destination, displayName: get(p, 'display') };
  }
  return null;
}

/** Removes the activation parameters (the password!) from a URL's search string. */
export function stripActivation(search: string): string {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const k of ['server', 'identity', 'authentication', 'password', 'destination', 'display', 'username']) p.delete(k);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Dialed text -> SIP URI: "bob" -> sip:bob@domain, "+1 (555) 12-3" -> sip:+155512 3..., sip: URIs kept. */
export function toSipUri(target: string, domain: string): string | null {
  let t = target.trim();
  if (!t) return null;
  if (/^sips?:/i.test(t)) return /@/.test(t) || !domain ? t : `${t}@${domain}`;
  if (/^[+\d\s().\-*#]+$/.test(t)) t = t.replace(/[\s().\-]/g, '');
  if (t.includes('@')) return `sip:${t}`;
  if (!domain) return null;
  if (!/^[A-Za-z0-9+*#._!~'%-]+$/.test(t)) return null;
  return `sip:${t}@${domain}`;
}

/** Where a 3xx redirect sends the call. A Contact in our own domain names a user of this
 *  platform: call its address of record (sip:user@domain) through the proxy, without the
 *  port, transport or other parameters a proxy may have stamped on it (the platform's proxy
 *  rewrites a WebSocket client's 3xx Contact to that client's source port). */
export function redirectTarget(c: { scheme?: string; user?: string | null; host: string; port?: number | null }, domain: string, full: string): string {
  if (c.user && domain && c.host.toLowerCase() === domain.toLowerCase()) return `${c.scheme || 'sip'}:${c.user}@${domain}`;
  return full;
}
