import { deskCall } from '../api/deskApi.ts';
import { useDeskT, type DeskMessageKey } from '../i18n/deskMessages.ts';
import { useDesk } from '../state/useDesk.ts';
import { useNow } from './useNow.ts';

const BREAKS = ['lunch', 'training', 'coffee'] as const;

/** The agent's state: offline, available or a break with a reason; busy and after-call work follow from the work. */
export function StatePicker({ token }: { token: string }) {
  const t = useDeskT();
  const agent = useDesk((s) => s.agent);
  const now = useNow();
  const choose = (value: string): void => {
    const [state, reason] = value.split(':');
    void deskCall(token, 'PUT', '/api/desk/state', { state, ...(reason ? { reason } : {}) }).catch((error: unknown) =>
      alert(t('error', { message: error instanceof Error ? error.message : String(error) })),
    );
  };
  if (!agent) return null;
  const current = agent.state === 'break' && agent.reason ? `break:${agent.reason}` : agent.state;
  const automatic = agent.state === 'busy' || agent.state === 'afterCallWork';
  const acwLeft = agent.acwUntil ? Math.max(0, Math.round((Date.parse(agent.acwUntil) - now) / 1000)) : null;
  return (
    <span className={`state state-${agent.state}`}>
      <select aria-label={t('state')} value={current} onChange={(e) => choose(e.target.value)} data-state={agent.state}>
        {automatic && <option value={agent.state}>{t(`state.${agent.state}` as DeskMessageKey)}</option>}
        <option value="available">{t('state.available')}</option>
        {BREAKS.map((reason) => (
          <option key={reason} value={`break:${reason}`}>
            {t('state.break')} · {t(`reason.${reason}`)}
          </option>
        ))}
        {agent.state === 'break' && agent.reason && !BREAKS.some((b) => b === agent.reason) && (
          <option value={current}>
            {t('state.break')} · {agent.reason}
          </option>
        )}
        <option value="offline">{t('state.offline')}</option>
      </select>
      {acwLeft !== null && agent.state === 'afterCallWork' && (
        <span className="acw" role="timer">
          {t('acwLeft', { seconds: acwLeft })}
        </span>
      )}
    </span>
  );
}
