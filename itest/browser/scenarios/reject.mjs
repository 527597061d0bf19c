// B rejects an incoming call: A's call ends (ended/error) and A sees the SIP reason 486.
import { scenario, assert, log, waitFor } from '../lib/scenario.mjs';
import { waitNoActiveCalls } from '../lib/calls.mjs';

scenario('reject', { usersNeeded: 2, timeoutMs: 80_000 }, async (s) => {
  const [ua, ub] = s.users;
  const [a, b] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub)]);
  await a.startTrace();
  const out = await a.dial(ub.name);
  const inc = await b.waitCall({ status: 'incoming', remote: ua.name });
  await a.waitCall({ id: out.id, status: ['calling', 'ringing'] });
  await b.click('Reject', { callId: inc.id });
  await waitNoActiveCalls(b);
  const shown = await waitFor(async () => {
    const texts = [];
    const banner = a.page.locator('[data-testid="error"]');
    if (await banner.count()) texts.push(...(await banner.allTextContents()));
    for (const c of await a.calls()) if (c.id === out.id) texts.push(c.text);
    return texts.find((t) => /486/.test(t));
  }, {
    timeout: 10_000,
    message: async () => `alice sees "486" in [data-testid=error] or her call item; error banner: ` +
      `${JSON.stringify(await a.page.locator('[data-testid="error"]').allTextContents())}, calls: ${JSON.stringify(await a.calls())}`,
  });
  log(`alice sees: "${shown}"`);
  await waitNoActiveCalls(a);
  const states = (await a.trace()).filter((x) => x.kind === 'call' && x.id === out.id).map((x) => x.status);
  log(`alice's call went through ${states.join(' -> ')}`);
  assert.ok(states.some((x) => x === 'ended' || x === 'error') || !(await a.call(out.id)),
    `alice's call ends as ended/error (seen: ${states.join(', ')})`);
});
