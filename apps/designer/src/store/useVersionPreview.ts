import { create } from 'zustand';
import type { FlowDocument } from '@omniflow/flow-schema';

/** A published version shown read-only on the canvas in place of the draft. */
export interface VersionPreview {
  version: number;
  flow: FlowDocument;
}

/** The version being previewed on the canvas, if any; the draft in the flow store is left untouched meanwhile. */
export const useVersionPreview = create<{
  preview: VersionPreview | null;
  show(preview: VersionPreview): void;
  close(): void;
}>()((set) => ({
  preview: null,
  show: (preview) => set({ preview }),
  close: () => set({ preview: null }),
}));
