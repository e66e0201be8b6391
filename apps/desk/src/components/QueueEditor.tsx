import {
  checkQueueForm,
  queueForm,
  WEEKDAYS,
  type FormProblem,
  type OverflowKind,
  type QueueForm,
  type QueueRecord,
} from '../admin/adminForms.ts';
import { useAdminForm } from '../admin/useAdminForm.ts';
import { useAdminT } from '../i18n/adminMessages.ts';
import { FormProblems } from './FormProblems.tsx';
import { SkillRows } from './SkillRows.tsx';

const OVERFLOWS: readonly OverflowKind[] = ['none', 'queue', 'flow', 'callback', 'voicemail'];

/** Creates or edits a queue: name, skills, priority, business hours, maximum wait and overflow, offer and wrap-up. */
export function QueueEditor({
  queue,
  queues,
  save,
  cancel,
}: {
  queue: QueueRecord | undefined;
  queues: QueueRecord[];
  save: (id: string, body: Record<string, unknown>) => Promise<FormProblem[]>;
  cancel: () => void;
}) {
  const t = useAdminT();
  const { form, problems, edit, submit } = useAdminForm<QueueForm>(
    () => queueForm(queue),
    (f) => checkQueueForm(f),
    (f, body) => save(f.id, body),
  );
  const number = (field: keyof QueueForm, label: string) => (
    <label>
      {label}
      <input inputMode="numeric" value={String(form[field])} onChange={(e) => edit({ [field]: e.target.value })} />
    </label>
  );
  return (
    <form className="admin-form" aria-label={queue ? queue.name : t('newQueue')} onSubmit={submit}>
      <h3>{queue ? queue.name : t('newQueue')}</h3>
      <FormProblems problems={problems} />
      <label>
        {t('id')}
        <input
          value={form.id}
          aria-describedby="queue-id-hint"
          disabled={queue !== undefined}
          onChange={(e) => edit({ id: e.target.value.trim() })}
        />
      </label>
      <small id="queue-id-hint" className="muted">
        {t('idHint')}
      </small>
      <label>
        {t('name')}
        <input value={form.name} maxLength={200} onChange={(e) => edit({ name: e.target.value })} />
      </label>
      <SkillRows rows={form.skills} levelLabel={t('minLevel')} onChange={(skills) => edit({ skills })} />
      {number('priority', t('priority'))}
      <fieldset>
        <legend>{t('hours')}</legend>
        <label className="inline">
          <input type="checkbox" checked={form.alwaysOpen} onChange={(e) => edit({ alwaysOpen: e.target.checked })} />
          {t('alwaysOpen')}
        </label>
        {!form.alwaysOpen && (
          <>
            <label>
              {t('timeZone')}
              <input value={form.timeZone} onChange={(e) => edit({ timeZone: e.target.value })} />
            </label>
            <table className="hours">
              <thead>
                <tr>
                  <th />
                  <th>{t('opens')}</th>
                  <th>{t('closes')}</th>
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((day) => {
                  const hours = form.days[day];
                  const setDay = (change: Partial<typeof hours>): void =>
                    edit({ days: { ...form.days, [day]: { ...hours, ...change } } });
                  return (
                    <tr key={day}>
                      <td>
                        <label className="inline">
                          <input
                            type="checkbox"
                            checked={hours.open}
                            onChange={(e) => setDay({ open: e.target.checked })}
                          />
                          {day}
                        </label>
                      </td>
                      <td>
                        <input
                          type="time"
                          aria-label={`${day} ${t('opens')}`}
                          value={hours.from}
                          disabled={!hours.open}
                          onChange={(e) => setDay({ from: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="time"
                          aria-label={`${day} ${t('closes')}`}
                          value={hours.to}
                          disabled={!hours.open}
                          onChange={(e) => setDay({ to: e.target.value })}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </fieldset>
      {number('maxWaitSeconds', t('maxWaitSeconds'))}
      <label>
        {t('overflow')}
        <select
          value={form.overflow}
          onChange={(e) => edit({ overflow: OVERFLOWS.find((kind) => kind === e.target.value) ?? 'none' })}
        >
          {OVERFLOWS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`overflow.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {form.overflow === 'queue' && (
        <label>
          {t('overflowQueue')}
          <select value={form.overflowQueue} onChange={(e) => edit({ overflowQueue: e.target.value })}>
            <option value="" />
            {queues
              .filter((other) => other.id !== form.id)
              .map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
          </select>
        </label>
      )}
      {form.overflow === 'flow' && (
        <label>
          {t('overflowFlow')}
          <input value={form.overflowFlow} onChange={(e) => edit({ overflowFlow: e.target.value })} />
        </label>
      )}
      {number('offerTimeoutSeconds', t('offerTimeoutSeconds'))}
      {number('afterCallWorkSeconds', t('afterCallWorkSeconds'))}
      {number('holdPromptSeconds', t('holdPromptSeconds'))}
      <label>
        {t('callbackKey')}
        <input value={form.callbackKey} onChange={(e) => edit({ callbackKey: e.target.value })} />
      </label>
      <label>
        {t('dispositions')}
        <input value={form.dispositions} onChange={(e) => edit({ dispositions: e.target.value })} />
      </label>
      <div className="buttons">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        <button type="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
