import type { OutputEvent } from '@omniflow/flow-engine';
import { firstSentence } from './firstSentence.ts';
import { ssmlSpeech } from './ssmlSpeech.ts';
import { powerDbfs } from './pcm.ts';
import { concatAudio, silence, type SynthesizedAudio, type Synthesizer, toSynthesizedAudio } from './Synthesizer.ts';

/** A `say` output of the engine. */
type Say = Extract<OutputEvent, { type: 'say' }>;

/**
 * The audio of one prompt, in the order it plays, each piece started at once: its recording when the synthesizer
 * can play it, else its SSML (pauses as silence, digits spelled; see {@link ssmlSpeech}), else its text with the
 * first sentence apart so it is ready sooner. Speech uses the flow's voice for the locale when it chose one.
 */
export function speakSay(say: Say, synthesizer: Synthesizer, signal: AbortSignal): Promise<SynthesizedAudio>[] {
  const voice = say.voice?.local;
  const speak = (text: string): Promise<SynthesizedAudio> =>
    voice === undefined
      ? synthesizer.synthesize(text, say.locale, signal)
      : synthesizer.synthesize(text, say.locale, signal, voice);
  const spoken = (): Promise<SynthesizedAudio>[] => {
    if (say.ssml === undefined) return firstSentence(say.text).map(speak);
    const parts = ssmlSpeech(say.ssml);
    if (!parts.some((part) => part.kind === 'text')) return firstSentence(say.text).map(speak);
    // The engines pad each piece with their own silence; trimmed, a break lasts about what the SSML says.
    return parts.map((part) =>
      part.kind === 'pause' ? Promise.resolve(silence(part.ms)) : speak(part.text).then((audio) => trimSilence(audio)),
    );
  };
  if (say.audio === undefined || synthesizer.recording === undefined) return spoken();
  // A recording that is not this runtime's (an outside URL) or is gone is replaced by the prompt's speech.
  return [
    synthesizer
      .recording(say.audio, signal)
      .then(async (recording) => recording ?? concatAudio(await Promise.all(spoken()))),
  ];
}

/** The synthesizer with recordings played by `recording` (the runtime's stored prompt audio). */
export function withRecordings(
  synthesizer: Synthesizer,
  recording: (reference: string, signal: AbortSignal) => Promise<SynthesizedAudio | null>,
): Synthesizer {
  return {
    name: synthesizer.name,
    voiceFor: (locale) => synthesizer.voiceFor(locale),
    synthesize: (text, locale, signal, voice) =>
      voice === undefined
        ? synthesizer.synthesize(text, locale, signal)
        : synthesizer.synthesize(text, locale, signal, voice),
    recording,
  };
}

/** Level below which a 10 ms window counts as silence when trimming a piece's ends. */
const SILENT_DBFS = -50;

/** Keeps `keepMs` of the silence at each end of a piece of speech and drops the rest. */
export function trimSilence(audio: SynthesizedAudio, keepMs = 40): SynthesizedAudio {
  const pcm = audio.pcm16k;
  const windows = Math.floor(pcm.length / 160);
  let first = 0;
  while (first < windows && powerDbfs(pcm, first * 160, (first + 1) * 160) < SILENT_DBFS) first++;
  if (first === windows) return audio;
  let last = windows - 1;
  while (last > first && powerDbfs(pcm, last * 160, (last + 1) * 160) < SILENT_DBFS) last--;
  const keep = Math.round(keepMs * 16);
  const start = Math.max(0, first * 160 - keep);
  const end = Math.min(pcm.length, (last + 1) * 160 + keep);
  if (start === 0 && end === pcm.length) return audio;
  return toSynthesizedAudio(pcm.slice(start, end), 16000, audio.voice);
}
