import { useEffect } from 'react';
import { isClipboardPayload, type ClipboardPayload } from '../../core/clipboard.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';

const CLIPBOARD_KEY = 'omniflow.clipboard';

/** Puts copied nodes where any designer tab can paste them, including into another flow. */
export function writeClipboard(payload: ClipboardPayload): void {
  localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(payload));
}

/** Reads the last copied nodes, if any. */
export function readClipboard(): ClipboardPayload | null {
  const text = localStorage.getItem(CLIPBOARD_KEY);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isClipboardPayload(value) ? value : null;
  } catch {
    return null;
  }
}

/** Copies the selection to the designer clipboard. */
export function copySelection(): void {
  const payload = useFlowStore.getState().copySelection();
  if (payload) writeClipboard(payload);
}

/** Pastes the designer clipboard into the open flow. */
export function pasteClipboard(): void {
  const payload = readClipboard();
  if (payload) useFlowStore.getState().paste(payload);
}

function inMonaco(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('.monaco-editor') !== null;
}

/** Whether a key press goes to a text field or the code editor rather than to the canvas. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || inMonaco(target);
}

/** Undo/redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y), copy/paste and delete for the canvas. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const store = useFlowStore.getState();
      // Monaco keeps its own text undo; everywhere else undo is the document's.
      if (mod && key === 'z' && !inMonaco(event.target)) {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
        return;
      }
      if (mod && key === 'y' && !inMonaco(event.target)) {
        event.preventDefault();
        store.redo();
        return;
      }
      if (isEditable(event.target)) return;
      if (mod && key === 'c') copySelection();
      else if (mod && key === 'v') pasteClipboard();
      else if (mod && key === 'a') {
        event.preventDefault();
        store.select(store.flow?.nodes.map((n) => n.id) ?? []);
      } else if (key === 'delete' || key === 'backspace') {
        event.preventDefault();
        store.deleteSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
