import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';

// Monaco loads from the local bundle (no CDN, works offline); this module is only reached through the lazy
// editor components, so the first paint of the designer does not wait for it.
self.MonacoEnvironment = {
  async getWorker(_workerId: string, label: string) {
    if (label === 'json') {
      const { default: JsonWorker } = await import('monaco-editor/language/json/json.worker?worker');
      return new JsonWorker();
    }
    const { default: EditorWorker } = await import('monaco-editor/editor/editor.worker?worker');
    return new EditorWorker();
  },
};
loader.config({ monaco });

export { monaco };
