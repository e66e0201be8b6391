import { execFileSync } from 'node:child_process';
import { mulawEncode } from './mulaw.ts';
import { seededRandom } from '@omniflow/flow-schema/testing';
import { toEspeakSsml } from './toEspeakSsml.ts';
import { concatPcm, parseWav, pcm16FromBytes, pcm16ToBytes, powerDbfs } from './pcm.ts';

/**
 * A synthetic caller: a flite voice (`flite:kal16`) or an espeak-ng voice with its variant (`espeak:en-us+f3`);
 * `espeak:cmn-latn-pinyin[+variant]` speaks Chinese text turned into pinyin first, as the gateway does.
 */
export type SyntheticVoice = `flite:${string}` | `espeak:${string}`;

/** How one recording is made: what is said, by whom, how fast and high, and how noisy the line is. */
export interface PhoneRecordingSpec {
  voice: SyntheticVoice;
  /** The words; `|` marks a pause inside the answer ("lost | card"). */
  text: string;
  /** Tempo factor (1 = as synthesized); the pitch stays. */
  speed: number;
  /** Pitch shift in cents (100 = a semitone). */
  pitchCents: number;
  /** Signal-to-noise ratio of the line noise, dB. */
  snrDb: number;
  /** Length of each `|` pause, ms. */
  pauseMs: number;
  /** Seeds the line noise: the same spec and seed make the same bytes. */
  seed: number;
}

const RATE = 8000;
const PINYIN_VOICE = 'cmn-latn-pinyin';
/** Line noise before and after the words, as a call has: the detector learns the floor from it. */
const LEAD_MS = 500;
const TRAIL_MS = 300;

/**
 * Makes one phone-line recording as an 8 kHz G.711 μ-law WAV file: the text synthesized (flite or espeak-ng),
 * changed in speed and pitch, band-limited to the telephone band (300–3400 Hz), with line noise at the given SNR,
 * then μ-law coded. Deterministic: the tools are, dither is off, and the noise comes from the seed.
 */
export function phoneRecording(spec: PhoneRecordingSpec): Uint8Array {
  const pieces = spec.text
    .split('|')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  const pause = new Int16Array((spec.pauseMs * RATE) / 1000);
  const speech = concatPcm(
    pieces.flatMap((piece, i) => (i === 0 ? [voiced(spec, piece)] : [pause, voiced(spec, piece)])),
  );
  const words = concatPcm([new Int16Array((LEAD_MS * RATE) / 1000), speech, new Int16Array((TRAIL_MS * RATE) / 1000)]);
  const noisy = withLineNoise(words, activeLevelDbfs(speech) - spec.snrDb, spec.seed);
  const band = sox(noisy, ['sinc', '300-3400']);
  return mulawWav(mulawEncode(band));
}

/** One stretch of speech at 8 kHz, in the spec's voice, speed and pitch. */
function voiced(spec: PhoneRecordingSpec, text: string): Int16Array {
  const [engine, name] = spec.voice.split(':') as [string, string];
  // flite cannot write to the socket Node gives a child as stdout; a shell pipe in between is a real pipe.
  const wav =
    engine === 'flite'
      ? execFileSync('sh', ['-c', 'flite -voice "$1" -t "$2" -o /dev/stdout | cat', 'sh', name, text], {
          maxBuffer: 64 << 20,
        })
      : name.split('+')[0] === PINYIN_VOICE
        ? // Mandarin as the gateway speaks it (Debian's `cmn` voice reads many characters as English pinyin digits).
          execFileSync('espeak-ng', ['-v', name, '-m', '--stdout', '--stdin'], {
            input: toEspeakSsml(text, PINYIN_VOICE).replaceAll(`name="${PINYIN_VOICE}"`, `name="${name}"`),
            maxBuffer: 64 << 20,
          })
        : execFileSync('espeak-ng', ['-v', name, '--stdout', text], { maxBuffer: 64 << 20 });
  const audio = parseWav(new Uint8Array(wav));
  if (audio === null) throw new Error(`${spec.voice} gave no WAV for "${text}"`);
  const effects = [
    ...(spec.speed === 1 ? [] : ['tempo', '-s', String(spec.speed)]),
    ...(spec.pitchCents === 0 ? [] : ['pitch', String(spec.pitchCents)]),
    'rate',
    String(RATE),
  ];
  return sox(audio.samples, effects, audio.sampleRate);
}

/** Runs samples through sox effects (raw 16-bit mono in and out, no dither), ending at 8 kHz. */
function sox(samples: Int16Array, effects: readonly string[], rate = RATE): Int16Array {
  const raw = ['-t', 'raw', '-e', 'signed', '-b', '16', '-c', '1'];
  const out = execFileSync(
    'sox',
    ['-D', '-V1', ...raw, '-r', String(rate), '-', ...raw, '-r', String(RATE), '-', ...effects],
    {
      input: pcm16ToBytes(samples),
      maxBuffer: 64 << 20,
    },
  );
  return pcm16FromBytes(new Uint8Array(out));
}

/** The level of the voiced part of speech (frames within 30 dB of the loudest), as SNR is measured on a line. */
function activeLevelDbfs(speech: Int16Array): number {
  const frame = RATE / 50;
  const levels: number[] = [];
  for (let at = 0; at + frame <= speech.length; at += frame) levels.push(powerDbfs(speech, at, at + frame));
  const loudest = Math.max(...levels);
  const active = levels.filter((level) => level > loudest - 30);
  const meanPower = active.reduce((sum, level) => sum + 10 ** (level / 10), 0) / Math.max(1, active.length);
  return 10 * Math.log10(meanPower);
}

/** Adds white line noise at `dbfs` from a seeded generator. */
function withLineNoise(samples: Int16Array, dbfs: number, seed: number): Int16Array {
  const random = seededRandom(seed);
  const amplitude = 32768 * 10 ** (dbfs / 20) * Math.sqrt(3);
  return Int16Array.from(samples, (sample) =>
    Math.max(-32768, Math.min(32767, Math.round(sample + amplitude * (2 * random() - 1)))),
  );
}

/** A WAV file of 8 kHz mono G.711 μ-law. */
function mulawWav(data: Uint8Array): Uint8Array {
  const header = new DataView(new ArrayBuffer(58));
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) header.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  header.setUint32(4, 50 + data.length + (data.length & 1), true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  header.setUint32(16, 18, true);
  header.setUint16(20, 7, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, RATE, true);
  header.setUint32(28, RATE, true);
  header.setUint16(32, 1, true);
  header.setUint16(34, 8, true);
  header.setUint16(36, 0, true);
  ascii(38, 'fact');
  header.setUint32(42, 4, true);
  header.setUint32(46, data.length, true);
  ascii(50, 'data');
  header.setUint32(54, data.length, true);
  const out = new Uint8Array(58 + data.length + (data.length & 1));
  out.set(new Uint8Array(header.buffer), 0);
  out.set(data, 58);
  return out;
}
