import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.ts';

/** Shown when a save hits a newer revision: reload theirs or overwrite with mine — never a silent overwrite. */
export function ConflictDialog({ onReload, onOverwrite }: { onReload(): void; onOverwrite(): void }) {
  const t = useT();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        aria-describedby="conflict-body"
      >
        <h2 id="conflict-title">{t('conflictTitle')}</h2>
        <p id="conflict-body">{t('conflictBody')}</p>
        <div className="modal-actions">
          <button type="button" ref={first} onClick={onReload}>
            {t('reloadTheirs')}
          </button>
          <button type="button" className="danger" onClick={onOverwrite}>
            {t('overwrite')}
          </button>
        </div>
      </div>
    </div>
  );
}
