// An idle registered phone loses its WebSocket: it shows that it is not registered any more and
// registers again by itself (no user action) within 15 s.
//
// The phone reaches the platform's WebSocket listener through a TCP relay (lib/relay.mjs)
// (the any-server URL form, server=ws://127.0.0.1:<relay>), so that the test can cut the
// connection the way a network outage or a server restart does: every relayed connection is
// destroyed and new ones are refused for 3 s.
import { relay } from '../lib/relay.mjs';
import { scenario, assert, log, waitFor } from '../lib/scenario.mjs';

scenario('ws-reconnect', { usersNeeded: 1, timeoutMs: 80_000 }, async (s) => {
  const [ua] = s.users;
  const config = await s.clientConfig();
  const ws = config.wssUrls.find((u) => u.startsWith('ws://'));
  assert.ok(ws, `client-config offers a ws:// URL for a loopback page: ${JSON.stringify(config.wssUrls)}`);
  const target = new URL(ws);
  const r = relay(target);
  const port = await r.listen();
  log(`relay 127.0.0.1:${port} -> ${target.host}, domain ${config.domain}`);
  try {
    const a = await s.phone('alice', ua, { server: { ws: `ws://127.0.0.1:${port}`, domain: config.domain } });
    await a.activate();
    await a.waitRegistered();
    assert.equal(r.accepted(), 1, 'the phone connected through the relay');
    await a.startTrace();
    const cutAt = Date.now();
    r.cut(3000);
    log('WebSocket cut; new connections refused for 3 s');
    await waitFor(async () => (await a.trace()).some((x) => x.kind === 'registration' && x.registration !== 'registered'), {
      timeout: 10_000, message: async () => `the registration indicator leaves "registered" after the WebSocket is lost: ${JSON.stringify(await a.trace())}`,
    });
    const down = (await a.trace()).filter((x) => x.kind === 'registration').map((x) => x.registration);
    log(`registration after the cut: ${down.join(' -> ')}`);
    await waitFor(async () => {
      const t = (await a.trace()).filter((x) => x.kind === 'registration');
      return t.length > 1 && t[t.length - 1].registration === 'registered';
    }, {
      timeout: 15_000,
      interval: 50,
      message: async () => `registered again within 15 s of the cut; states ${JSON.stringify((await a.trace()).filter((x) => x.kind === 'registration'))}`,
    });
    const states = (await a.trace()).filter((x) => x.kind === 'registration').map((x) => x.registration);
    log(`registered again ${Date.now() - cutAt} ms after the cut (${states.join(' -> ')}), ${r.accepted()} connections through the relay`);
    assert.ok(r.accepted() >= 2, 'the phone opened a new WebSocket');
  } finally {
    r.close();
  }
});
