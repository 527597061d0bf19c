// /phone/?username=..&password=..&destination=<B> registers and dials B at once: B sees the
// incoming call from A, and the password does not stay in the address bar. Cancelling the
// call before it is answered ends it at B too.
import { scenario, assert, log } from '../lib/scenario.mjs';
import { waitNoActiveCalls, waitEnded } from '../lib/calls.mjs';

scenario('url-activation', { usersNeeded: 2, timeoutMs: 80_000 }, async (s) => {
  const [ua, ub] = s.users;
  const b = await s.registeredPhone('bob', ub);
  const a = await s.phone('alice', ua);
  await a.activate({ destination: ub.name });
  await a.waitRegistered();
  const out = await a.waitCall({ remote: ub.name, status: ['calling', 'ringing', 'connected'] });
  const inc = await b.waitCall({ status: 'incoming', remote: ua.name });
  log(`alice dialled bob from the URL: ${JSON.stringify(out)}; bob sees ${JSON.stringify(inc)}`);
  assert.ok(!a.page.url().includes(ua.password), `the password is removed from the address bar (URL is ${a.page.url()})`);
  // alice hangs up before bob answers: the CANCEL must stop bob's ringing
  await a.click('End call', { callId: out.id });
  await waitNoActiveCalls(a);
  try {
    await waitEnded(b, inc.id, 10_000);
  } catch (e) {
    s.defer(`bob's incoming call ends when alice cancels it: ${e.message}`);
  }
});
