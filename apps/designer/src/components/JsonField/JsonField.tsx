import { useEffect, useState } from 'react';

/** A JSON textarea for config values the form generator has no widget for; invalid JSON is shown, not applied. */
export function JsonField({
  value,
  onChange,
  label,
  inputId,
}: {
  value: unknown;
  onChange(value: unknown): void;
  label: string;
  inputId: string;
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [error, setError] = useState('');
  useEffect(() => {
    setText((current) => (safeEqual(current, value) ? current : JSON.stringify(value ?? null, null, 2)));
  }, [value]);
  return (
    <div className="json-field">
      <textarea
        id={inputId}
        aria-label={label}
        aria-invalid={error !== ''}
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = e.target.value.trim() === '' ? undefined : JSON.parse(e.target.value);
            setError('');
            onChange(parsed);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

function safeEqual(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value ?? null);
  } catch {
    return false;
  }
}
