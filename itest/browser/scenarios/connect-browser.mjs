// An application connects a SIP phone to a browser: the phone (MediaAppsBrowserIT's
// HoldingPhone, plain RTP) calls a number whose test application connect()s it to this
// browser user. The platform offers the browser UDP/TLS/RTP/SAVPF (ICE-lite + DTLS-SRTP) on
// its own leg and bridges it to the phone's plain RTP leg. The browser answers; RTP flows both
// ways (the phone checks what it receives). The script writes SB_READY_FILE once registered
// (the test then places the call) and hangs up after SB_DONE_FILE appears.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenario, assert, assertRtpFlows, log, waitFor } from '../lib/scenario.mjs';
import { endAndWait } from '../lib/calls.mjs';
import { installPcSpy, pcReport, pcSummary } from '../lib/webrtc.mjs';

const READY_FILE = process.env.SB_READY_FILE;
const DONE_FILE = process.env.SB_DONE_FILE;

scenario('connect-browser', { usersNeeded: 1, timeoutMs: 120_000 }, async (s) => {
  assert.ok(READY_FILE && DONE_FILE, 'SB_READY_FILE and SB_DONE_FILE are set (MediaAppsBrowserIT sets them)');
  const [ub] = s.users;
  const b = await s.phone('bob', ub);
  await installPcSpy(b.context);
  await b.activate();
  await b.waitRegistered();
  writeFileSync(READY_FILE, 'registered\n');
  log('bob registered; waiting for the connected call');
  const call = await b.waitCall({ status: 'incoming' }, 40_000);
  log(`incoming call ${call.id} from ${call.remote}`);
  await b.click('Answer with audio', { callId: call.id });
  try {
    await b.waitCall({ id: call.id, status: 'connected' }, 20_000);
  } finally {
    writeFileSync(join(s.outDir, 'peer-connections.json'), JSON.stringify(await pcReport(b.page).catch(() => []), null, 2));
  }
  await assertRtpFlows(b, call.id);
  const stats = await b.rtpStats(call.id);
  log(`connected: ${JSON.stringify(await pcSummary(b.page))}`);
  console.log(JSON.stringify({ connectBrowser: stats }));
  await waitFor(async () => existsSync(DONE_FILE), { timeout: 40_000, interval: 200, message: `the phone heard the browser (${DONE_FILE})` });
  await endAndWait(b, call.id);
});
