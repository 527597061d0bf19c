// In-call controls: DTMF from the in-call keypad (as sent by RTCDTMFSender), hold/resume (the
// held side receives no RTP while held, data-hold local/remote, RTP again after resume) and
// mute (the other side hears silence while muted, speech again after unmute).
import { scenario, assert, assertRtpFlows, levelHeard, receivedIn, log, waitFor } from '../lib/scenario.mjs';
import { connect, endAndWait } from '../lib/calls.mjs';

const SILENT_DBFS = -50; // Opus comfort noise of a disabled track is far below this
const SPEECH_DBFS = -40; // espeak-ng speech normalised to -3 dBFS peaks arrives around -25

scenario('dtmf-hold-mute', { usersNeeded: 2, timeoutMs: 120_000 }, async (s) => {
  const [ua, ub] = s.users;
  const [a, b] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub)]);
  const { out, inc } = await connect(a, b);
  await assertRtpFlows(b, inc);

  // DTMF
  await a.click('Keypad', { callId: out });
  for (const d of ['1', '5', '9', '#', '*', '0']) await a.click(`DTMF ${d}`, { callId: out });
  const tones = await waitFor(async () => {
    const t = await a.sentTones(out);
    return t.includes('159#*0') && t;
  }, { timeout: 10_000, interval: 50, message: async () => `alice's sentTones to be "159#*0", it is "${await a.sentTones(out)}"` });
  log(`alice sent DTMF "${tones}"`);

  // Hold
  await a.click('Hold', { callId: out });
  await a.waitCall({ id: out, hold: ['local', 'both'] });
  await b.waitCall({ id: inc, hold: ['remote', 'both'] });
  const pressed = await (await a.button('Hold', { callId: out })).getAttribute('aria-pressed');
  assert.equal(pressed, 'true', 'the Hold button is aria-pressed while the call is held');
  // The held party must not be sent RTP (RFC 3264 hold without music: nothing to send), and
  // the holder receives nothing either; what bob hears must be silence in any case.
  let held;
  try {
    await waitFor(async () => {
      held = { bob: await receivedIn(b, inc, 1000), alice: await receivedIn(a, out, 1000) };
      return held.bob === 0 && held.alice === 0;
    }, { timeout: 6_000, interval: 0, message: 'no RTP while held' });
    log(`while held: packets received in 1 s: ${JSON.stringify(held)}`);
  } catch {
    s.defer(`while alice holds, no RTP is received on either side: held bob still received ${held.bob} packets in 1 s, alice ${held.alice}`);
  }
  let heldLevel;
  await waitFor(async () => (heldLevel = await levelHeard(b, inc)) < SILENT_DBFS, {
    timeout: 6_000, interval: 0, message: () => `bob hears silence while held (level ${heldLevel.toFixed(1)} dBFS, must be < ${SILENT_DBFS})`,
  });

  // Resume
  await a.click('Hold', { callId: out });
  await a.waitCall({ id: out, hold: 'none' });
  await b.waitCall({ id: inc, hold: 'none' });
  await assertRtpFlows(b, inc, { what: 'RTP flows both ways again after resume' });
  await assertRtpFlows(a, out, { what: 'RTP flows both ways again after resume' });

  // Mute. After resume bob hears alice again: within the same bound as after unmute (a receiver
  // that got nothing for seconds may play out silence for a moment once packets come back).
  let before;
  const resumed = Date.now();
  await waitFor(async () => (before = await levelHeard(b, inc)) > SPEECH_DBFS, {
    timeout: 8_000, interval: 0, message: () => `bob hears alice after resume, before mute (level ${before.toFixed(1)} dBFS, must be > ${SPEECH_DBFS})`,
  });
  log(`bob hears alice ${Date.now() - resumed} ms after RTP flowed again (level measured over 1.5 s windows)`);
  await a.click('Mute', { callId: out });
  await a.waitCall({ id: out, muted: 'true' });
  assert.equal(await (await a.button('Mute', { callId: out })).getAttribute('aria-pressed'), 'true', 'Mute is aria-pressed while muted');
  let muted;
  await waitFor(async () => (muted = await levelHeard(b, inc)) < SILENT_DBFS, {
    timeout: 8_000, interval: 0, message: () => `bob hears silence while alice is muted (level ${muted.toFixed(1)} dBFS, must be < ${SILENT_DBFS})`,
  });
  const sideways = await levelHeard(a, out);
  assert.ok(sideways > SPEECH_DBFS, `alice still hears bob while she is muted (${sideways.toFixed(1)} dBFS)`);
  await a.click('Mute', { callId: out });
  await a.waitCall({ id: out, muted: 'false' });
  let unmuted;
  await waitFor(async () => (unmuted = await levelHeard(b, inc)) > SPEECH_DBFS, {
    timeout: 8_000, interval: 0, message: () => `bob hears alice again after unmute (level ${unmuted.toFixed(1)} dBFS, must be > ${SPEECH_DBFS})`,
  });
  log(`bob hears alice: ${before.toFixed(1)} dBFS, muted ${muted.toFixed(1)}, unmuted ${unmuted.toFixed(1)}`);
  await endAndWait(a, out, [b]);
});
