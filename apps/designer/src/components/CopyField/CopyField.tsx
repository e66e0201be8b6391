import { useState } from 'react';
import { useAnalystT } from '../../i18n/analystMessages.ts';

/** A read-only value (one line or a block) with a copy-to-clipboard button. */
export function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const t = useAnalystT();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard.writeText(value).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      // Without clipboard permission the value stays selectable in the field.
      () => setCopied(false),
    );
  return (
    <div className="copy-field">
      <label>
        <span>{label}</span>
        {multiline ? (
          <textarea readOnly rows={value.split('\n').length} value={value} />
        ) : (
          <input readOnly value={value} />
        )}
      </label>
      <button type="button" onClick={copy} aria-label={`${t('copyText')}: ${label}`}>
        {copied ? t('copied') : t('copyText')}
      </button>
    </div>
  );
}
