// Launching Chromium (the apt package, never a downloaded browser) for one softphone party.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.SB_CHROMIUM || '/usr/bin/chromium';

/**
 * Starts a fresh Chromium profile whose microphone plays `wav` in a loop.
 *
 * @param {object} o
 * @param {string} [o.wav] the fake microphone's WAV (Chrome's beep when absent)
 * @param {{width:number,height:number}} [o.viewport]
 * @param {string} [o.origin] the origin to grant notifications to
 * @returns {Promise<{context, profileDir, close: () => Promise<void>}>}
 */
export async function launchBrowser({ wav, viewport, origin } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const profileDir = mkdtempSync(join(tmpdir(), 'sb-chromium-'));
  const args = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (wav) args.push(`--use-file-for-fake-audio-capture=${wav}`);
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: false, // --headless=new in args: Playwright's headless mode adds --mute-audio
    executablePath: CHROMIUM,
    ignoreHTTPSErrors: true,
    viewport: viewport ?? { width: 1280, height: 800 },
    args,
    timeout: 30_000,
  });
  const perms = ['notifications', 'microphone', 'camera'];
  if (origin) await context.grantPermissions(perms, { origin });
  else await context.grantPermissions(perms);
  let closed = false;
  return {
    context,
    profileDir,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
