// Three softphones dial the same meeting room (8000-8999, the platform's own conference mixer
// behind ICE-lite + DTLS-SRTP): each hears the other two and not itself, by the waveform
// correlation of what it records with every party's espeak-ng sentence.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { scenario, assertRtpFlows, assertHears, log, sleep, waitFor } from '../lib/scenario.mjs';
import { endAndWait, waitNoActiveCalls } from '../lib/calls.mjs';
import { installPcSpy, pcReport, pcSummary } from '../lib/webrtc.mjs';

const ROOM = process.env.SB_MEETING_ROOM || String(8100 + Math.floor(Math.random() * 800));

scenario('meeting-browsers', { usersNeeded: 3, timeoutMs: 150_000 }, async (s) => {
  const parties = ['alice', 'bob', 'carol'];
  const phones = await Promise.all(parties.map(async (party, i) => {
    const p = await s.phone(party, s.users[i]);
    await installPcSpy(p.context);
    await p.activate();
    await p.waitRegistered();
    return p;
  }));
  log(`all registered; everybody dials room ${ROOM}`);
  const calls = {};
  for (const p of phones) {
    const c = await p.dial(ROOM);
    try {
      await p.waitCall({ id: c.id, status: 'connected' }, 15_000);
    } finally {
      writeFileSync(join(s.outDir, `peer-connections-${p.party}.json`), JSON.stringify(await pcReport(p.page).catch(() => []), null, 2));
    }
    let t;
    await waitFor(async () => (t = await pcSummary(p.page)) && t.dtlsState === 'connected', {
      timeout: 10_000, message: () => `${p.party}: DTLS connected with the meeting; getStats says ${JSON.stringify(t)}`,
    });
    log(`${p.party} joined ${ROOM} (${c.id}): ${t.selectedPair?.local} -> ${t.selectedPair?.remote}, ${t.srtpCipher}, ${t.inbound?.codec}`);
    calls[p.party] = c.id;
  }
  for (const p of phones) await assertRtpFlows(p, calls[p.party]);
  // "you have joined the meeting" (and the join tones of the later parties) come first
  await sleep(Number(process.env.SB_MEETING_SETTLE_MS || 3500));
  const scores = {};
  for (const p of phones) {
    const others = parties.filter((x) => x !== p.party);
    try {
      scores[p.party] = await assertHears(s, p, calls[p.party], others, [p.party], { ms: 8000, attempts: 4 }); // mixed voices: longer windows (see conference.mjs)
    } finally {
      const t = await pcSummary(p.page).catch(() => null);
      log(`${p.party} receives: ${JSON.stringify(t?.inbound)}`);
    }
  }
  console.log(JSON.stringify({ meeting: ROOM, scores }));
  for (const p of phones) await endAndWait(p, calls[p.party]);
  for (const p of phones) await waitNoActiveCalls(p);
});
