/** The media types a prompt recording may have. */
export type PromptAudioType = 'audio/wav' | 'audio/mpeg';

/** A stored prompt recording, without its bytes. */
export interface PromptAudioInfo {
  /** SHA-256 of the bytes, hex: the recording's id, so one file uploaded twice is stored once. */
  id: string;
  mediaType: PromptAudioType;
  /** The file name it was uploaded with (for people; never used as a path). */
  name: string;
  size: number;
  createdAt: string;
}

/** A stored prompt recording with its bytes. */
export interface PromptAudio extends PromptAudioInfo {
  bytes: Uint8Array;
}

/** Where the runtime keeps uploaded prompt recordings (issue 20): the runtime's database, by content hash. */
export interface PromptAudioStore {
  /** Stores the recording unless one with the same id is stored; answers the stored one. */
  put(audio: PromptAudio): Promise<PromptAudioInfo>;
  get(id: string): Promise<PromptAudio | undefined>;
  /** The ids among `ids` that are not stored. */
  missing(ids: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** The path a flow document names a runtime-held recording by, and the runtime serves it at. */
export const PROMPT_AUDIO_PATH = '/prompt-audio/';

/** `/prompt-audio/<sha-256>`: the reference to a runtime-held recording. */
export const PROMPT_AUDIO_REFERENCE = /^\/prompt-audio\/([0-9a-f]{64})$/;

/** The recording id a prompt's audio value refers to, or null for another URL (played by Twilio as given). */
export function promptAudioId(reference: string): string | null {
  return PROMPT_AUDIO_REFERENCE.exec(reference)?.[1] ?? null;
}
