import { create } from 'zustand';
import type { FlowDocument } from '@omniflow/flow-schema';
import { runtimeClient } from '../api/runtimeClient.ts';

interface LiveVersionState {
  flowId: string | null;
  version: number | null;
  /** The live version's document, to tell whether the draft differs from it. */
  document: FlowDocument | null;
  /** Loads the live version of `flowId` (after opening a flow, a publish or a rollback). */
  load(flowId: string): Promise<void>;
  clear(): void;
}

/** The open flow's live (published) version. */
export const useLiveVersion = create<LiveVersionState>()((set) => ({
  flowId: null,
  version: null,
  document: null,
  load: async (flowId) => {
    const live = (await runtimeClient.versions(flowId)).find((v) => v.active);
    const document = live ? await runtimeClient.getVersion(flowId, live.version) : null;
    set({ flowId, version: live?.version ?? null, document });
  },
  clear: () => set({ flowId: null, version: null, document: null }),
}));
