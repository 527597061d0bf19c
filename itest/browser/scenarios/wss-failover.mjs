// Failover across several WebSocket servers, in priority order (server=URL1,URL2):
//  1. URL 1 accepts TCP but never answers the WebSocket handshake: the phone registers through
//     URL 2 within 15 s and shows URL 2 as its server;
//  2. URL 1 refuses connections: the same, without waiting for a timeout (and with the
//     platform's WSS listener as URL 2 when the client-config offers one);
//  3. both URLs lead to the platform (through TCP relays): URL 1 is used, URL 2 not touched.
//     Bob calls; while it rings, URL 1 dies (connections cut and refused): the ringing call is
//     ended (not left ringing for a call that can no longer be answered), the phone fails over
//     to URL 2 and registers again, and a new call from Bob rings and is answered there.
// The phone under test uses the any-server activation form (server=, identity=).
import net from 'node:net';
import { relay } from '../lib/relay.mjs';
import { scenario, assert, log, waitFor } from '../lib/scenario.mjs';
import { waitNoActiveCalls } from '../lib/calls.mjs';

/** A TCP server that accepts connections and never says a word. */
async function silentServer() {
  const sockets = new Set();
  let accepted = 0;
  const server = net.createServer((c) => { accepted++; sockets.add(c); c.on('error', () => {}); c.on('close', () => sockets.delete(c)); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    accepted: () => accepted,
    close() { for (const c of sockets) c.destroy(); server.close(); },
  };
}

/** A loopback port nothing listens on (bound, then released). */
async function refusingPort() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  await new Promise((r) => server.close(r));
  return port;
}

async function registerThrough(a, urls, domain, what) {
  a.server = { ws: urls.join(','), domain };
  const t0 = Date.now();
  await a.activate();
  await a.waitRegistered(20_000);
  const ms = Date.now() - t0;
  const server = await a.registration().first().getAttribute('data-server');
  const shown = await a.page.getByTestId('server').textContent();
  log(`${what}: registered after ${ms} ms through ${server} (shown "${shown}")`);
  return { ms, server, shown };
}

scenario('wss-failover', { usersNeeded: 2, timeoutMs: 170_000 }, async (s) => {
  const [ua, ub] = s.users;
  const config = await s.clientConfig();
  const real = config.wssUrls.find((u) => u.startsWith('ws://'));
  assert.ok(real, `client-config offers a ws:// URL for a loopback page: ${JSON.stringify(config.wssUrls)}`);
  const silent = await silentServer();
  const r1 = relay(new URL(real));
  const r2 = relay(new URL(real));
  const [p1, p2] = [await r1.listen(), await r2.listen()];
  const url1 = `ws://127.0.0.1:${p1}`;
  const url2 = `ws://127.0.0.1:${p2}`;
  try {
    const a = await s.phone('alice', ua, { silent: true });

    // 1. URL 1 hangs in the handshake
    const hang = await registerThrough(a, [`ws://127.0.0.1:${silent.port}`, real], config.domain, 'URL 1 silent');
    assert.ok(silent.accepted() >= 1, 'URL 1 (the silent server) was tried first');
    assert.equal(hang.server, real, 'registered through URL 2 (data-server)');
    assert.ok(hang.shown.includes(new URL(real).host), `the header shows URL 2's host: "${hang.shown}"`);
    assert.ok(hang.ms < 15_000, `registered within 15 s although URL 1 never answers (${hang.ms} ms)`);

    // 2. URL 1 refuses
    const refused = await registerThrough(a, [`ws://127.0.0.1:${await refusingPort()}`, real], config.domain, 'URL 1 refusing');
    assert.equal(refused.server, real, 'registered through URL 2 (data-server)');
    assert.ok(refused.ms < 10_000, `registered within 10 s when URL 1 refuses (${refused.ms} ms)`);

    // 2b. the same with the platform's WSS listener as URL 2, when the client-config offers one
    const wss = config.wssUrls.find((u) => u.startsWith('wss://'));
    if (wss) {
      const secure = await registerThrough(a, [`ws://127.0.0.1:${await refusingPort()}`, wss], config.domain, 'URL 1 refusing, URL 2 WSS');
      assert.equal(secure.server, wss, 'registered through URL 2 over WSS (data-server)');
    } else {
      log(`no wss:// URL in the client-config (${JSON.stringify(config.wssUrls)})`);
    }

    // 3. priority, then URL 1 dies while a call rings in
    const both = await registerThrough(a, [url1, url2], config.domain, 'both up');
    assert.equal(both.server, url1, 'URL 1 is used while it is up');
    assert.equal(r2.accepted(), 0, 'URL 2 was not even tried');
    const b = await s.registeredPhone('bob', ub, { silent: true });
    await a.startTrace();
    const first = await b.dial(ua.name);
    const ringing = await a.waitCall({ status: 'incoming', remote: ub.name });
    const cutAt = Date.now();
    r1.cut(10 * 60_000);
    log('URL 1 cut; it refuses new connections from now on');
    await a.waitCall({ id: ringing.id, status: ['ended', 'error'] }, 10_000).catch(async () => {
      assert.fail(`alice's ringing call ends when its WebSocket dies; calls ${JSON.stringify(await a.calls())}`);
    });
    const banner = (await a.page.getByTestId('error').textContent()) || '';
    assert.match(banner, /Incoming call lost/, 'alice is told why the call stopped ringing');
    await waitFor(async () => (await a.registrationState()) === 'registered' &&
      (await a.registration().first().getAttribute('data-server')) === url2, {
      timeout: 15_000,
      interval: 50,
      message: async () => `alice registered again through URL 2 within 15 s; states ` +
        `${JSON.stringify((await a.trace()).filter((x) => x.kind === 'registration'))}, data-server ` +
        `${await a.registration().first().getAttribute('data-server')}`,
    });
    const states = (await a.trace()).filter((x) => x.kind === 'registration').map((x) => x.registration);
    log(`failed over to URL 2 and registered ${Date.now() - cutAt} ms after the cut (${states.join(' -> ')})`);
    assert.ok(states.includes('connecting') || states.includes('registering'), 'the registration left "registered" meanwhile');
    const stale = await b.call(first.id);
    if (stale && ['calling', 'ringing'].includes(stale.status)) await b.click('End call', { callId: first.id });
    await waitNoActiveCalls(b);
    await waitNoActiveCalls(a);

    const second = await b.dial(ua.name);
    const call = await a.waitCall({ status: 'incoming', remote: ub.name }, 15_000);
    log(`a new call rings at alice through URL 2 (${call.id})`);
    await a.click('Answer with audio', { callId: call.id });
    await a.waitCall({ id: call.id, status: 'connected' });
    await b.waitCall({ id: second.id, status: 'connected' });
    assert.ok(r2.accepted() >= 1, 'the phone connected through URL 2');
    await b.click('End call', { callId: second.id });
    await waitNoActiveCalls(a);
  } finally {
    silent.close();
    r1.close();
    r2.close();
  }
});
