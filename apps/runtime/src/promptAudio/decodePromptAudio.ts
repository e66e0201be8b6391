import { runProcess } from '../voice/runProcess.ts';
import type { PromptAudioType } from './PromptAudioStore.ts';

/** How long sox may take to read one recording. */
const DECODE_TIMEOUT_MS = 15_000;

/**
 * Decodes a WAV or MP3 recording to 16 kHz 16-bit mono PCM with sox (Debian `sox` + `libsox-fmt-mp3`), read from
 * stdin so nothing is written to disk; rejects with sox's own words when it cannot read the file.
 */
export async function decodePromptAudio(
  bytes: Uint8Array,
  mediaType: PromptAudioType,
  signal?: AbortSignal,
): Promise<Int16Array> {
  const type = mediaType === 'audio/mpeg' ? 'mp3' : 'wav';
  const result = await runProcess(
    'sox',
    ['-V1', '-t', type, '-', '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-c', '1', '-r', '16000', '-'],
    { input: bytes, timeoutMs: DECODE_TIMEOUT_MS, ...(signal ? { signal } : {}) },
  );
  if (result.code !== 0 || result.stdout.length < 2)
    throw new Error(result.stderr.replace(/^sox (FAIL|WARN) \w+: /gmu, '').trim() || 'sox read no audio from it');
  const pcm = new Int16Array(result.stdout.length >> 1);
  for (let i = 0; i < pcm.length; i++) pcm[i] = result.stdout.readInt16LE(i * 2);
  return pcm;
}
