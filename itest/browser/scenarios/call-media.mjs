// Two softphones register, A calls B, B answers: RTP flows both ways on both sides, and each
// hears the other's voice (not their own) by audio correlation with the speakers' WAVs.
import { scenario, assertRtpFlows, assertHears, log } from '../lib/scenario.mjs';
import { endAndWait } from '../lib/calls.mjs';

scenario('call-media', { usersNeeded: 2, timeoutMs: 100_000 }, async (s) => {
  const [ua, ub] = s.users;
  const [a, b] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub)]);
  const out = await a.dial(ub.name);
  log(`alice dialled bob: call ${out.id} ${out.status}`);
  const inc = await b.answer(ua.name);
  await a.waitCall({ id: out.id, status: 'connected' });
  log('call connected on both sides');
  await assertRtpFlows(a, out.id);
  await assertRtpFlows(b, inc.id);
  await assertHears(s, b, inc.id, ['alice'], ['bob']);
  await assertHears(s, a, out.id, ['bob'], ['alice']);
  await endAndWait(a, out.id, [b]);
});
