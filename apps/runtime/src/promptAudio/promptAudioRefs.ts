import { promptAudioId } from './PromptAudioStore.ts';

/** A runtime-held recording a flow document refers to, and where. */
export interface PromptAudioRef {
  id: string;
  /** JSON pointer of the reference in the document. */
  pointer: string;
}

/**
 * Every `/prompt-audio/<id>` reference in a flow document, wherever a node type keeps its prompts (the `audio` map
 * of any prompt: node configs, reprompts, plugin nodes alike).
 */
export function promptAudioRefs(document: unknown): PromptAudioRef[] {
  const refs: PromptAudioRef[] = [];
  const visit = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      const id = promptAudioId(value);
      if (id !== null) refs.push({ id, pointer });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${pointer}/${index}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value))
        visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(document, '');
  return refs;
}
