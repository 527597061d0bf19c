// A server feature's panel follows feature:install / feature:uninstall without a reload: alice's
// Meetings panel (the client feature `meetings` of switchboard-meetings) is shown, disappears
// after the feature is uninstalled and comes back after it is installed again, while alice
// stays registered in a call with bob that goes on carrying RTP both ways, on the same page.
//
// The Karaf side is driven by the JUnit method (SoftphoneBrowserIT#featurePanelFollowsFeatureInstall):
// the scenario asks for a step by writing <SB_OUT_DIR>/request-<step> and waits for
// <SB_OUT_DIR>/done-<step>.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenario, assert, assertRtpFlows, log, waitFor } from '../lib/scenario.mjs';
import { connect, endAndWait } from '../lib/calls.mjs';

const PANEL = '[data-testid="meetings-panel"]';
// the client revalidates /api/client-config every 15 s (web-client/src/api/features.ts)
const FOLLOW_MS = Number(process.env.SB_FEATURE_FOLLOW_MS || 40_000);

async function ask(s, step) {
  const t0 = Date.now();
  writeFileSync(join(s.outDir, `request-${step}`), new Date().toISOString());
  log(`asked the test for "${step}"`);
  await waitFor(() => existsSync(join(s.outDir, `done-${step}`)), {
    timeout: 90_000, interval: 200, message: `the test to do "${step}" (${join(s.outDir, `done-${step}`)})`,
  });
  log(`"${step}" done after ${Date.now() - t0} ms`);
}

const panelVisible = (p) => p.page.locator(PANEL).isVisible();
const shownModules = (p) => p.page.evaluate(() => window.switchboardPhone.modules());

async function stillTheSame(s, a, b, calls, marker) {
  assert.equal(await a.page.evaluate(() => window.__featurePanelMarker), marker, 'alice\'s page was not reloaded');
  assert.equal(await a.registrationState(), 'registered', 'alice is still registered');
  assert.equal(await b.registrationState(), 'registered', 'bob is still registered');
  await a.waitCall({ id: calls.out, status: 'connected' }, 2000);
  await b.waitCall({ id: calls.inc, status: 'connected' }, 2000);
  await assertRtpFlows(a, calls.out);
  await assertRtpFlows(b, calls.inc);
}

scenario('feature-panel', { usersNeeded: 2, timeoutMs: 170_000 }, async (s) => {
  const [ua, ub] = s.users;
  const [a, b] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub)]);
  const marker = `kept-${Date.now()}`;
  await a.page.evaluate((m) => { window.__featurePanelMarker = m; }, marker);

  await waitFor(() => panelVisible(a), { timeout: 10_000, message: 'alice\'s Meetings panel is shown (switchboard-meetings is a boot feature)' });
  assert.ok((await shownModules(a)).includes('meetings'), 'the hook lists the meetings module as shown');
  const config = await s.clientConfig();
  assert.ok((config.features || []).some((f) => f.id === 'meetings'), `client-config lists meetings: ${JSON.stringify(config.features)}`);
  const calls = await connect(a, b);
  await a.screenshot('feature-panel-installed');

  await ask(s, 'uninstall');
  const gone = Date.now();
  await waitFor(async () => !(await panelVisible(a)), { timeout: FOLLOW_MS, message: 'alice\'s Meetings panel is gone after feature:uninstall' });
  log(`panel gone ${Date.now() - gone} ms after the uninstall`);
  assert.ok(!(await shownModules(a)).includes('meetings'), 'the hook no longer lists meetings');
  await stillTheSame(s, a, b, calls, marker);
  await a.screenshot('feature-panel-uninstalled');

  await ask(s, 'install');
  const back = Date.now();
  await waitFor(() => panelVisible(a), { timeout: FOLLOW_MS, message: 'alice\'s Meetings panel is back after feature:install' });
  log(`panel back ${Date.now() - back} ms after the install`);
  await stillTheSame(s, a, b, calls, marker);
  const placeholder = await a.page.locator(`${PANEL} input`).getAttribute('placeholder');
  assert.equal(placeholder, '8000', `the panel uses the feature's settings (rooms 8000-8999): placeholder ${placeholder}`);

  await endAndWait(a, calls.out, [b]);
});
