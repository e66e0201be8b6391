import { useEffect, useRef, useState } from 'react';
import { useAnalystT, type AnalystMessageKey } from '../../i18n/analystMessages.ts';
import { isEditable } from '../FlowEditor/useEditorShortcuts.ts';

/** The shortcuts `useEditorShortcuts` and the palette really handle, in the order an analyst meets them. */
const SHORTCUTS: { keys: string; what: AnalystMessageKey }[] = [
  { keys: 'Ctrl/⌘ + Z', what: 'sc_undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', what: 'sc_redo' },
  { keys: 'Ctrl/⌘ + C', what: 'sc_copy' },
  { keys: 'Ctrl/⌘ + V', what: 'sc_paste' },
  { keys: 'Ctrl/⌘ + A', what: 'sc_selectAll' },
  { keys: 'Delete, Backspace', what: 'sc_delete' },
  { keys: 'Enter, Space', what: 'sc_addNode' },
  { keys: '?', what: 'sc_help' },
];

/** Opens a list of the editor's keyboard shortcuts on `?` (outside text fields); Escape or Close hides it. */
export function ShortcutHelp() {
  const t = useAnalystT();
  const [open, setOpen] = useState(false);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isEditable(event.target)) {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => setOpen(false)}>
      <div
        className="modal shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">{t('shortcuts')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{t(s.what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions">
          <button type="button" ref={close} onClick={() => setOpen(false)}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
