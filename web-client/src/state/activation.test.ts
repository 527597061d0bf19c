import { describe, expect, it } from 'vitest';
import { parseActivation, parseIdentity, stripActivation, toSipUri } from './activation';

describe('URL activation', () => {
  it('parses an any-server activation', () => {
    const a = parseActivation('?server=wss%3A%2F%2Fsip.example.org%3A7443&identity=sip%3Aalice%40example.org&authentication=alice1&password=s3cret&destination=bob&display=Alice%20A');
    expect(a).toEqual({
      mode: 'server', server: 'wss://sip.example.org:7443', servers: ['wss://sip.example.org:7443'], username: 'alice', domain: 'example.org',
      authName: 'alice1', password: 's3cret', displayName: 'Alice A', destination: 'bob',
    });
  });

  it('takes several servers in priority order (repeated or comma-separated)', () => {
    expect(parseActivation('server=wss://a:7443&server=ws://b:5066,wss://c&identity=alice@x&password=pw')?.servers)
      .toEqual(['wss://a:7443', 'ws://b:5066', 'wss://c']);
    expect(parseActivation('server=wss://a&server=http://b&identity=alice@x&password=pw')).toBeNull();
  });

  it('accepts user@domain identities and defaults the auth name to the user', () => {
    const a = parseActivation('server=ws://127.0.0.1:15066&identity=alice@127.0.0.1&password=pw');
    expect(a?.username).toBe('alice');
    expect(a?.domain).toBe('127.0.0.1');
    expect(a?.authName).toBe('alice');
    expect(a?.destination).toBeUndefined();
  });

  it('parses a fixed-server activation', () => {
    expect(parseActivation('?username=bob&password=pw&destination=%2B4930123')).toEqual({
      mode: 'fixed', username: 'bob', password: 'pw', destination: '+4930123', displayName: undefined,
    });
  });

  it('returns null when nothing or too little is given', () => {
    expect(parseActivation('')).toBeNull();
    expect(parseActivation('?destination=bob')).toBeNull();
    expect(parseActivation('?username=bob')).toBeNull();
    expect(parseActivation('?server=http://x&identity=a@b&password=p')).toBeNull();
    expect(parseActivation('?server=wss://x&identity=nodomain&password=p')).toBeNull();
  });

  it('parses identities', () => {
    expect(parseIdentity('<sip:carol@vm;transport=ws>')).toEqual({ user: 'carol', domain: 'vm' });
    expect(parseIdentity('carol')).toBeNull();
  });

  it('strips the activation parameters but keeps others', () => {
    expect(stripActivation('?username=a&password=b&lang=de')).toBe('?lang=de');
    expect(stripActivation('?server=wss://x&identity=a@b&password=p')).toBe('');
  });
});

describe('destination to SIP URI', () => {
  it('maps users, numbers and URIs', () => {
    expect(toSipUri('bob', 'vm')).toBe('sip:bob@vm');
    expect(toSipUri(' sip:carol@other.org ', 'vm')).toBe('sip:carol@other.org');
    expect(toSipUri('dave@x.org', 'vm')).toBe('sip:dave@x.org');
    expect(toSipUri('+1 (555) 123-4567', 'vm')).toBe('sip:+15551234567@vm');
    expect(toSipUri('*97#', 'vm')).toBe('sip:*97#@vm');
  });

  it('rejects empty or invalid input', () => {
    expect(toSipUri('', 'vm')).toBeNull();
    expect(toSipUri('bob smith', 'vm')).toBeNull();
    expect(toSipUri('bob', '')).toBeNull();
  });
});

describe('redirectTarget', () => {
  it('calls a same-domain Contact by its address of record', async () => {
    const { redirectTarget } = await import('./activation');
    expect(redirectTarget({ scheme: 'sip', user: 'bob', host: 'vm', port: 58752 }, 'vm', 'sip:bob@vm:58752')).toBe('sip:bob@vm');
    expect(redirectTarget({ scheme: 'sip', user: 'bob', host: 'VM', port: null }, 'vm', 'sip:bob@VM;transport=ws')).toBe('sip:bob@vm');
  });
  it('keeps a foreign Contact as it is', async () => {
    const { redirectTarget } = await import('./activation');
    expect(redirectTarget({ scheme: 'sip', user: 'bob', host: 'other.example', port: 5070 }, 'vm', 'sip:bob@other.example:5070')).toBe('sip:bob@other.example:5070');
    expect(redirectTarget({ scheme: 'sip', user: null, host: 'vm', port: 5060 }, 'vm', 'sip:vm:5060')).toBe('sip:vm:5060');
  });
});
