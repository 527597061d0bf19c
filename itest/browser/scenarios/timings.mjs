// Timings, 5 runs, medians: page load (navigation start) to registered, and click on
// "Audio call" to the first RTP packet received by the caller (the callee's test driver
// answers as soon as the call shows up). Prints {"registeredMs":..,"dialToMediaMs":..} and
// writes it to SB_OUT_DIR/timings.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenario, assert, log, waitFor } from '../lib/scenario.mjs';
import { waitNoActiveCalls } from '../lib/calls.mjs';

const RUNS = Number(process.env.SB_TIMING_RUNS || 5);
const median = (xs) => {
  const v = [...xs].sort((x, y) => x - y);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

scenario('timings', { usersNeeded: 2, timeoutMs: 40_000 + RUNS * 30_000 }, async (s) => {
  const [ua, ub] = s.users;
  const b = await s.registeredPhone('bob', ub);
  const a = await s.phone('alice', ua);
  const registered = [];
  const dialToMedia = [];
  for (let i = 0; i < RUNS; i++) {
    await a.activate();
    // performance.now() is measured from the navigation start
    const regMs = await (await a.page.waitForFunction(() => {
      const e = document.querySelector('[data-testid="registration"]');
      return e && e.getAttribute('data-state') === 'registered' && performance.now();
    }, null, { polling: 10, timeout: 20_000 })).jsonValue();
    registered.push(Math.round(regMs));

    await a.page.getByRole('textbox', { name: 'Destination', exact: true }).fill(ub.name);
    const button = a.page.getByRole('button', { name: 'Audio call', exact: true });
    await button.waitFor({ state: 'visible' });
    const clicked = Date.now();
    await button.click();
    const answering = (async () => {
      const inc = await b.waitCall({ status: 'incoming', remote: ua.name });
      await b.click('Answer with audio', { callId: inc.id });
    })();
    const out = await a.waitCall({ remote: ub.name, status: ['calling', 'ringing', 'connected'] });
    await waitFor(async () => (await a.rtpStats(out.id)).packetsReceived > 0, {
      timeout: 15_000, interval: 20, message: 'the caller receives a first RTP packet',
    });
    const media = Date.now() - clicked;
    dialToMedia.push(media);
    await answering;
    log(`run ${i + 1}: registered ${Math.round(regMs)} ms after navigation start, dial to media ${media} ms`);
    await a.click('End call', { callId: out.id });
    await waitNoActiveCalls(a);
    await waitNoActiveCalls(b);
  }
  const result = { registeredMs: median(registered), dialToMediaMs: median(dialToMedia), runs: RUNS, registered, dialToMedia };
  assert.ok(result.registeredMs > 0 && result.dialToMediaMs > 0, 'timings were measured');
  writeFileSync(join(s.outDir, 'timings.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify({ registeredMs: result.registeredMs, dialToMediaMs: result.dialToMediaMs }));
});
