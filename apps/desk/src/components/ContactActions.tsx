import { useEffect, useState } from 'react';
import { deskCall } from '../api/deskApi.ts';
import { useDeskT } from '../i18n/deskMessages.ts';
import { useDesk, type DeskContact } from '../state/useDesk.ts';

/** A published flow the desk may send a customer into, with the nodes of its live version. */
interface DeskFlow {
  id: string;
  name: string;
  nodes: { id: string; type: string; label: string }[];
}

/** Transfer (queue or agent, with a note), send the customer through a flow (at a chosen node), end the chat. */
export function ContactActions({ token, contact }: { token: string; contact: DeskContact }) {
  const t = useDeskT();
  const directory = useDesk((s) => s.directory);
  const drop = useDesk((s) => s.drop);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [flows, setFlows] = useState<DeskFlow[]>([]);
  const [flowId, setFlowId] = useState('');
  const [nodeId, setNodeId] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void deskCall<{ flows: DeskFlow[] }>(token, 'GET', '/api/desk/flows').then(
      (reply) => setFlows(reply.flows),
      () => setFlows([]),
    );
  }, [token]);
  const run = (work: Promise<unknown>, after?: () => void): void => {
    void work.then(
      () => {
        setError(null);
        after?.();
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const transfer = (): void => {
    const [kind, id] = target.split(':');
    if (!id) return;
    const body = kind === 'queue' ? { queueId: id } : { agentId: id };
    run(
      deskCall(token, 'POST', `/api/desk/contacts/${contact.id}/transfer`, { ...body, ...(note ? { note } : {}) }),
      () => drop(contact.id),
    );
  };
  return (
    <div className="actions">
      <fieldset>
        <legend>{t('transfer')}</legend>
        <select aria-label={t('transfer')} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="" />
          <optgroup label={t('toQueue')}>
            {directory.queues.map((q) => (
              <option key={q.id} value={`queue:${q.id}`}>
                {q.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('toAgent')}>
            {directory.agents
              .filter((a) => a.queues.includes(contact.queueId))
              .map((a) => (
                <option key={a.id} value={`agent:${a.id}`}>
                  {a.name}
                </option>
              ))}
          </optgroup>
        </select>
        <input aria-label={t('note')} placeholder={t('note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={!target} onClick={transfer}>
          {t('transfer')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('sendToFlow')}</legend>
        <select
          aria-label={t('sendToFlow')}
          value={flowId}
          onChange={(e) => {
            setFlowId(e.target.value);
            setNodeId('');
          }}
        >
          <option value="" />
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <select aria-label={t('flowNode')} value={nodeId} onChange={(e) => setNodeId(e.target.value)}>
          <option value="">{t('flowStartNode')}</option>
          {(flows.find((f) => f.id === flowId)?.nodes ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.label} ({n.type})
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!flowId}
          title={t('flowHint')}
          onClick={() =>
            run(
              deskCall(token, 'POST', `/api/desk/contacts/${contact.id}/flow`, {
                flowId,
                ...(nodeId ? { nodeId } : {}),
              }),
            )
          }
        >
          {t('sendToFlow')}
        </button>
      </fieldset>
      <button
        type="button"
        className="danger"
        onClick={() => run(deskCall(token, 'POST', `/api/desk/contacts/${contact.id}/end`))}
      >
        {t(contact.context.channel === 'voice' ? 'endCall' : 'endChat')}
      </button>
      {error && <p className="error">{t('error', { message: error })}</p>}
    </div>
  );
}
