import type { FormProblem } from '../admin/adminForms.ts';
import { useAdminT, type AdminMessageKey } from '../i18n/adminMessages.ts';

/** The problems that keep a form from saving, each in plain words under the name of its field. */
export function FormProblems({ problems }: { problems: FormProblem[] }) {
  const t = useAdminT();
  if (problems.length === 0) return null;
  return (
    <div className="form-problems" role="alert">
      <p>{t('fixThese')}</p>
      <ul>
        {problems.map((problem, index) => (
          // Two problems may share field and message (two bad languages); their order is stable while shown.
          // eslint-disable-next-line react/no-array-index-key
          <li key={index} data-field={problem.field}>
            {labelOf(problem.field, t)}
            {t(problem.key, problem.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Priority: " before a field's problem (the field's own label, without its hint in brackets). */
function labelOf(field: string, t: (key: AdminMessageKey) => string): string {
  const key = FIELD_LABELS[field.split('.')[0] ?? ''];
  return key ? `${t(key).replace(/\s*[（(].*$/, '')}: ` : '';
}

const FIELD_LABELS: Record<string, AdminMessageKey> = {
  id: 'id',
  name: 'name',
  skills: 'skills',
  priority: 'priority',
  hours: 'hours',
  timeZone: 'timeZone',
  maxWaitSeconds: 'maxWaitSeconds',
  overflow: 'overflow',
  offerTimeoutSeconds: 'offerTimeoutSeconds',
  afterCallWorkSeconds: 'afterCallWorkSeconds',
  dispositions: 'dispositions',
  login: 'login',
  password: 'password',
  role: 'role',
  languages: 'languages',
  maxChats: 'maxChats',
  queues: 'agentQueues',
  holdPromptSeconds: 'holdPromptSeconds',
  callbackKey: 'callbackKey',
  phone: 'phone',
};
