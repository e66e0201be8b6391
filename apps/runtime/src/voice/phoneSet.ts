import { seededRandom } from '@omniflow/flow-schema/testing';
import type { PhoneRecordingSpec, SyntheticVoice } from './phoneRecording.ts';

/** A phone test set as written in `voice-sets/*.json`: the node it tests, the voices, the phrases, the conditions. */
export interface PhoneSetSpec {
  flow: string;
  node: string;
  locale: string;
  seed: number;
  voices: SyntheticVoice[];
  /** Speeds and pitches are picked from the lists; SNR and pause length uniformly between the two numbers given. */
  conditions: { speed: number[]; pitchCents: number[]; snrDb: [number, number]; pauseMs: [number, number] };
  phrases: { text: string; expect: string }[];
}

/** One recording of a set: its file name, what it should reach, its voice (the group) and how it is made. */
export interface PhoneSetItem {
  file: string;
  expect: string;
  group: string;
  text: string;
  recording: PhoneRecordingSpec;
}

/**
 * Every phrase in every voice, each under conditions drawn from the set's seed (a phrase keeps its conditions
 * when voices or phrases are added elsewhere in the list: the draw depends on the voice and the text only).
 */
export function phoneSetItems(spec: PhoneSetSpec): PhoneSetItem[] {
  return spec.voices.flatMap((voice) =>
    spec.phrases.map((phrase, index) => {
      const random = seededRandom(hash(`${spec.seed}|${voice}|${phrase.text}`));
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
      const between = ([low, high]: readonly [number, number]): number => Math.round(low + random() * (high - low));
      const recording: PhoneRecordingSpec = {
        voice,
        text: phrase.text,
        speed: pick(spec.conditions.speed),
        pitchCents: pick(spec.conditions.pitchCents),
        snrDb: between(spec.conditions.snrDb),
        pauseMs: between(spec.conditions.pauseMs),
        seed: Math.floor(random() * 2 ** 31),
      };
      const group = voice.replace(/[^a-z0-9+-]+/gi, '-');
      const slug = phrase.text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '');
      return {
        file: `${group}/${String(index).padStart(2, '0')}-${slug}.wav`,
        expect: phrase.expect,
        group,
        text: phrase.text,
        recording,
      };
    }),
  );
}

/** FNV-1a of a string: a stable seed per item. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
