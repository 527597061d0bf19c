// One softphone party: its own Chromium profile and page, driven only through the UI contract
// of web-client/TESTING.md (accessible names, data-* attributes, window.switchboardPhone).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { recordInPage, decodeRecording } from './recorder.mjs';
import { waitFor } from './wait.mjs';

export class Phone {
  /**
   * @param {object} o
   * @param {string} o.party a short name for messages and files (alice, bob...)
   * @param {{name:string,password:string}} o.user the SIP user
   * @param {{file:string}} [o.wav] what this party's microphone says
   * @param {string} o.baseUrl the client's URL (.../phone/)
   * @param {string} o.outDir where logs and screenshots go
   * @param {object} [o.viewport]
   * @param {object} [o.server] {ws, domain}: log in with the any-server form (development
   *   against a separately served client) instead of the platform's fixed-server form
   */
  static async open(o) {
    const origin = new URL(o.baseUrl).origin;
    const browser = await launchBrowser({ wav: o.wav?.file, viewport: o.viewport, origin });
    if (process.env.SB_JSSIP_DEBUG) {
      // JsSIP logs through the debug module: every SIP message into the console log
      await browser.context.addInitScript(() => localStorage.setItem('debug', 'JsSIP:*'));
    }
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    return new Phone(o, browser, page);
  }

