import {
  ESCALATION_VERSION,
  type EscalationAction,
  type EscalationRule,
  type EscalationSettings,
  type EscalationTrigger,
  type FlowDocument,
} from '@omniflow/flow-schema';
import { useFlowStore } from '../store/useFlowStore.ts';
import { useInsightsT } from './insightsMessages.ts';

const DEFAULT_UPSET = -0.3;

/**
 * The flow's escalation settings (issue 17): the mood threshold for empathetic prompts and the rules checked after each
 * caller turn — sentiment low for N turns, M no-matches in a row, or complaint words per locale — each going to a step
 * or transferring to a queue with a priority. Every change is one undoable edit of the flow document.
 */
export function EscalationPanel() {
  const t = useInsightsT();
  const flow = useFlowStore((s) => s.flow);
  if (!flow) return null;
  const settings: EscalationSettings = flow.escalation ?? { version: ESCALATION_VERSION, rules: [] };
  const save = (next: EscalationSettings, gesture?: string) =>
    useFlowStore.getState().edit((current) => withEscalation(current, next), gesture);
  const setRule = (index: number, rule: EscalationRule, gesture?: string) =>
    save({ ...settings, rules: settings.rules.map((old, i) => (i === index ? rule : old)) }, gesture);
  const firstNode = flow.nodes.find((node) => node.id !== flow.start)?.id ?? flow.start;

  return (
    <div className="escalation-panel">
      <h3>{t('escalation')}</h3>
      <p className="insights-help">{t('escalationHelp')}</p>
      <label>
        {t('upsetAtMost')}{' '}
        <input
          type="number"
          min={-1}
          max={1}
          step={0.1}
          value={settings.upsetAtMost ?? DEFAULT_UPSET}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isFinite(value) && value >= -1 && value <= 1)
              save({ ...settings, upsetAtMost: value }, 'escalation-upset');
          }}
        />
      </label>
      <ol className="escalation-rules">
        {settings.rules.map((rule, index) => (
          <li key={index} className="escalation-rule" data-rule={rule.id}>
            <label>
              {t('ruleId')}{' '}
              <input
                value={rule.id}
                onChange={(e) => setRule(index, { ...rule, id: e.target.value }, `escalation-id-${index}`)}
              />
            </label>
            <label>
              {t('when')}{' '}
              <select
                value={rule.when.kind}
                onChange={(e) => setRule(index, { ...rule, when: triggerOf(e.target.value, flow) })}
              >
                <option value="sentiment">{t('when_sentiment')}</option>
                <option value="noMatch">{t('when_noMatch')}</option>
                <option value="phrases">{t('when_phrases')}</option>
              </select>
            </label>
            <TriggerFields
              rule={rule}
              flow={flow}
              onChange={(when) => setRule(index, { ...rule, when }, `escalation-when-${index}`)}
            />
            <label>
              {t('action')}{' '}
              <select
                value={rule.action.kind}
                onChange={(e) =>
                  setRule(index, {
                    ...rule,
                    action:
                      e.target.value === 'goto'
                        ? { kind: 'goto', target: firstNode }
                        : { kind: 'transfer', queue: 'care' },
                  })
                }
              >
                <option value="transfer">{t('action_transfer')}</option>
                <option value="goto">{t('action_goto')}</option>
              </select>
            </label>
            <ActionFields
              rule={rule}
              flow={flow}
              onChange={(action) => setRule(index, { ...rule, action }, `escalation-action-${index}`)}
            />
            <button
              type="button"
              onClick={() => save({ ...settings, rules: settings.rules.filter((_, i) => i !== index) })}
            >
              {t('removeRule')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          save({
            ...settings,
            rules: [
              ...settings.rules,
              {
                id: uniqueId(settings.rules),
                when: { kind: 'sentiment', atMost: -0.5, turns: 2 },
                action: { kind: 'transfer', queue: 'care', priority: 1 },
              },
            ],
          })
        }
      >
        {t('addRule')}
      </button>
    </div>
  );
}

function TriggerFields({
  rule,
  flow,
  onChange,
}: {
  rule: EscalationRule;
  flow: FlowDocument;
  onChange(when: EscalationTrigger): void;
}) {
  const t = useInsightsT();
  const when = rule.when;
  switch (when.kind) {
    case 'sentiment':
      return (
        <span className="escalation-fields">
          <label>
            {t('atMost')}{' '}
            <input
              type="number"
              min={-1}
              max={1}
              step={0.1}
              value={when.atMost}
              onChange={(e) => onChange({ ...when, atMost: clamp(Number(e.target.value), -1, 1) })}
            />
          </label>
          <label>
            {t('turns')}{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={when.turns}
              onChange={(e) => onChange({ ...when, turns: clamp(Math.round(Number(e.target.value)), 1, 20) })}
            />
          </label>
        </span>
      );
    case 'noMatch':
      return (
        <label className="escalation-fields">
          {t('count')}{' '}
          <input
            type="number"
            min={1}
            max={20}
            value={when.count}
            onChange={(e) => onChange({ ...when, count: clamp(Math.round(Number(e.target.value)), 1, 20) })}
          />
        </label>
      );
    case 'phrases':
      return (
        <span className="escalation-fields">
          {flow.locales.map((locale) => (
            <label key={locale}>
              {t('phrasesFor', { locale })}
              <input
                data-locale={locale}
                value={(when.phrases[locale] ?? []).join(', ')}
                onChange={(e) =>
                  onChange({
                    ...when,
                    phrases: {
                      ...when.phrases,
                      [locale]: e.target.value
                        .split(/[,，、]/u)
                        .map((word) => word.trim())
                        .filter((word) => word !== ''),
                    },
                  })
                }
              />
            </label>
          ))}
        </span>
      );
  }
}

function ActionFields({
  rule,
  flow,
  onChange,
}: {
  rule: EscalationRule;
  flow: FlowDocument;
  onChange(action: EscalationAction): void;
}) {
  const t = useInsightsT();
  const action = rule.action;
  if (action.kind === 'goto')
    return (
      <label className="escalation-fields">
        {t('target')}{' '}
        <select value={action.target} onChange={(e) => onChange({ kind: 'goto', target: e.target.value })}>
          {flow.nodes.map((node) => (
            <option key={node.id} value={node.id}>
              {node.label ?? node.id}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <span className="escalation-fields">
      <label>
        {t('queue')} <input value={action.queue} onChange={(e) => onChange({ ...action, queue: e.target.value })} />
      </label>
      <label>
        {t('priority')}{' '}
        <input
          type="number"
          min={-5}
          max={5}
          value={action.priority ?? ''}
          onChange={(e) => {
            const { priority: _old, ...rest } = action;
            onChange(
              e.target.value === '' ? rest : { ...rest, priority: clamp(Math.round(Number(e.target.value)), -5, 5) },
            );
          }}
        />
      </label>
    </span>
  );
}

/** The flow with new escalation settings; no rules and the default threshold remove the section. */
function withEscalation(flow: FlowDocument, escalation: EscalationSettings): FlowDocument {
  const empty = escalation.rules.length === 0 && (escalation.upsetAtMost ?? DEFAULT_UPSET) === DEFAULT_UPSET;
  const { escalation: _old, ...rest } = flow;
  return empty ? rest : { ...rest, escalation };
}

function triggerOf(kind: string, flow: FlowDocument): EscalationTrigger {
  if (kind === 'noMatch') return { kind: 'noMatch', count: 3 };
  if (kind === 'phrases') return { kind: 'phrases', phrases: Object.fromEntries(flow.locales.map((l) => [l, []])) };
  return { kind: 'sentiment', atMost: -0.5, turns: 2 };
}

function uniqueId(rules: readonly EscalationRule[]): string {
  let n = rules.length + 1;
  while (rules.some((rule) => rule.id === `rule${n}`)) n += 1;
  return `rule${n}`;
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
