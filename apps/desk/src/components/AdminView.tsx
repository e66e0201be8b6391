import { useCallback, useEffect, useState } from 'react';
import { fieldOfPointer, type AgentRecord, type FormProblem, type QueueRecord } from '../admin/adminForms.ts';
import { deskCall, DeskApiError } from '../api/deskApi.ts';
import { useAdminT } from '../i18n/adminMessages.ts';
import { DESK_MESSAGES, useDeskT } from '../i18n/deskMessages.ts';
import { AgentEditor } from './AgentEditor.tsx';
import { QueueEditor } from './QueueEditor.tsx';

type Editing = { kind: 'queue'; queue?: QueueRecord } | { kind: 'agent'; agent?: AgentRecord } | undefined;

/** The supervisor's administration: the queues and agents of the contact center, to create, edit and delete. */
export function AdminView({ token }: { token: string }) {
  const t = useAdminT();
  const deskT = useDeskT();
  const stateName = (state: string | undefined): string => {
    const key = `state.${state ?? 'offline'}`;
    return Object.hasOwn(DESK_MESSAGES.en, key) ? deskT(key as keyof typeof DESK_MESSAGES.en) : (state ?? '');
  };
  const [queues, setQueues] = useState<QueueRecord[]>([]);
  const [agents, setAgents] = useState<AgentRecord[]>([]);
  const [editing, setEditing] = useState<Editing>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async (): Promise<void> => {
    const [q, a] = await Promise.all([
      deskCall<{ queues: QueueRecord[] }>(token, 'GET', '/api/queues'),
      deskCall<{ agents: AgentRecord[] }>(token, 'GET', '/api/agents'),
    ]);
    setQueues(q.queues);
    setAgents(a.agents);
  }, [token]);
  useEffect(() => {
    load().catch((failure: unknown) => setNotice(messageOf(failure)));
  }, [load]);

  /** Saves through the API; answers the runtime's refusal as a problem to show, or none (and closes the form). */
  const save =
    (collection: 'queues' | 'agents') =>
    async (id: string, body: Record<string, unknown>): Promise<FormProblem[]> => {
      try {
        await deskCall(token, 'PUT', `/api/${collection}/${encodeURIComponent(id)}`, body);
      } catch (failure) {
        const field = failure instanceof DeskApiError ? fieldOfPointer(failure.pointer) : '';
        return [{ field, key: 'problem.server', params: { message: messageOf(failure) } }];
      }
      setEditing(undefined);
      setNotice(t('saved'));
      await load();
      return [];
    };
  const remove = async (collection: 'queues' | 'agents', id: string, name: string): Promise<void> => {
    if (!window.confirm(t('confirmDelete', { name }))) return;
    try {
      await deskCall(token, 'DELETE', `/api/${collection}/${encodeURIComponent(id)}`);
      setNotice(t('deleted'));
      await load();
    } catch (failure) {
      setNotice(messageOf(failure));
    }
  };

  if (editing?.kind === 'queue')
    return (
      <div className="admin">
        <QueueEditor queue={editing.queue} queues={queues} save={save('queues')} cancel={() => setEditing(undefined)} />
      </div>
    );
  if (editing?.kind === 'agent')
    return (
      <div className="admin">
        <AgentEditor agent={editing.agent} queues={queues} save={save('agents')} cancel={() => setEditing(undefined)} />
      </div>
    );
  const queueName = (id: string): string => queues.find((queue) => queue.id === id)?.name ?? id;
  return (
    <div className="admin">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <section aria-label={t('queues')}>
        <h2>{t('queues')}</h2>
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'queue' })}>
          {t('newQueue')}
        </button>
        <table>
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('skills')}</th>
              <th>{t('priority')}</th>
              <th>{t('hours')}</th>
              <th>{t('maxWaitSeconds')}</th>
              <th>{t('overflow')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.id} data-queue={queue.id}>
                <td>
                  {queue.name} <span className="muted">({queue.id})</span>
                </td>
                <td>{queue.skills.map((s) => `${s.skill} ≥ ${s.minLevel}`).join(', ')}</td>
                <td>{queue.priority}</td>
                <td>
                  {queue.hours
                    ? `${queue.hours.timeZone}: ${queue.hours.days.map((d) => `${d.day} ${d.open}–${d.close}`).join(', ')}`
                    : t('alwaysOpen')}
                </td>
                <td>{queue.maxWaitSeconds}</td>
                <td>
                  {t(`overflow.${queue.overflow?.kind ?? 'none'}`)}
                  {queue.overflow?.kind === 'queue' ? `: ${queueName(queue.overflow.queueId)}` : ''}
                  {queue.overflow?.kind === 'flow' ? `: ${queue.overflow.flowId}` : ''}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing({ kind: 'queue', queue })}>
                    {t('edit')}
                  </button>
                  <button type="button" onClick={() => void remove('queues', queue.id, queue.name)}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label={t('agents')}>
        <h2>{t('agents')}</h2>
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'agent' })}>
          {t('newAgent')}
        </button>
        <table>
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('role')}</th>
              <th>{t('skills')}</th>
              <th>{t('languages').replace(/\s*[（(].*$/, '')}</th>
              <th>{t('maxChats')}</th>
              <th>{t('agentQueues')}</th>
              <th>{t('state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id} data-agent={agent.id}>
                <td>
                  {agent.name} <span className="muted">({agent.login})</span>
                </td>
                <td>{t(`role.${agent.role}`)}</td>
                <td>{agent.skills.map((s) => `${s.skill} ${s.level}`).join(', ')}</td>
                <td>{agent.languages.join(', ')}</td>
                <td>{agent.maxChats}</td>
                <td>{agent.queues.map(queueName).join(', ')}</td>
                <td>{stateName(agent.state)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setEditing({ kind: 'agent', agent })}>
                    {t('edit')}
                  </button>
                  <button type="button" onClick={() => void remove('agents', agent.id, agent.name)}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
