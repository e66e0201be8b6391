import { ApiError, type ApiProblem } from '../http/ApiError.ts';
import { promptAudioRefs } from './promptAudioRefs.ts';
import type { PromptAudioStore } from './PromptAudioStore.ts';

/**
 * Refuses (422, one problem per reference) to publish a flow whose prompts name a recording this runtime does not
 * hold — a flow imported from another runtime, or a hand-edited id — so no caller meets silence instead of a prompt.
 */
export async function assertPromptAudioStored(store: PromptAudioStore, document: unknown): Promise<void> {
  const refs = promptAudioRefs(document);
  if (refs.length === 0) return;
  const missing = new Set(await store.missing([...new Set(refs.map((ref) => ref.id))]));
  const problems: ApiProblem[] = refs
    .filter((ref) => missing.has(ref.id))
    .map((ref) => ({
      code: 'PROMPT_AUDIO_MISSING',
      message: `The recording ${ref.id.slice(0, 12)}… at ${ref.pointer} is not stored in this runtime (a flow from another runtime?). Upload the file again for this prompt, or remove the recording.`,
      pointer: ref.pointer,
    }));
  if (problems.length > 0) throw new ApiError(422, problems);
}
