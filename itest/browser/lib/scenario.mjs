// The frame of every scenario script: inputs from the environment, a temp dir for WAVs and
// profiles, a watchdog, and on failure a clear message, screenshots and console logs of every
// open phone, and a non-zero exit.
//
// Environment:
//   SB_BASE_URL  the client's URL, e.g. http://127.0.0.1:8181/phone/
//   SB_USERS     JSON array of {name, password}; the scenario says how many it needs
//   SB_OUT_DIR   where screenshots, logs and results go (default: ./out/<scenario>)
//   SB_SERVER_WS + SB_DOMAIN (development only) log in with the any-server URL form
//   SB_TIMEOUT_MS the scenario's watchdog (default per scenario)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Phone } from './phone.mjs';
import { speechWav, writeWav } from './wav.mjs';
import { whoIsHeard, dbfs } from './audio.mjs';
import { waitFor, sleep } from './wait.mjs';

/** The sentences the parties speak: different words, voices and lengths. */
export const VOICES = {
  alice: { sentence: 'This is Alice speaking, one two three', voice: 'en+f3', pitch: 70, speed: 150 },
  bob: { sentence: 'Bob here, calling from the blue office on the fourth floor', voice: 'en-us', pitch: 30, speed: 170 },
  carol: { sentence: 'Carol answers, seven eight nine', voice: 'en+f2', pitch: 55, speed: 150 },
};

export function log(...args) {
  console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...args);
}

/**
 * Runs a scenario.
 *
 * @param {string} name the scenario's name
 * @param {object} o usersNeeded, timeoutMs
 * @param {(s: object) => Promise<void>} body gets {baseUrl, users, outDir, tmp, phone(), wav()}
 */
