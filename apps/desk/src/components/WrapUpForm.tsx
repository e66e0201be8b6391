import { useState, type FormEvent } from 'react';
import { deskCall } from '../api/deskApi.ts';
import { useDeskT } from '../i18n/deskMessages.ts';
import { useDesk, type DeskContact } from '../state/useDesk.ts';

/** The wrap-up after a chat: a disposition code of the queue and notes; finishing it ends after-call work. */
export function WrapUpForm({ token, contact }: { token: string; contact: DeskContact }) {
  const t = useDeskT();
  const drop = useDesk((s) => s.drop);
  const [disposition, setDisposition] = useState(contact.dispositions[0] ?? '');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await deskCall(token, 'POST', `/api/desk/contacts/${contact.id}/wrap-up`, { disposition, notes });
      drop(contact.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <form className="wrap-up" onSubmit={(event) => void submit(event)} aria-label={t('wrapUp')}>
      <h3>{t('wrapUp')}</h3>
      <label>
        {t('disposition')}
        <select value={disposition} onChange={(e) => setDisposition(e.target.value)}>
          {contact.dispositions.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('notes')}
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} maxLength={4000} />
      </label>
      <button type="submit" className="primary">
        {t('finishWrapUp')}
      </button>
      {error && <p className="error">{t('error', { message: error })}</p>}
    </form>
  );
}
