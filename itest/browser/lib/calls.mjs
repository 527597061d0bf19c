// Call set-ups the scenarios share.
import { log } from './scenario.mjs';
import { waitFor } from './wait.mjs';

const FINISHED = ['ended', 'error'];

/** Calls that are still alive (not ended or failed). */
export async function activeCalls(phone) {
  return (await phone.calls()).filter((c) => !FINISHED.includes(c.status));
}

/** Waits until a phone has no live call (ended items may stay listed for a moment). */
export async function waitNoActiveCalls(phone, timeout = 15_000) {
  await waitFor(async () => (await activeCalls(phone)).length === 0, {
    timeout,
    message: async () => `${phone.party}: no live call left; calls are ${JSON.stringify(await phone.calls())}`,
  });
}

/** Waits until a call is ended or gone from the list. */
export async function waitEnded(phone, id, timeout = 15_000) {
  await waitFor(async () => {
    const c = await phone.call(id);
    return !c || FINISHED.includes(c.status);
  }, { timeout, message: async () => `${phone.party}: call ${id} ended; it is ${JSON.stringify(await phone.call(id))}` });
}

/** `caller` dials `callee` (a Phone), the callee answers; returns both call ids once connected. */
export async function connect(caller, callee) {
  const out = await caller.dial(callee.user.name);
  const inc = await callee.answer(caller.user.name);
  await caller.waitCall({ id: out.id, status: 'connected' });
  log(`${caller.party} -> ${callee.party} connected (${out.id} / ${inc.id})`);
  return { out: out.id, inc: inc.id };
}

/** Ends the focused call on `phone` with "End call" and waits until every phone has no live call. */
export async function endAndWait(phone, id, others = []) {
  await phone.click('End call', { callId: id });
  await waitEnded(phone, id);
  for (const p of [phone, ...others]) await waitNoActiveCalls(p);
}
