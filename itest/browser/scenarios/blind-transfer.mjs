// A calls B, B answers and blind-transfers A to C: C answers, A and C have media both ways and
// hear each other, B's call shows transfer success and ends.
import { scenario, assert, assertRtpFlows, assertHears, log } from '../lib/scenario.mjs';
import { connect, waitNoActiveCalls, endAndWait } from '../lib/calls.mjs';

scenario('blind-transfer', { usersNeeded: 3, timeoutMs: 150_000 }, async (s) => {
  const [ua, ub, uc] = s.users;
  const [a, b, c] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub), s.registeredPhone('carol', uc)]);
  const { out, inc } = await connect(a, b);
  await b.startTrace();
  await b.click('Transfer', { callId: inc });
  await b.page.getByRole('textbox', { name: 'Transfer to', exact: true }).fill(uc.name);
  await b.click('Blind transfer');
  log('bob blind-transfers alice to carol');
  const atCarol = await c.answer(ua.name);
  const atAlice = await a.waitCall({ status: 'connected', remote: uc.name });
  log(`alice <-> carol connected (${atAlice.id} / ${atCarol.id}); alice's call to bob was ${out}`);
  await waitNoActiveCalls(b);
  const bobStates = (await b.trace()).filter((x) => x.kind === 'call' && x.id === inc);
  log(`bob's call went through ${bobStates.map((x) => `${x.status}/${x.transfer}`).join(' -> ')}`);
  assert.ok(bobStates.some((x) => x.transfer === 'success'), `bob's call shows data-transfer=success (seen ${JSON.stringify(bobStates)})`);
  await assertRtpFlows(a, atAlice.id);
  await assertRtpFlows(c, atCarol.id);
  await assertHears(s, c, atCarol.id, ['alice'], ['carol', 'bob']);
  await assertHears(s, a, atAlice.id, ['carol'], ['alice', 'bob']);
  await endAndWait(a, atAlice.id, [b, c]);
});
