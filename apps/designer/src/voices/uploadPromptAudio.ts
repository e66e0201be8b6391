import { isRecord } from '@omniflow/flow-schema';
import { bearerToken, field } from '../api/runtimeClient.ts';

/** The largest recording the runtime takes (its `MAX_PROMPT_AUDIO_BYTES`). */
export const MAX_RECORDING_MB = 5;

/** A stored recording as the runtime answers an upload. */
export interface UploadedRecording {
  id: string;
  url: string;
  name: string;
  durationMs: number;
}

/** Why an upload failed: the runtime's error code (AUDIO_TYPE, AUDIO_TOO_LARGE, …) and its English message. */
export class UploadProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends a WAV or MP3 file to the runtime (`POST /api/prompt-audio`), which checks and keeps it; rejects with an
 * {@link UploadProblem} naming what was wrong. A file the browser types as nothing is sent by its extension.
 */
export async function uploadPromptAudio(file: File): Promise<UploadedRecording> {
  const token = await bearerToken();
  const headers: Record<string, string> = { 'content-type': recordingType(file), accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`/api/prompt-audio?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers,
    body: file,
    signal: AbortSignal.timeout(60_000),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const errors = field(body, 'errors');
    const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
    throw new UploadProblem(String(field(first, 'code') ?? response.status), String(field(first, 'message') ?? ''));
  }
  const audio = field(body, 'audio');
  if (!isRecord(audio)) throw new UploadProblem('HTTP', 'the runtime answered without the stored recording');
  return {
    id: String(audio['id']),
    url: String(audio['url']),
    name: String(audio['name']),
    durationMs: Number(audio['durationMs']),
  };
}

function recordingType(file: File): string {
  if (file.type !== '') return file.type;
  if (/\.wav$/iu.test(file.name)) return 'audio/wav';
  if (/\.mp3$/iu.test(file.name)) return 'audio/mpeg';
  return 'application/octet-stream';
}
