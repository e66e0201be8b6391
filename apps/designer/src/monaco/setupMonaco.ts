import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

/** Makes monaco load from the local bundle (no CDN, works offline) with Vite-built workers. */
export function setupMonaco(): void {
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      return label === 'json' ? new JsonWorker() : new EditorWorker();
    },
  };
  loader.config({ monaco });
}

export { monaco };