export async function scenario(name, { usersNeeded = 0, timeoutMs = 120_000 } = {}, body) {
  const started = Date.now();
  const baseUrl = process.env.SB_BASE_URL;
  const outDir = resolve(process.env.SB_OUT_DIR || join('out', name));
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), `sb-${name}-`));
  const phones = [];
  const deferred = [];
  let failed = null;
  const watchdog = setTimeout(() => {
    console.error(`FAIL ${name}: the scenario did not finish within ${Number(process.env.SB_TIMEOUT_MS || timeoutMs)} ms`);
    failed = new Error('watchdog');
    finish().finally(() => process.exit(3));
  }, Number(process.env.SB_TIMEOUT_MS || timeoutMs));

  async function finish() {
    for (const p of phones) {
      if (failed) {
        await p.screenshot(`failure-${name}-${p.party}`).catch(() => {});
        try {
          p.note(`calls at failure: ${JSON.stringify(await p.calls())}`);
          p.note(`registration at failure: ${await p.registrationState()}`);
        } catch {
          // the page is gone
        }
      }
      p.writeLog(name);
    }
    await Promise.all(phones.map((p) => p.close()));
    rmSync(tmp, { recursive: true, force: true });
  }

  try {
    assert.ok(baseUrl, 'SB_BASE_URL is set (the client URL, e.g. http://127.0.0.1:8181/phone/)');
    const users = JSON.parse(process.env.SB_USERS || '[]');
    assert.ok(users.length >= usersNeeded, `SB_USERS holds at least ${usersNeeded} users (got ${users.length})`);
    const server = process.env.SB_SERVER_WS ? { ws: process.env.SB_SERVER_WS, domain: process.env.SB_DOMAIN || '127.0.0.1' } : undefined;
    const wavs = {};
    const s = {
      /**
       * Records a failed expectation without stopping the scenario, so that one run reports
       * every problem; the scenario fails at its end.
       */
      defer(message) {
        console.error(`CHECK FAILED: ${message}`);
        deferred.push(message);
      },
      name,
      baseUrl,
      users,
      outDir,
      tmp,
      /** The party's speech WAV (generated once). */
      wav(party) {
        if (!wavs[party]) {
          const v = VOICES[party];
          wavs[party] = speechWav(tmp, party, v.sentence, v);
        }
        return wavs[party];
      },
      /** Launches a softphone for a party (its WAV as the microphone). */
      async phone(party, user, opts = {}) {
        const p = await Phone.open({ party, user, wav: opts.silent ? undefined : s.wav(party), baseUrl, outDir, server: opts.server ?? server, viewport: opts.viewport });
        phones.push(p);
        return p;
      },
      /** Launches, activates through the URL and waits until registered. */
      async registeredPhone(party, user, opts = {}) {
        const p = await s.phone(party, user, opts);
        await p.activate(opts.extra);
        await p.waitRegistered();
        log(`${party} (${user.name}) registered`);
        return p;
      },
      /** The platform's client configuration (GET /api/client-config next to the client). */
      async clientConfig() {
        if (server) return { domain: server.domain, wssUrls: [server.ws] };
        const res = await fetch(new URL('/api/client-config', baseUrl));
        assert.equal(res.status, 200, `GET /api/client-config answers 200`);
        return res.json();
      },
      async closePhone(p) {
        p.writeLog(name);
        phones.splice(phones.indexOf(p), 1);
        await p.close();
      },
    };
    log(`scenario ${name} against ${baseUrl}`);
    await body(s);
    if (deferred.length) throw new assert.AssertionError({ message: `${deferred.length} check(s) failed:\n  - ${deferred.join('\n  - ')}` });
  } catch (e) {
    failed = e;
  }
  clearTimeout(watchdog);
  try {
    await finish();
  } catch (e) {
    console.error(`cleanup: ${e.message}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed) {
    console.error(`FAIL ${name} after ${seconds} s: ${failed.message}`);
    if (!(failed instanceof assert.AssertionError) && !failed.waitTimeout) console.error(failed.stack);
    console.error(`screenshots and console logs in ${outDir}`);
    process.exit(1);
  }
  log(`PASS ${name} in ${seconds} s`);
  process.exit(0);
}

// ---- shared checks -------------------------------------------------------------------------

/**
 * Asserts that RTP flows both ways on a call: packetsSent and packetsReceived grow between
 * two samples taken `windowMs` apart (retried until timeout: media may still be starting).
 */
export async function assertRtpFlows(phone, callId, { windowMs = 600, timeout = 10_000, what = 'RTP flows both ways' } = {}) {
  let detail = '';
  await waitFor(async () => {
    const a = await phone.rtpStats(callId);
    await sleep(windowMs);
    const b = await phone.rtpStats(callId);
    detail = `${JSON.stringify(a)} -> ${JSON.stringify(b)}`;
    return b.packetsSent > a.packetsSent && b.packetsReceived > a.packetsReceived;
  }, { timeout, interval: 0, message: () => `${phone.party}: ${what} on call ${callId} (rtpStats ${detail})` });
  log(`${phone.party}: ${what} on ${callId}: ${detail}`);
}

/** How many RTP packets a call receives in a window. */
export async function receivedIn(phone, callId, windowMs) {
  const a = await phone.rtpStats(callId);
  await sleep(windowMs);
  const b = await phone.rtpStats(callId);
  return b.packetsReceived - a.packetsReceived;
}

/**
 * Records what `listener` hears on a call and asserts who it is: every party in `heard` is in
 * the recording and no party in `notHeard` is, by the waveform correlation with each party's
 * looped WAV (lib/audio.mjs): a heard party scores at least 0.15 (0.2 alone) and at least twice
 * the best of the others, which score about 0.05-0.1. The band-envelope correlation is logged
 * alongside. Retries a few times because the first seconds of a call may still be ramping up.
 */
export async function assertHears(s, listener, callId, heard, notHeard, { ms = 4500, attempts = 5 } = {}) {
  // five windows: on a loaded machine the browser stretches time (NetEq) and a window can miss
  const minHeard = heard.length > 1 ? 0.15 : 0.2;
  let last;
  for (let i = 1; i <= attempts; i++) {
    const rec = await listener.record(callId, ms);
    const speakers = {};
    for (const p of [...heard, ...notHeard]) speakers[p] = s.wav(p);
    const scores = whoIsHeard(rec, speakers, 'wave');
    const envelopes = whoIsHeard(rec, speakers);
    const level = dbfs(rec.samples);
    if (process.env.SB_SAVE_AUDIO) writeWav(join(s.outDir, `heard-${listener.party}-${callId}-${i}.wav`), rec.rate, rec.samples);
    const worstHeard = Math.min(...heard.map((p) => scores[p]));
    const bestOther = Math.max(0, ...notHeard.map((p) => scores[p]));
    last = `${listener.party} hears ${JSON.stringify(scores)} at ${level.toFixed(1)} dBFS (envelopes ${JSON.stringify(envelopes)}); ` +
      `must hear ${heard.join(' and ')} (each >= ${minHeard} and >= 2x ${notHeard.join(', ') || 'nobody'})`;
    log(`attempt ${i}: ${last}`);
    if (worstHeard >= minHeard && worstHeard >= 2 * bestOther) return scores;
  }
  assert.fail(last);
}

/** Records what a phone hears on a call and returns its level in dBFS. */
export async function levelHeard(listener, callId, ms = 1500) {
  return dbfs((await listener.record(callId, ms)).samples);
}

export { assert, waitFor, sleep };