  constructor(o, browser, page) {
    this.party = o.party;
    this.user = o.user;
    this.wav = o.wav;
    this.baseUrl = o.baseUrl;
    this.outDir = o.outDir;
    this.server = o.server;
    this.browser = browser;
    this.context = browser.context;
    this.page = page;
    this.log = [];
    const t0 = Date.now();
    const add = (line) => this.log.push(`${((Date.now() - t0) / 1000).toFixed(3)} ${line}`);
    this.context.on('page', (p) => p.on('console', (m) => add(`[console.${m.type()}] ${m.text()}`)));
    page.on('console', (m) => add(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => add(`[pageerror] ${e.stack || e.message}`));
    page.on('requestfailed', (r) => add(`[requestfailed] ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) add(`[http ${r.status()}] ${r.request().method()} ${r.url()}`);
    });
    page.on('websocket', (ws) => {
      add(`[websocket open] ${ws.url()}`);
      ws.on('close', () => add(`[websocket close] ${ws.url()}`));
    });
  }

  note(line) {
    this.log.push(`---- ${line}`);
  }

  /** The activation URL: fixed-server form (username/password) or any-server form. */
  activationUrl(extra = {}) {
    const u = new URL(this.baseUrl);
    if (this.server) {
      u.searchParams.set('server', this.server.ws);
      u.searchParams.set('identity', `${this.user.name}@${this.server.domain}`);
    } else {
      u.searchParams.set('username', this.user.name);
    }
    u.searchParams.set('password', this.user.password);
    for (const [k, v] of Object.entries(extra)) u.searchParams.set(k, v);
    return u.toString();
  }

  /** Opens the client with the URL activation parameters (and optional destination). */
  async activate(extra = {}) {
    this.note(`activate ${JSON.stringify(extra)}`);
    await this.page.goto(this.activationUrl(extra), { waitUntil: 'domcontentloaded' });
  }

  registration() {
    return this.page.locator('[data-testid="registration"]');
  }

  async registrationState() {
    return this.registration().first().getAttribute('data-state', { timeout: 1000 }).catch(() => null);
  }

  async waitRegistered(timeout = 20_000) {
    await waitFor(async () => (await this.registrationState()) === 'registered', {
      timeout,
      interval: 50,
      message: async () => `${this.party} (${this.user.name}) registered; registration is ` +
        `${await this.registrationState()}: "${await this.registration().first().textContent({ timeout: 500 }).catch(() => '?')}"`,
    });
  }

  /** Every call item of the call list, from its data-* attributes. */
  async calls() {
    return this.page.locator('[data-testid="call"]').evaluateAll((els) => els.map((e) => ({
      id: e.getAttribute('data-call-id'),
      status: e.getAttribute('data-status'),
      hold: e.getAttribute('data-hold'),
      muted: e.getAttribute('data-muted'),
      transfer: e.getAttribute('data-transfer'),
      focused: e.getAttribute('data-focused'),
      quality: e.getAttribute('data-quality'),
      remote: e.getAttribute('data-remote'),
      text: (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 200),
    })));
  }

  callItem(id) {
    return this.page.locator(`[data-testid="call"][data-call-id="${id}"]`);
  }

  async call(id) {
    return (await this.calls()).find((c) => c.id === id);
  }

  /**
   * Waits for a call item that matches.
   *
   * @param {object} m status (string or array), remote (a user name contained in data-remote),
   *   id, other call attributes to equal
   */
  async waitCall(m, timeout = 15_000) {
    const matches = (c) => Object.entries(m).every(([k, v]) => {
      if (v === undefined) return true;
      if (k === 'remote') return (c.remote || '').includes(v);
      if (Array.isArray(v)) return v.includes(c[k]);
      return c[k] === v;
    });
    return waitFor(async () => (await this.calls()).find(matches), {
      timeout,
      interval: 50,
      message: async () => `${this.party}: a call ${JSON.stringify(m)}; calls are ${JSON.stringify(await this.calls().catch(() => '?'))}`,
    });
  }

  async waitNoCalls(timeout = 15_000) {
    await waitFor(async () => (await this.calls()).length === 0, {
      timeout,
      message: async () => `${this.party}: no calls left; calls are ${JSON.stringify(await this.calls())}`,
    });
  }

  /**
   * A button by accessible name: inside the call's item when it has one there, else the
   * only/first one on the page.
   */
  async button(name, { callId, exact = true } = {}) {
    if (callId) {
      const inItem = this.callItem(callId).getByRole('button', { name, exact });
      if (await inItem.count()) return inItem.first();
    }
    return this.page.getByRole('button', { name, exact }).first();
  }

  async click(name, opts = {}) {
    this.note(`click "${name}"${opts.callId ? ` (call ${opts.callId})` : ''}`);
    await (await this.button(name, opts)).click({ timeout: opts.timeout ?? 10_000 });
  }

  /** Types the destination and presses "Audio call"; returns the new outgoing call. */
  async dial(destination) {
    const before = new Set((await this.calls()).map((c) => c.id));
    this.note(`dial ${destination}`);
    await this.page.getByRole('textbox', { name: 'Destination', exact: true }).fill(destination);
    await this.click('Audio call');
    return waitFor(async () => (await this.calls()).find((c) => !before.has(c.id)), {
      timeout: 10_000,
      interval: 20,
      message: `${this.party}: a call item after "Audio call" to ${destination}`,
    });
  }

  /** Waits for an incoming call (from a user) and answers it with audio. */
  async answer(from) {
    const call = await this.waitCall({ status: 'incoming', remote: from });
    await this.click('Answer with audio', { callId: call.id });
    await this.waitCall({ id: call.id, status: 'connected' });
    return call;
  }

  /**
   * Starts recording, in the page, every state the call items and the registration go
   * through (a MutationObserver), so that short-lived states (transfer success on a call that
   * then ends, a brief "connecting") are not missed by polling.
   */
  async startTrace() {
    await this.page.evaluate(() => {
      if (window.__sbTrace) window.__sbTrace.observer.disconnect();
      const seen = [];
      const snap = () => {
        const reg = document.querySelector('[data-testid="registration"]');
        const r = reg ? reg.getAttribute('data-state') : null;
        const last = seen.length ? seen[seen.length - 1] : null;
        if (!last || last.registration !== r || last.kind !== 'registration') {
          if (!seen.some((x) => x.kind === 'registration') || seen.filter((x) => x.kind === 'registration').pop().registration !== r) {
            seen.push({ kind: 'registration', registration: r, t: performance.now() });
          }
        }
        for (const e of document.querySelectorAll('[data-testid="call"]')) {
          const c = {
            kind: 'call',
            id: e.getAttribute('data-call-id'),
            status: e.getAttribute('data-status'),
            hold: e.getAttribute('data-hold'),
            transfer: e.getAttribute('data-transfer'),
            remote: e.getAttribute('data-remote'),
          };
          const prev = seen.filter((x) => x.kind === 'call' && x.id === c.id).pop();
          if (!prev || prev.status !== c.status || prev.hold !== c.hold || prev.transfer !== c.transfer) {
            seen.push({ ...c, t: performance.now() });
          }
        }
      };
      const observer = new MutationObserver(snap);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
      snap();
      window.__sbTrace = { observer, seen };
    });
  }

  /** What startTrace has seen so far. */
  async trace() {
    return this.page.evaluate(() => (window.__sbTrace ? window.__sbTrace.seen : []));
  }

  async hookState() {
    return this.page.evaluate(() => window.switchboardPhone.state());
  }

  async rtpStats(id) {
    return this.page.evaluate((callId) => window.switchboardPhone.rtpStats(callId), id);
  }

  async sentTones(id) {
    return this.page.evaluate((callId) => window.switchboardPhone.sentTones(callId), id);
  }

  /** Records `ms` milliseconds of what the user hears on a call: {rate, samples}. */
  async record(id, ms) {
    return decodeRecording(await this.page.evaluate(recordInPage, { source: 'remote', id, ms }));
  }

  async screenshot(name) {
    const file = join(this.outDir, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  }

  writeLog(prefix) {
    writeFileSync(join(this.outDir, `${prefix}-${this.party}.log`), this.log.join('\n') + '\n');
  }

  async close() {
    await this.browser.close();
  }
}
