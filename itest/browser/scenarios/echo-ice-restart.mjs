// The softphone's WebSocket drops during an echo test (*43): once registered again the client
// refreshes the call with an ICE restart re-INVITE (new ice-ufrag/pwd) and the platform's media
// engine must answer with new credentials and keep the echo going over the new checks, on the
// same DTLS association.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenario, assert, assertRtpFlows, log, sleep, waitFor } from '../lib/scenario.mjs';
import { endAndWait } from '../lib/calls.mjs';
import { installPcSpy, pcReport, pcSummary } from '../lib/webrtc.mjs';
import { relay } from '../lib/relay.mjs';

const ECHO = process.env.SB_ECHO_NUMBER || '*43';
const ufrag = (sdp) => (/a=ice-ufrag:(\S+)/.exec(sdp || '') || [])[1];

scenario('echo-ice-restart', { usersNeeded: 1, timeoutMs: 90_000 }, async (s) => {
  const [ua] = s.users;
  const config = await s.clientConfig();
  const ws = config.wssUrls.find((u) => u.startsWith('ws://'));
  assert.ok(ws, `client-config offers a ws:// URL for a loopback page: ${JSON.stringify(config.wssUrls)}`);
  const r = relay(new URL(ws));
  const port = await r.listen();
  try {
    const a = await s.phone('alice', ua, { server: { ws: `ws://127.0.0.1:${port}`, domain: config.domain } });
    await installPcSpy(a.context);
    await a.activate();
    await a.waitRegistered();
    const call = await a.dial(ECHO);
    await a.waitCall({ id: call.id, status: 'connected' }, 15_000);
    await assertRtpFlows(a, call.id);
    const [before] = (await pcReport(a.page)).slice(-1);
    log(`connected; remote ufrag ${ufrag(before.remoteSdp)}, local ${ufrag(before.localSdp)}`);

    r.cut(3000);
    log('WebSocket cut; new connections refused for 3 s');
    await waitFor(async () => (await a.registrationState()) !== 'registered', { timeout: 10_000, message: 'alice notices the loss' });
    await a.waitRegistered(30_000);
    log('registered again');
    let after;
    await waitFor(async () => {
      after = (await pcReport(a.page)).slice(-1)[0];
      return ufrag(after.remoteSdp) !== ufrag(before.remoteSdp);
    }, { timeout: 20_000, message: () => `the call was refreshed with an ICE restart (remote ufrag still ${ufrag(after?.remoteSdp)})` });
    writeFileSync(join(s.outDir, 'peer-connections.json'), JSON.stringify(await pcReport(a.page), null, 2));
    const calls = await a.calls();
    log(`after: remote ufrag ${ufrag(after.remoteSdp)}, local ${ufrag(after.localSdp)}; peer connections ${(await pcReport(a.page)).length}; calls ${JSON.stringify(calls.map((c) => [c.id, c.status]))}`);
    const live = calls.find((c) => c.status === 'connected');
    assert.ok(live, 'a connected call after the refresh');
    await sleep(1000);
    await assertRtpFlows(a, live.id, { what: 'RTP flows both ways after the ICE restart' });
    const t = await pcSummary(a.page);
    log(`transport after the restart: ${JSON.stringify(t)}`);
    assert.equal(t.iceConnectionState === 'connected' || t.iceConnectionState === 'completed', true, `ICE connected (${t.iceConnectionState})`);
    console.log(JSON.stringify({ iceRestart: true, ufragBefore: ufrag(before.remoteSdp), ufragAfter: ufrag(after.remoteSdp), sameCall: live.id === call.id }));
    await endAndWait(a, live.id);
  } finally {
    r.close();
  }
});
