import { describe, expect, it } from 'vitest';
import { splitViaHeaders } from './wire';

describe('splitViaHeaders', () => {
  const msg = (via: string) => `INVITE sip:a@b SIP/2.0\r\nVia: ${via}\r\nCall-ID: x\r\nContent-Length: 3\r\n\r\na,b`;
  it('splits a comma-joined Via into one line per hop, the proxy first', () => {
    const out = splitViaHeaders(msg('SIP/2.0/WS 127.0.0.1:35066;branch=z9hG4bKp.1,SIP/2.0/WS 127.0.0.1:5484;branch=z9hG4bK2;rport=5484'));
    expect(out).toBe('INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/WS 127.0.0.1:35066;branch=z9hG4bKp.1\r\nVia: SIP/2.0/WS 127.0.0.1:5484;branch=z9hG4bK2;rport=5484\r\nCall-ID: x\r\nContent-Length: 3\r\n\r\na,b');
  });
  it('leaves single Vias, other headers and the body alone', () => {
    const m = msg('SIP/2.0/WS h;branch=z9hG4bK1');
    expect(splitViaHeaders(m)).toBe(m);
    const allow = 'SIP/2.0 200 OK\r\nv: SIP/2.0/WS h;branch=1 , SIP/2.0/UDP g;branch=2\r\nAllow: INVITE,ACK\r\n\r\n';
    expect(splitViaHeaders(allow)).toBe('SIP/2.0 200 OK\r\nv: SIP/2.0/WS h;branch=1\r\nv: SIP/2.0/UDP g;branch=2\r\nAllow: INVITE,ACK\r\n\r\n');
  });
});
