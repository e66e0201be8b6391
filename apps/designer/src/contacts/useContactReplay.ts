import { create } from 'zustand';

/**
 * The contact being replayed on the canvas: the nodes its path lit and the node of the current transcript step.
 * The canvas draws lit nodes as covered and the current one as active while it is set.
 */
export const useContactReplay = create<{
  lit: ReadonlySet<string> | null;
  set(lit: ReadonlySet<string> | null): void;
}>()((set) => ({
  lit: null,
  set: (lit) => set({ lit }),
}));
