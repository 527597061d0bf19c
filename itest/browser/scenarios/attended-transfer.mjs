// A calls B; B holds A, adds a call to C, C answers; B transfers attended ("Attended transfer
// to <A>"): A and C are connected with media both ways, B has no call left.
import { scenario, assertRtpFlows, assertHears, log, waitFor } from '../lib/scenario.mjs';
import { connect, activeCalls, waitNoActiveCalls, endAndWait } from '../lib/calls.mjs';

scenario('attended-transfer', { usersNeeded: 3, timeoutMs: 150_000 }, async (s) => {
  const [ua, ub, uc] = s.users;
  const [a, b, c] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub), s.registeredPhone('carol', uc)]);
  const first = await connect(a, b);
  await b.click('Hold', { callId: first.inc });
  await b.waitCall({ id: first.inc, hold: ['local', 'both'] });
  await b.click('Add call');
  const toCarol = await b.dial(uc.name);
  const atCarol = await c.answer(ub.name);
  await b.waitCall({ id: toCarol.id, status: 'connected' });
  log(`bob holds alice and talks to carol (${toCarol.id} / ${atCarol.id})`);
  await b.click('Transfer', { callId: toCarol.id });
  await b.click(new RegExp(`^Attended transfer to .*${ua.name}`));
  log('bob transfers attended');
  const aliceCall = await a.waitCall({ status: 'connected', remote: uc.name }, 20_000);
  const carolCall = await c.waitCall({ status: 'connected', remote: ua.name }, 20_000);
  log(`alice <-> carol connected (${aliceCall.id} / ${carolCall.id})`);
  await waitNoActiveCalls(b);
  await waitFor(async () => (await activeCalls(a)).every((x) => x.id === aliceCall.id), {
    message: async () => `alice's only live call is the one with carol; calls are ${JSON.stringify(await a.calls())}`,
  });
  await assertRtpFlows(a, aliceCall.id);
  await assertRtpFlows(c, carolCall.id);
  await assertHears(s, c, carolCall.id, ['alice'], ['carol', 'bob']);
  await assertHears(s, a, aliceCall.id, ['carol'], ['alice', 'bob']);
  await endAndWait(a, aliceCall.id, [b, c]);
});
