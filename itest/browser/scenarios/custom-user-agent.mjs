// Digest interop without User-Agent guessing: two JsSIP softphones whose User-Agent does not
// start with "JsSIP" (as in products built on JsSIP, AudioCodes' WebRTC SDK among them) register
// over WSS and call each other with the platform's default configuration. JsSIP 3 aborts on a 401
// that also offers SHA-256, so the platform's challenges must name MD5 alone; the scenario reads
// the REGISTER and the 401 off the WebSocket to prove both, then checks media both ways.
import { scenario, assert, assertRtpFlows, log } from '../lib/scenario.mjs';
import { endAndWait } from '../lib/calls.mjs';

function watchSip(phone) {
  const sent = [];
  const received = [];
  phone.page.on('websocket', (ws) => {
    ws.on('framesent', (f) => sent.push(String(f.payload)));
    ws.on('framereceived', (f) => received.push(String(f.payload)));
  });
  return { sent, received };
}

scenario('custom-user-agent', { usersNeeded: 2, timeoutMs: 100_000 }, async (s) => {
  const [ua, ub] = s.users;
  const config = await s.clientConfig();
  const wss = config.wssUrls.find((u) => u.startsWith('wss://'));
  assert.ok(wss, `client-config offers the platform's WSS listener: ${JSON.stringify(config.wssUrls)}`);
  const server = { ws: wss, domain: config.domain };
  const a = await s.phone('alice', ua, { server });
  const b = await s.phone('bob', ub, { server });
  const wa = watchSip(a);
  await Promise.all([a.activate(), b.activate()]);
  await Promise.all([a.waitRegistered(), b.waitRegistered()]);
  log('both registered over WSS');

  const register = wa.sent.find((m) => m.startsWith('REGISTER '));
  assert.ok(register, 'alice sent a REGISTER');
  const agent = (register.match(/^User-Agent: *(.*)$/im) || [])[1] || '';
  assert.ok(agent && !/^jssip/i.test(agent), `the User-Agent does not start with "JsSIP": "${agent}"`);
  const challenge = wa.received.find((m) => m.startsWith('SIP/2.0 401'));
  assert.ok(challenge, 'the first REGISTER was challenged');
  const algorithms = [...challenge.matchAll(/^WWW-Authenticate:.*algorithm=([\w-]+)/gim)].map((m) => m[1].toUpperCase());
  assert.deepEqual(algorithms, ['MD5'], `one challenge, MD5, by default: ${algorithms}`);
  log(`User-Agent "${agent}", challenged with ${algorithms}`);

  const out = await a.dial(ub.name);
  const inc = await b.answer(ua.name);
  await a.waitCall({ id: out.id, status: 'connected' });
  await assertRtpFlows(a, out.id);
  await assertRtpFlows(b, inc.id);
  log('call connected with RTP both ways');
  await endAndWait(a, out.id, [b]);
});
