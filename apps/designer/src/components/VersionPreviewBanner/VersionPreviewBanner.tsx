import { useAnalystT } from '../../i18n/analystMessages.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';

/** Says which version the canvas shows read-only, with the way back to the draft. */
export function VersionPreviewBanner() {
  const t = useAnalystT();
  const preview = useVersionPreview((s) => s.preview);
  if (!preview) return null;
  return (
    <div className="version-preview-banner" role="status">
      {t('previewing', { version: preview.version })}
      <button type="button" onClick={() => useVersionPreview.getState().close()}>
        {t('closePreview')}
      </button>
    </div>
  );
}
