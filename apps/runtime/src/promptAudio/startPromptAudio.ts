import { Router, type Express } from 'express';
import type { FlowStore } from '../store/FlowStore.ts';
import { PostgresFlowStore } from '../store/PostgresFlowStore.ts';
import { PostgresPromptAudioStore } from './PostgresPromptAudioStore.ts';
import { promptAudioApi, servePromptAudio } from './promptAudioRouter.ts';
import type { PromptAudioStore } from './PromptAudioStore.ts';
import { PromptRecordings } from './PromptRecordings.ts';
import { SqlitePromptAudioStore } from './SqlitePromptAudioStore.ts';

/** Uploaded prompt recordings, wired into the runtime (issue 20). */
export interface StartedPromptAudio {
  store: PromptAudioStore;
  /** The upload route, under `/api` after the token check. */
  api: { public: Router; authenticated: Router };
  /** Mounts `/prompt-audio/<id>` (no token: Twilio and the designer's player fetch it). */
  serve: (app: Express) => void;
  /** The recordings as the voice gateway plays them. */
  recordings: PromptRecordings;
  close(): Promise<void>;
}

/** Keeps prompt recordings where the flows are: the PostgreSQL database, else the data directory's SQLite file. */
export function startPromptAudio(flows: FlowStore, dataDir: string): StartedPromptAudio {
  const store: PromptAudioStore =
    flows instanceof PostgresFlowStore
      ? new PostgresPromptAudioStore(flows.pool)
      : SqlitePromptAudioStore.open(dataDir);
  return {
    store,
    api: { public: Router(), authenticated: promptAudioApi(store) },
    serve: servePromptAudio(store),
    recordings: new PromptRecordings(store),
    close: () => store.close(),
  };
}
