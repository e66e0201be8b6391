import {
  agentForm,
  checkAgentForm,
  type AgentForm,
  type AgentRecord,
  type FormProblem,
  type QueueRecord,
} from '../admin/adminForms.ts';
import { useAdminForm } from '../admin/useAdminForm.ts';
import { useAdminT } from '../i18n/adminMessages.ts';
import { FormProblems } from './FormProblems.tsx';
import { SkillRows } from './SkillRows.tsx';

/** Creates or edits an agent: login and password, role, skills with levels, languages, chats at once, queues. */
export function AgentEditor({
  agent,
  queues,
  save,
  cancel,
}: {
  agent: AgentRecord | undefined;
  queues: QueueRecord[];
  save: (id: string, body: Record<string, unknown>) => Promise<FormProblem[]>;
  cancel: () => void;
}) {
  const t = useAdminT();
  const { form, problems, edit, submit } = useAdminForm<AgentForm>(
    () => agentForm(agent),
    (f) => checkAgentForm(f, agent === undefined),
    (f, body) => save(f.id, body),
  );
  return (
    <form className="admin-form" aria-label={agent ? agent.name : t('newAgent')} onSubmit={submit}>
      <h3>{agent ? agent.name : t('newAgent')}</h3>
      <FormProblems problems={problems} />
      <label>
        {t('id')}
        <input value={form.id} disabled={agent !== undefined} onChange={(e) => edit({ id: e.target.value.trim() })} />
      </label>
      <label>
        {t('name')}
        <input value={form.name} maxLength={200} onChange={(e) => edit({ name: e.target.value })} />
      </label>
      <label>
        {t('login')}
        <input value={form.login} autoComplete="off" onChange={(e) => edit({ login: e.target.value.trim() })} />
      </label>
      <label>
        {t('password')}
        <input
          type="password"
          autoComplete="new-password"
          value={form.password}
          placeholder={agent ? t('passwordKeep') : ''}
          onChange={(e) => edit({ password: e.target.value })}
        />
      </label>
      <label>
        {t('role')}
        <select
          value={form.role}
          onChange={(e) => edit({ role: e.target.value === 'supervisor' ? 'supervisor' : 'agent' })}
        >
          <option value="agent">{t('role.agent')}</option>
          <option value="supervisor">{t('role.supervisor')}</option>
        </select>
      </label>
      <SkillRows rows={form.skills} levelLabel={t('level')} onChange={(skills) => edit({ skills })} />
      <label>
        {t('languages')}
        <input value={form.languages} onChange={(e) => edit({ languages: e.target.value })} />
      </label>
      <label>
        {t('maxChats')}
        <input inputMode="numeric" value={form.maxChats} onChange={(e) => edit({ maxChats: e.target.value })} />
      </label>
      <label>
        {t('phone')}
        <input inputMode="tel" value={form.phone} onChange={(e) => edit({ phone: e.target.value })} />
      </label>
      <fieldset>
        <legend>{t('agentQueues')}</legend>
        {queues.map((queue) => (
          <label key={queue.id} className="inline">
            <input
              type="checkbox"
              checked={form.queues.includes(queue.id)}
              onChange={(e) =>
                edit({
                  queues: e.target.checked ? [...form.queues, queue.id] : form.queues.filter((id) => id !== queue.id),
                })
              }
            />
            {queue.name}
          </label>
        ))}
      </fieldset>
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
