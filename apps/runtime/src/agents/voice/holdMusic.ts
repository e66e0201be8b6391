/** Notes (Hz) of the hold tune, one per 500 ms: a slow broken chord that loops every four seconds. */
const TUNE = [261.63, 329.63, 392.0, 523.25, 392.0, 329.63, 293.66, 349.23] as const;
const NOTE_MS = 500;
/** Peak level of the tune: about −18 dBFS, soft beside prompts. */
const AMPLITUDE = 4000;

/**
 * Hold audio: `ms` of a soft looping tune at `rate` (16-bit mono), starting `offsetMs` into the loop so that
 * consecutive pieces join without a click. Made here so the runtime needs no music file.
 */
export function holdMusic(ms: number, rate: number, offsetMs = 0): Int16Array {
  const samples = Math.round((ms * rate) / 1000);
  const out = new Int16Array(samples);
  const noteSamples = (NOTE_MS * rate) / 1000;
  const start = Math.round((offsetMs * rate) / 1000);
  for (let i = 0; i < samples; i++) {
    const t = start + i;
    const note = Math.floor(t / noteSamples) % TUNE.length;
    const within = (t % noteSamples) / noteSamples;
    // Each note swells and fades, so the joins between notes are silent.
    const envelope = Math.sin(Math.PI * within);
    const frequency = TUNE[note] ?? 440;
    const phase = (2 * Math.PI * frequency * t) / rate;
    out[i] = Math.round(AMPLITUDE * envelope * (0.8 * Math.sin(phase) + 0.2 * Math.sin(2 * phase)));
  }
  return out;
}

/** A RIFF/WAVE file of 16-bit mono PCM. */
export function wavFile(pcm: Int16Array, rate: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length * 2, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length * 2, 40);
  const body = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) body.writeInt16LE(pcm[i] ?? 0, i * 2);
  return Buffer.concat([header, body]);
}
