// A calls B and C (holds B, adds a call to C, both answered) and presses "Conference": each
// party hears the other two (correlation with the other parties' WAVs, each speaking its own
// sentence) and not itself.
import { scenario, assertRtpFlows, assertHears, log, waitFor } from '../lib/scenario.mjs';
import { connect, endAndWait, waitNoActiveCalls } from '../lib/calls.mjs';

// A mix of two voices correlates less with each; longer recordings average the noise floor
// (a party not heard, ~0.05) down so that a loaded machine's glitches do not hide a speaker.
const MIXED = { ms: 8000, attempts: 4 };

scenario('conference', { usersNeeded: 3, timeoutMs: 170_000 }, async (s) => {
  const [ua, ub, uc] = s.users;
  const [a, b, c] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub), s.registeredPhone('carol', uc)]);
  const withBob = await connect(a, b);
  await a.click('Hold', { callId: withBob.out });
  await a.waitCall({ id: withBob.out, hold: ['local', 'both'] });
  await a.click('Add call');
  const withCarol = await connect(a, c);
  await a.click('Conference');
  log('alice starts the conference');
  await waitFor(async () => {
    const st = await a.hookState();
    const both = st.calls.filter((x) => x.id === withBob.out || x.id === withCarol.out);
    return both.length === 2 && both.every((x) => x.conference && x.status === 'connected' && x.hold === 'none');
  }, { timeout: 10_000, message: async () => `both of alice's calls in the conference, connected and not held: ${JSON.stringify((await a.hookState()).calls)}` });
  await assertRtpFlows(b, withBob.inc);
  await assertRtpFlows(c, withCarol.inc);
  await assertHears(s, b, withBob.inc, ['alice', 'carol'], ['bob'], MIXED);
  await assertHears(s, c, withCarol.inc, ['alice', 'bob'], ['carol'], MIXED);
  await assertHears(s, a, withBob.out, ['bob', 'carol'], ['alice'], MIXED);
  await a.click('End call', { callId: withCarol.out });
  await waitNoActiveCalls(c);
  const left = (await a.calls()).find((x) => x.id === withBob.out && x.status === 'connected');
  if (left) await endAndWait(a, withBob.out, [b, c]);
  await waitNoActiveCalls(a);
  await waitNoActiveCalls(b);
});
