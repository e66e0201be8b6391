import { ApiError } from '../http/ApiError.ts';
import { decodePromptAudio } from './decodePromptAudio.ts';
import type { PromptAudioType } from './PromptAudioStore.ts';

/** The largest prompt recording accepted: a few minutes of phone-quality WAV or a long MP3. */
export const MAX_PROMPT_AUDIO_BYTES = 5 * 1024 * 1024;

/** Longest prompt recording accepted, in seconds. */
export const MAX_PROMPT_AUDIO_SECONDS = 300;

const MEDIA_TYPES: Readonly<Record<string, PromptAudioType>> = {
  'audio/wav': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/mpeg': 'audio/mpeg',
  'audio/mp3': 'audio/mpeg',
};

/** The media type of an upload's Content-Type, or a 415 that says which files are taken. */
export function uploadMediaType(contentType: string | undefined): PromptAudioType {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const mediaType = Object.hasOwn(MEDIA_TYPES, type) ? MEDIA_TYPES[type] : undefined;
  if (mediaType !== undefined) return mediaType;
  throw new ApiError(415, {
    code: 'AUDIO_TYPE',
    message: `A prompt recording must be a WAV or MP3 file (Content-Type audio/wav or audio/mpeg), not ${type || 'a file without a type'}. Export the recording as WAV or MP3 and upload it again.`,
    pointer: '',
  });
}

/**
 * Checks that the bytes are the WAV or MP3 they claim to be and that sox can play them, within the size and length
 * limits; answers 413 (too big) or 422 (not that format, unreadable, too long) in words that say what to do.
 */
export async function checkAudioUpload(bytes: Uint8Array, mediaType: PromptAudioType): Promise<{ durationMs: number }> {
  if (bytes.length > MAX_PROMPT_AUDIO_BYTES)
    throw new ApiError(413, {
      code: 'AUDIO_TOO_LARGE',
      message: `The file is ${megabytes(bytes.length)} MB; a prompt recording may be at most ${megabytes(MAX_PROMPT_AUDIO_BYTES)} MB. Shorten it or save it as MP3 or as 8 kHz mono WAV.`,
      pointer: '',
    });
  if (bytes.length === 0) throw unreadable('the file is empty');
  const looksRight = mediaType === 'audio/wav' ? isWav(bytes) : isMp3(bytes);
  if (!looksRight)
    throw new ApiError(422, {
      code: 'AUDIO_FORMAT',
      message: `The file is not ${mediaType === 'audio/wav' ? 'a WAV (RIFF/WAVE) file' : 'an MP3 file'} although it was sent as one. Export it again as WAV or MP3.`,
      pointer: '',
    });
  let pcm: Int16Array;
  try {
    pcm = await decodePromptAudio(bytes, mediaType);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  const durationMs = Math.round(pcm.length / 16);
  if (durationMs > MAX_PROMPT_AUDIO_SECONDS * 1000)
    throw new ApiError(422, {
      code: 'AUDIO_TOO_LONG',
      message: `The recording lasts ${Math.round(durationMs / 1000)} s; a prompt may last at most ${MAX_PROMPT_AUDIO_SECONDS} s. Cut it into several prompts.`,
      pointer: '',
    });
  return { durationMs };
}

function unreadable(reason: string): ApiError {
  return new ApiError(422, {
    code: 'AUDIO_UNREADABLE',
    message: `The recording cannot be played (${reason}). Export it again as 16-bit PCM WAV or as MP3.`,
    pointer: '',
  });
}

function isWav(bytes: Uint8Array): boolean {
  return ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE';
}

function isMp3(bytes: Uint8Array): boolean {
  // An ID3 tag, or an MPEG audio frame header (11 sync bits) right at the start.
  return ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function megabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1);
}
