// A softphone calls the platform's echo test (*43): the platform answers with its own media
// engine (ICE-lite, DTLS-SRTP, Opus), plays the "echo test" prompt, then sends the caller's
// audio back. What the browser hears after the prompt must correlate with what it sends (its
// looped espeak-ng WAV) above 0.8, and RTP must flow both ways over DTLS-SRTP.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { scenario, assert, assertRtpFlows, log, sleep, waitFor } from '../lib/scenario.mjs';
import { loopWaveCorrelation, dbfs } from '../lib/audio.mjs';
import { windowedLoopCorrelation } from '../lib/correlate.mjs';
import { writeWav } from '../lib/wav.mjs';
import { endAndWait } from '../lib/calls.mjs';
import { installPcSpy, pcReport, pcSummary, withoutEchoCancellation } from '../lib/webrtc.mjs';

const ECHO = process.env.SB_ECHO_NUMBER || '*43';
const MIN_CORRELATION = 0.8;
// windows shorter than the loop (3.3 s): the browser's NetEq stretches time under load
const WINDOW_S = 2;

scenario('echo-browser', { usersNeeded: 1, timeoutMs: 90_000 }, async (s) => {
  const [ua] = s.users;
  const a = await s.phone('alice', ua);
  await installPcSpy(a.context);
  if (process.env.SB_ECHO_AEC !== '1') await withoutEchoCancellation(a.context);
  await a.activate();
  await a.waitRegistered();
  log(`alice (${ua.name}) registered; dialling ${ECHO}`);
  const call = await a.dial(ECHO);
  try {
    await a.waitCall({ id: call.id, status: 'connected' }, 15_000);
  } finally {
    const pcs = await pcReport(a.page).catch(() => []);
    writeFileSync(join(s.outDir, 'peer-connections.json'), JSON.stringify(pcs, null, 2));
  }
  log(`connected to ${ECHO}`);
  // ICE-lite + DTLS-SRTP with the engine: the transport is connected before any RTP counts
  let summary;
  await waitFor(async () => {
    summary = await pcSummary(a.page);
    return summary && summary.dtlsState === 'connected' && summary.selectedPair;
  }, { timeout: 10_000, message: () => `alice: DTLS connected over a selected ICE pair; getStats says ${JSON.stringify(summary)}` });
  log(`transport: ${JSON.stringify(summary)}`);
  await assertRtpFlows(a, call.id);
  summary = await pcSummary(a.page);
  const codec = summary.outbound?.codec || summary.inbound?.codec || '';
  assert.equal(codec.toLowerCase(), 'audio/opus', `the engine answered with Opus (${JSON.stringify(summary)})`);
  // the engine's SRTCP reports about alice's stream: Chrome accepted them and measured a round trip
  await waitFor(async () => {
    summary = await pcSummary(a.page);
    return typeof summary?.remoteInbound?.roundTripTime === 'number';
  }, { timeout: 15_000, message: () => `alice: a remote-inbound-rtp with a roundTripTime from the engine's RTCP; getStats says ${JSON.stringify(summary)}` });
  log(`remote-inbound-rtp: ${JSON.stringify(summary.remoteInbound)}`);

  // the prompt ("echo test", about 1.5 s) and 300 ms of silence come first: wait them out
  await sleep(Number(process.env.SB_ECHO_SKIP_MS || 4000));
  const ref = s.wav('alice');
  const other = s.wav('bob'); // a sentence alice never sends: the control
  let best = null;
  for (let i = 1; i <= 3; i++) {
    const rec = await a.record(call.id, Math.round((2 * ref.seconds + 0.6) * 1000));
    const own = windowedLoopCorrelation(rec, ref, { windowSeconds: WINDOW_S });
    const control = windowedLoopCorrelation(rec, other, { windowSeconds: WINDOW_S });
    const wave = loopWaveCorrelation(rec, ref);
    const level = dbfs(rec.samples);
    if (process.env.SB_SAVE_AUDIO) writeWav(join(s.outDir, `echo-heard-${i}.wav`), rec.rate, rec.samples);
    log(`attempt ${i}: echo heard at ${level.toFixed(1)} dBFS; correlation with alice's WAV (median of ` +
      `${own.windows.length} windows of ${WINDOW_S} s): ${own.median} [${own.worst}..${own.best}], ` +
      `with bob's (never sent): ${control.median}; waveform over the whole recording ${wave.score.toFixed(3)}`);
    if (!best || own.median > best.own.median) best = { own, control, wave, level };
    if (own.median > MIN_CORRELATION) break;
  }
  writeFileSync(join(s.outDir, 'correlation.json'), JSON.stringify({ ...best, transport: summary }, null, 2));
  console.log(JSON.stringify({ echoCorrelation: best.own.median, control: best.control.median, waveform: Number(best.wave.score.toFixed(3)), dbfs: Number(best.level.toFixed(1)) }));
  assert.ok(best.own.median > MIN_CORRELATION,
    `alice hears her own sentence back from ${ECHO}: correlation ${best.own.median} > ${MIN_CORRELATION} ` +
    `(windows ${best.own.windows.join(' ')}; ${best.level.toFixed(1)} dBFS)`);
  assert.ok(best.control.median < best.own.median - 0.1,
    `the echo is alice's sentence, not just any sound: bob's sentence scores ${best.control.median} against ${best.own.median}`);
  const after = await pcSummary(a.page);
  log(`after: ${JSON.stringify(after)}`);

  // a re-INVITE on the same transport (hold, then resume): the engine keeps ICE and DTLS, and
  // after the resume the echo flows again
  await a.click('Hold', { callId: call.id });
  await a.waitCall({ id: call.id, hold: 'local' }, 10_000);
  await a.click('Hold', { callId: call.id });
  await a.waitCall({ id: call.id, hold: 'none' }, 10_000);
  await assertRtpFlows(a, call.id, { what: 'RTP flows both ways after hold and resume' });
  const resumed = await pcSummary(a.page);
  assert.equal(resumed.dtlsState, 'connected', `the same DTLS association after the re-INVITEs (${JSON.stringify(resumed)})`);
  await endAndWait(a, call.id);
});
