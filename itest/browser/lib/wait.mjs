// Polling waits: every synchronisation in the scenarios is "poll until true or time out",
// never a fixed sleep.

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a truthy value and returns that value.
 *
 * @param {() => Promise<any>|any} probe
 * @param {object} o
 * @param {number} [o.timeout] milliseconds
 * @param {number} [o.interval] milliseconds between probes
 * @param {string|(() => string|Promise<string>)} o.message what was awaited, for the error
 */
export async function waitFor(probe, { timeout = 15_000, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= end) break;
    await sleep(interval);
  }
  const what = typeof message === 'function' ? await message() : message;
  const err = new Error(`timed out after ${timeout} ms waiting for ${what}` +
    (lastError ? ` (last error: ${lastError.message.split('\n')[0]})` : ''));
  err.waitTimeout = true;
  throw err;
}
