// After a call, reloading the page shows it in the history (peer, direction) from the
// platform's /api/history; "Clear history" empties it, also after another reload.
import { scenario, assert, log, waitFor } from '../lib/scenario.mjs';
import { connect, endAndWait } from '../lib/calls.mjs';

async function entries(p) {
  return p.page.locator('[data-testid="history-entry"]').evaluateAll((els) => els.map((e) => ({
    peer: e.getAttribute('data-peer'), direction: e.getAttribute('data-direction'), outcome: e.getAttribute('data-outcome'),
  })));
}

async function openHistory(p) {
  // the list may already be shown; "History" shows it
  const button = p.page.getByRole('button', { name: 'History', exact: true });
  await button.first().click({ timeout: 10_000 });
}

/** Reloads; if the phone is not logged in any more, logs in again through the URL. */
async function reload(p) {
  await p.page.reload({ waitUntil: 'domcontentloaded' });
  try {
    await p.waitRegistered(10_000);
  } catch {
    log(`${p.party}: not registered after a reload ("Keep me logged in" off?): activating again`);
    await p.activate();
    await p.waitRegistered();
  }
}

scenario('history', { usersNeeded: 2, timeoutMs: 120_000 }, async (s) => {
  const [ua, ub] = s.users;
  const [a, b] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub)]);
  const { out } = await connect(a, b);
  await endAndWait(a, out, [b]);
  await reload(a);
  await openHistory(a);
  const mine = await waitFor(async () => (await entries(a)).find((e) => (e.peer || '').includes(ub.name)), {
    timeout: 10_000, message: async () => `alice's history shows the call to ${ub.name}: ${JSON.stringify(await entries(a))}`,
  });
  assert.equal(mine.direction, 'outgoing', `alice's entry is outgoing: ${JSON.stringify(mine)}`);
  await reload(b);
  await openHistory(b);
  const theirs = await waitFor(async () => (await entries(b)).find((e) => (e.peer || '').includes(ua.name)), {
    timeout: 10_000, message: async () => `bob's history shows the call from ${ua.name}: ${JSON.stringify(await entries(b))}`,
  });
  assert.equal(theirs.direction, 'incoming', `bob's entry is incoming: ${JSON.stringify(theirs)}`);
  log(`history: alice ${JSON.stringify(mine)}, bob ${JSON.stringify(theirs)}`);
  await a.screenshot('history-alice');

  await a.click('Clear history');
  const confirm = a.page.getByRole('button', { name: /^(Clear|OK|Yes|Confirm)$/ });
  if (await confirm.count()) await confirm.first().click({ timeout: 2000 }).catch(() => {});
  await waitFor(async () => (await entries(a)).length === 0, {
    timeout: 10_000, message: async () => `alice's history is empty after "Clear history": ${JSON.stringify(await entries(a))}`,
  });
  await reload(a);
  await openHistory(a);
  // give the list the time to load from the server; it must stay empty
  const start = Date.now();
  while (Date.now() - start < 2000) {
    const e = await entries(a);
    assert.equal(e.length, 0, `alice's history stays empty after clearing and a reload: ${JSON.stringify(e)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok((await entries(b)).length > 0, "clearing alice's history leaves bob's");
});
