// In-page recording of what the user hears: WebAudio MediaStreamAudioSourceNode on a
// MediaStream + a ScriptProcessor that copies the samples, sent back to Node as base64 16-bit
// PCM (much smaller than a JSON array of floats).

/**
 * The function evaluated in the page. It records `ms` milliseconds of the stream that
 * `streamExpr` names and returns {rate, pcm} with pcm base64 little-endian Int16 mono.
 * Kept free of closures: Playwright serialises it.
 */
export async function recordInPage({ source, id, ms }) {
  let stream;
  if (source === 'remote') {
    stream = window.switchboardPhone.remoteStream(id);
    if (!stream) throw new Error(`switchboardPhone.remoteStream(${id}) is null`);
  } else {
    stream = window[source];
    if (!stream) throw new Error(`window.${source} is not a MediaStream`);
  }
  if (stream.getAudioTracks().length === 0) throw new Error('the stream has no audio track');
  const ctx = new AudioContext();
  await ctx.resume();
  const src = ctx.createMediaStreamSource(stream);
  const proc = ctx.createScriptProcessor(2048, 1, 1);
  const chunks = [];
  let recording = false;
  proc.onaudioprocess = (e) => {
    if (recording) chunks.push(new Float32Array(e.inputBuffer.getChannelData(0)));
  };
  src.connect(proc);
  proc.connect(ctx.destination); // the processor outputs zeros: nothing is played twice
  // let the graph settle before measuring
  await new Promise((r) => setTimeout(r, 150));
  recording = true;
  await new Promise((r) => setTimeout(r, ms));
  recording = false;
  src.disconnect();
  proc.disconnect();
  const rate = ctx.sampleRate;
  await ctx.close();
  let n = 0;
  for (const c of chunks) n += c.length;
  const bytes = new Uint8Array(n * 2);
  const view = new DataView(bytes.buffer);
  let o = 0;
  for (const c of chunks) {
    for (const s of c) {
      view.setInt16(o, Math.max(-32768, Math.min(32767, Math.round(s * 32767))), true);
      o += 2;
    }
  }
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return { rate, pcm: btoa(bin) };
}

/** Decodes what recordInPage returned into {rate, samples: Float32Array}. */
export function decodeRecording({ rate, pcm }) {
  const buf = Buffer.from(pcm, 'base64');
  const samples = new Float32Array(buf.length / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(2 * i) / 32768;
  return { rate, samples };
}
