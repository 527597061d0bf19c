import { describe, expect, it } from 'vitest';
import { CONFIG_KEY, configChanged, loadCachedConfig, saveCachedConfig } from './configcache';
import type { ClientConfig } from './rest';

const mem = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
};
const cfg: ClientConfig = { domain: 'vm', wssUrls: ['ws://127.0.0.1:5066', 'wss://vm:7443'], iceServers: [], historyUrl: '/api/history', version: '1' };

describe('client-config cache', () => {
  it('round-trips a config for the same origin', () => {
    const s = mem();
    saveCachedConfig('http://a', cfg, s);
    expect(loadCachedConfig('http://a', s)).toEqual({ ...cfg, realm: undefined });
  });
  it('ignores another origin, junk and configs without servers', () => {
    const s = mem();
    saveCachedConfig('http://a', cfg, s);
    expect(loadCachedConfig('http://b', s)).toBeNull();
    s.setItem(CONFIG_KEY, '{not json');
    expect(loadCachedConfig('http://a', s)).toBeNull();
    saveCachedConfig('http://a', { ...cfg, wssUrls: [] }, s);
    expect(loadCachedConfig('http://a', s)).toBeNull();
    expect(loadCachedConfig('http://a', undefined)).toBeNull();
  });
  it('detects changes that affect registration only', () => {
    expect(configChanged(cfg, { ...cfg, version: '2' })).toBe(false);
    expect(configChanged(cfg, { ...cfg, wssUrls: ['wss://vm:7443'] })).toBe(true);
    expect(configChanged(cfg, { ...cfg, domain: 'other' })).toBe(true);
    expect(configChanged(cfg, { ...cfg, iceServers: [{ urls: 'stun:x' }] })).toBe(true);
    expect(configChanged(null, cfg)).toBe(true);
    expect(configChanged(null, null)).toBe(false);
  });
});
