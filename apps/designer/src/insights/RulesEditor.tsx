import { useEffect, useState } from 'react';
import { ApiError, type FlowSummary } from '../api/runtimeClient.ts';
import { ConditionFields } from './ConditionFields.tsx';
import { insightsClient } from './insightsClient.ts';
import { useInsightsT } from './insightsMessages.ts';
import { checkDrafts, draftsOf, emptyCondition, emptyRule, rulesOf, type RuleDraft } from './ruleDraft.ts';
import { useRuleFormT } from './ruleFormMessages.ts';

/**
 * The category and real-time alert rules of one flow or of every flow (`*`), as a form: rules with their category
 * and alert switch, conditions of each kind, alert webhooks. It checks the form in plain words before saving and
 * shows the runtime's own refusals too.
 */
export function RulesEditor({ flows }: { flows: readonly FlowSummary[] }) {
  const t = useInsightsT();
  const f = useRuleFormT();
  const [scope, setScope] = useState('*');
  const [drafts, setDrafts] = useState<RuleDraft[]>([]);
  const [webhooks, setWebhooks] = useState('');
  const [scorecard, setScorecard] = useState<unknown>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setProblems([]);
    setSaved(false);
    insightsClient.rules(scope).then(
      (set) => {
        setDrafts(draftsOf(set.rules));
        setWebhooks((set.webhooks ?? []).join('\n'));
        setScorecard(set.scorecard);
      },
      (e: unknown) => setProblems([String(e)]),
    );
  }, [scope]);

  const change = (key: number, next: (draft: RuleDraft) => RuleDraft) => {
    setSaved(false);
    setDrafts((list) => list.map((draft) => (draft.key === key ? next(draft) : draft)));
  };

  const save = async () => {
    setSaved(false);
    const lines = webhooks
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const found = checkDrafts(drafts, lines);
    if (found.length > 0) {
      setProblems(found.map((problem) => f(problem.key, problem.params)));
      return;
    }
    try {
      await insightsClient.saveRules(scope, {
        rules: rulesOf(drafts),
        webhooks: lines,
        ...(scorecard === undefined ? {} : { scorecard }),
      });
      setProblems([]);
      setSaved(true);
    } catch (error) {
      setProblems(
        error instanceof ApiError
          ? error.errors.map((e) => f('err_server', { message: `${e.pointer ?? ''} ${e.message}`.trim() }))
          : [f('err_server', { message: error instanceof Error ? error.message : String(error) })],
      );
    }
  };

  return (
    <section className="insights-panel insights-rules">
      <h2>{t('rules')}</h2>
      <p className="insights-help">{f('formHelp')}</p>
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
      {drafts.length === 0 && <p className="insights-help">{f('noRules')}</p>}
      {drafts.map((draft, index) => (
        <fieldset key={draft.key} className="rule-form" aria-label={f('ruleHeading', { n: index + 1 })}>
          <legend>{f('ruleHeading', { n: index + 1 })}</legend>
          <label>
            {f('ruleName')}
            <input value={draft.id} onChange={(e) => change(draft.key, (d) => ({ ...d, id: e.target.value }))} />
          </label>
          <label>
            {f('category')}
            <input
              value={draft.category}
              onChange={(e) => change(draft.key, (d) => ({ ...d, category: e.target.value }))}
            />
          </label>
          <label>
            <input
              type="checkbox"
              checked={draft.alert}
              onChange={(e) => change(draft.key, (d) => ({ ...d, alert: e.target.checked }))}
            />
            {f('alertSupervisors')}
          </label>
          <label>
            {f('match')}
            <select
              value={draft.match}
              onChange={(e) => change(draft.key, (d) => ({ ...d, match: e.target.value === 'any' ? 'any' : 'all' }))}
            >
              <option value="all">{f('matchAll')}</option>
              <option value="any">{f('matchAny')}</option>
            </select>
          </label>
          <h3>{f('conditions')}</h3>
          {draft.conditions.map((condition, c) => (
            <ConditionFields
              key={c}
              condition={condition}
              onChange={(next) =>
                change(draft.key, (d) => ({ ...d, conditions: d.conditions.map((x, i) => (i === c ? next : x)) }))
              }
              onRemove={() => change(draft.key, (d) => ({ ...d, conditions: d.conditions.filter((_x, i) => i !== c) }))}
            />
          ))}
          <button
            type="button"
            onClick={() => change(draft.key, (d) => ({ ...d, conditions: [...d.conditions, emptyCondition()] }))}
          >
            {f('addCondition')}
          </button>{' '}
          <button
            type="button"
            className="rule-remove"
            onClick={() => setDrafts((list) => list.filter((d) => d.key !== draft.key))}
          >
            {f('removeCategoryRule')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setDrafts((list) => [...list, emptyRule()])}>
        {f('addCategoryRule')}
      </button>
      <label className="insights-webhooks">
        {f('webhookList')}
        <textarea rows={2} value={webhooks} onChange={(e) => setWebhooks(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        {f('saveCategoryRules')}
      </button>
      {saved && <p role="status">{f('saved')}</p>}
      {problems.length > 0 && (
        <div className="error-text" role="alert">
          <p>{f('fixFirst')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
