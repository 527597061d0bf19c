// Screenshots of the dial pad, an active call and the settings form, at a phone's (390x844)
// and a laptop's (1280x800) viewport, into SB_OUT_DIR; each must have rendered (a PNG of some
// KB) with the expected controls visible.
import { statSync } from 'node:fs';
import { scenario, assert, log } from '../lib/scenario.mjs';
import { connect, endAndWait } from '../lib/calls.mjs';

const VIEWPORTS = [{ name: 'mobile', width: 390, height: 844 }, { name: 'desktop', width: 1280, height: 800 }];
const MIN_BYTES = 5000;

async function assertVisible(p, what, locators) {
  for (const [label, loc] of locators) {
    await loc.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    const visible = await loc.first().isVisible();
    assert.ok(visible, `${what}: ${label} is visible at ${p.page.viewportSize().width}x${p.page.viewportSize().height}`);
    const box = await loc.first().boundingBox();
    const vp = p.page.viewportSize();
    assert.ok(box && box.x >= 0 && box.x + box.width <= vp.width + 1,
      `${what}: ${label} fits the viewport width ${vp.width} (box ${JSON.stringify(box)})`);
  }
}

async function shot(p, name) {
  const file = await p.screenshot(name);
  const size = statSync(file).size;
  assert.ok(size > MIN_BYTES, `${file} rendered (${size} bytes > ${MIN_BYTES})`);
  log(`${file}: ${size} bytes`);
}

scenario('screenshots', { usersNeeded: 2, timeoutMs: 150_000 }, async (s) => {
  const [ua, ub] = s.users;
  const [a, b] = await Promise.all([s.registeredPhone('alice', ua), s.registeredPhone('bob', ub)]);
  const role = (r, name) => a.page.getByRole(r, { name, exact: true });
  for (const vp of VIEWPORTS) {
    await a.page.setViewportSize({ width: vp.width, height: vp.height });
    await a.page.reload({ waitUntil: 'domcontentloaded' });
    await a.waitRegistered();
    await assertVisible(a, 'dial pad', [
      ['textbox "Destination"', role('textbox', 'Destination')],
      ...['1', '5', '9', '0', '*', '#'].map((d) => [`button "${d}"`, role('button', d)]),
      ['button "Audio call"', role('button', 'Audio call')],
      ['registration', a.page.locator('[data-testid="registration"]')],
    ]);
    await shot(a, `dialpad-${vp.name}`);

    const { out } = await connect(a, b);
    await assertVisible(a, 'active call', [
      // on a phone's width the call list is a drawer behind the menu button; the call's panel shows
      ...(vp.width >= 800 ? [['call item', a.callItem(out)]] : []),
      ['button "End call"', role('button', 'End call')],
      ['button "Mute"', role('button', 'Mute')],
      ['button "Hold"', role('button', 'Hold')],
    ]);
    await shot(a, `call-${vp.name}`);
    await endAndWait(a, out, [b]);

    await a.click('Settings');
    await assertVisible(a, 'settings form', [
      ['textbox "Username"', a.page.getByLabel('Username', { exact: true })],
      ['textbox "Password"', a.page.getByLabel('Password', { exact: true })],
      ['textbox "WebSocket servers"', a.page.getByLabel('WebSocket servers', { exact: true })],
      ['button "Save"', role('button', 'Save')],
    ]);
    await shot(a, `settings-${vp.name}`);
  }
});
