// Music on hold through the platform: the browser calls a number whose application connects
// it (anchored, the platform's media engine on both legs) to a SIP phone that the test drives
// (MediaAppsBrowserIT's HoldingPhone, which sends silence). Connected, the browser hears that
// silence; when the phone puts the call on hold (re-INVITE sendonly) the platform plays music on
// hold to the browser: sound, not silence. The test writes SB_MOH_HOLD_FILE once the hold is
// acknowledged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { scenario, assert, assertRtpFlows, log, sleep, waitFor, levelHeard } from '../lib/scenario.mjs';
import { endAndWait } from '../lib/calls.mjs';
import { installPcSpy, pcReport, pcSummary } from '../lib/webrtc.mjs';

const NUMBER = process.env.SB_MOH_NUMBER;
const HOLD_FILE = process.env.SB_MOH_HOLD_FILE;
const QUIET_DBFS = -50;
const MUSIC_DBFS = -45;

scenario('moh-browser', { usersNeeded: 1, timeoutMs: 120_000 }, async (s) => {
  assert.ok(NUMBER && HOLD_FILE, 'SB_MOH_NUMBER and SB_MOH_HOLD_FILE are set (MediaAppsBrowserIT sets them)');
  const [ua] = s.users;
  const a = await s.phone('alice', ua);
  await installPcSpy(a.context);
  await a.activate();
  await a.waitRegistered();
  log(`alice registered; dialling ${NUMBER}`);
  const call = await a.dial(NUMBER);
  try {
    await a.waitCall({ id: call.id, status: 'connected' }, 20_000);
  } finally {
    writeFileSync(join(s.outDir, 'peer-connections.json'), JSON.stringify(await pcReport(a.page).catch(() => []), null, 2));
  }
  await assertRtpFlows(a, call.id);
  log(`connected: ${JSON.stringify(await pcSummary(a.page))}`);
  await sleep(1000);
  const before = await levelHeard(a, call.id, 1500);
  log(`before the hold alice hears ${before.toFixed(1)} dBFS (the phone sends silence)`);
  assert.ok(!existsSync(HOLD_FILE) ? before < QUIET_DBFS : true,
    `before the hold alice hears the far end's silence: ${before.toFixed(1)} dBFS < ${QUIET_DBFS}`);
  await waitFor(async () => existsSync(HOLD_FILE), { timeout: 40_000, interval: 200, message: `the far end held the call (${HOLD_FILE})` });
  log('the far end put the call on hold');
  let levels = [];
  await waitFor(async () => {
    const l = await levelHeard(a, call.id, 1500);
    levels.push(Number(l.toFixed(1)));
    return l > MUSIC_DBFS;
  }, { timeout: 15_000, interval: 0, message: () => `alice hears music on hold (> ${MUSIC_DBFS} dBFS); levels ${levels.join(', ')}` });
  const music = await levelHeard(a, call.id, 3000);
  log(`on hold alice hears ${music.toFixed(1)} dBFS (levels while waiting: ${levels.join(', ')})`);
  console.log(JSON.stringify({ beforeHoldDbfs: Math.max(-120, Number(before.toFixed(1))), mohDbfs: Number(music.toFixed(1)) })); // -120: digital silence
  assert.ok(music > MUSIC_DBFS, `music on hold goes on: ${music.toFixed(1)} dBFS > ${MUSIC_DBFS}`);
  await endAndWait(a, call.id);
});
