import { useEffect, useState } from 'react';
import { ApiError, type FlowSummary } from '../api/runtimeClient.ts';
import { insightsClient } from './insightsClient.ts';
import { useInsightsT } from './insightsMessages.ts';

/**
 * The category rules of one flow or of every flow (`*`), edited as JSON with the runtime's checks: a refused rule
 * comes back as a list of problems, each naming where in the rules it is.
 */
export function RulesEditor({ flows }: { flows: readonly FlowSummary[] }) {
  const t = useInsightsT();
  const [scope, setScope] = useState('*');
  const [text, setText] = useState('[]');
  const [webhooks, setWebhooks] = useState('');
  const [scorecard, setScorecard] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setProblems([]);
    setSaved(false);
    insightsClient.rules(scope).then(
      (set) => {
        setText(JSON.stringify(set.rules, null, 2));
        setWebhooks((set.webhooks ?? []).join('\n'));
        setScorecard(set.scorecard);
      },
      (e: unknown) => setProblems([String(e)]),
    );
  }, [scope]);

  const save = async () => {
    setSaved(false);
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch (error) {
      setProblems([t('badJson', { reason: error instanceof Error ? error.message : String(error) })]);
      return;
    }
    try {
      await insightsClient.saveRules(scope, {
        rules,
        webhooks: webhooks
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        ...(scorecard === undefined ? {} : { scorecard }),
      });
      setProblems([]);
      setSaved(true);
    } catch (error) {
      setProblems(
        error instanceof ApiError
          ? error.errors.map((e) => `${e.pointer ?? ''} ${e.message}`.trim())
          : [error instanceof Error ? error.message : String(error)],
      );
    }
  };

  return (
    <section className="insights-panel insights-rules">
      <h2>{t('rules')}</h2>
      <p className="insights-help">{t('rulesHelp')}</p>
      <label>
        {t('rulesScope')}{' '}
        <select value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="*">{t('rulesGlobal')}</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      <textarea
        aria-label={t('rules')}
        className="insights-rules-json"
        rows={12}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <label className="insights-webhooks">
        {t('webhooks')}
        <textarea rows={2} value={webhooks} onChange={(e) => setWebhooks(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        {t('saveRules')}
      </button>
      {saved && <p role="status">{t('rulesSaved')}</p>}
      {problems.length > 0 && (
        <ul className="error-text" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
