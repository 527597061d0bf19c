// The registration survives a laptop sleep. Playwright's clock stands in for the sleep: the
// page's wall clock jumps 11 minutes ahead (past the 600 s registration) while no timer fires,
// as after a suspend. The phone reaches the platform through a TCP relay that can freeze its
// connections (they stay open but nothing passes, as a socket that died during the sleep).
//  1. wake-up (the page becomes visible): a REGISTER goes out at once and is answered 200;
//  2. sleep again with the connection frozen: the REGISTER sent on wake-up goes unanswered, so
//     the phone drops that connection, opens a new one and registers again (JsSIP alone would
//     wait 32 s for the REGISTER to time out, then stay unregistered).
import net from 'node:net';
import { scenario, assert, log, waitFor } from '../lib/scenario.mjs';

/** A relay whose open connections can be frozen (data dropped, sockets left open). */
function freezingRelay(target) {
  const frozen = new Set();
  const live = new Set();
  let accepted = 0;
  const server = net.createServer((down) => {
    accepted++;
    const up = net.connect(target.port, target.hostname);
    const pair = { down, up };
    live.add(pair);
    const pass = (from, to) => from.on('data', (d) => { if (!frozen.has(pair)) to.write(d); });
    pass(down, up);
    pass(up, down);
    for (const s of [down, up]) {
      s.on('error', () => {});
      s.on('close', () => { live.delete(pair); down.destroy(); up.destroy(); });
    }
  });
  return {
    listen: () => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port))),
    freeze() { for (const p of live) frozen.add(p); },
    accepted: () => accepted,
    close() { for (const p of live) { p.down.destroy(); p.up.destroy(); } server.close(); },
  };
}

scenario('registration-wake', { usersNeeded: 1, timeoutMs: 90_000 }, async (s) => {
  const [ua] = s.users;
  const config = await s.clientConfig();
  const real = config.wssUrls.find((u) => u.startsWith('ws://'));
  assert.ok(real, `client-config offers a ws:// URL for a loopback page: ${JSON.stringify(config.wssUrls)}`);
  const r = freezingRelay(new URL(real));
  const port = await r.listen();
  try {
    const a = await s.phone('alice', ua, { silent: true, server: { ws: `ws://127.0.0.1:${port}`, domain: config.domain } });
    const sip = { registers: 0, ok: 0 };
    a.page.on('websocket', (ws) => {
      ws.on('framesent', (f) => { if (/^REGISTER /.test(String(f.payload))) sip.registers++; });
      ws.on('framereceived', (f) => { if (/^SIP\/2\.0 200[^]*\r\nCSeq:\s*\d+ REGISTER\r\n/i.test(String(f.payload))) sip.ok++; });
    });
    await a.context.clock.install();
    await a.activate();
    await a.waitRegistered();
    await waitFor(() => sip.ok >= 1, { timeout: 5000, message: 'the first REGISTER answered 200' });
    const sleep = async () => {
      const now = await a.page.evaluate(() => Date.now());
      await a.context.clock.setSystemTime(now + 11 * 60_000);
      await a.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    };

    // 1. wake-up with a live connection
    const before = { ...sip };
    await sleep();
    await waitFor(() => sip.registers > before.registers && sip.ok > before.ok, {
      timeout: 5000, message: () => `a REGISTER answered 200 right after the wake-up (REGISTERs ${before.registers} -> ${sip.registers}, 200s ${before.ok} -> ${sip.ok})`,
    });
    assert.equal(await a.registrationState(), 'registered');
    assert.equal(r.accepted(), 1, 'the same connection was used');
    log(`wake-up: REGISTER answered (${sip.registers} REGISTERs, ${sip.ok} answered 200)`);

    // 2. wake-up with a connection that died during the sleep
    r.freeze();
    const frozenAt = { ...sip, t: Date.now() };
    await sleep();
    await waitFor(() => sip.registers > frozenAt.registers, { timeout: 5000, message: 'a REGISTER on wake-up' });
    await waitFor(async () => r.accepted() >= 2 && sip.ok > frozenAt.ok && (await a.registrationState()) === 'registered', {
      timeout: 20_000,
      interval: 100,
      message: async () => `a new connection and a REGISTER answered 200 within 20 s (connections ${r.accepted()}, ` +
        `200s ${frozenAt.ok} -> ${sip.ok}, registration ${await a.registrationState()})`,
    });
    log(`dead connection detected: registered again over a new one ${Date.now() - frozenAt.t} ms after the wake-up`);
  } finally {
    r.close();
  }
});
