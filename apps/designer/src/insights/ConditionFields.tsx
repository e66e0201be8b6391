import { CONDITION_KINDS, PHRASE_LANGUAGES, emptyCondition, type ConditionDraft } from './ruleDraft.ts';
import { useRuleFormT, type RuleFormMessageKey } from './ruleFormMessages.ts';

/** The fields of one rule condition: its kind, then what that kind needs (phrases per language, thresholds …). */
export function ConditionFields({
  condition,
  onChange,
  onRemove,
}: {
  condition: ConditionDraft;
  onChange: (next: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const t = useRuleFormT();
  const set = <K extends keyof ConditionDraft>(field: K, value: ConditionDraft[K]) =>
    onChange({ ...condition, [field]: value });
  const field = (
    label: RuleFormMessageKey,
    name: 'atMost' | 'atLeast' | 'turns' | 'minSeconds' | 'maxSeconds' | 'streak',
  ) => (
    <label>
      {t(label)}
      <input inputMode="decimal" value={condition[name]} onChange={(e) => set(name, e.target.value)} />
    </label>
  );
  /** A choice among fixed values, each labelled by its message `<prefix><value>`. */
  const choice = <K extends 'role' | 'of' | 'direction'>(
    label: RuleFormMessageKey,
    name: K,
    values: readonly ConditionDraft[K][],
    prefix: 'role_' | 'of_' | 'direction_',
  ) => (
    <label>
      {t(label)}
      <select
        value={condition[name]}
        onChange={(e) => {
          const value = values.find((v) => v === e.target.value);
          if (value !== undefined) set(name, value);
        }}
      >
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`${prefix}${value}` as RuleFormMessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="rule-condition">
      <label>
        {t('kind')}
        <select
          value={condition.kind}
          onChange={(e) => {
            const kind = CONDITION_KINDS.find((k) => k === e.target.value);
            if (kind !== undefined) onChange({ ...emptyCondition(kind), phrases: condition.phrases });
          }}
        >
          {CONDITION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {(condition.kind === 'phrase' || condition.kind === 'phraseMissing') && (
        <>
          {PHRASE_LANGUAGES.map((language) => (
            <label key={language}>
              {t('phrasesIn', { language: t(`language_${language}`) })}
              <input
                lang={language}
                value={condition.phrases[language]}
                onChange={(e) => set('phrases', { ...condition.phrases, [language]: e.target.value })}
              />
            </label>
          ))}
          {choice('said', 'role', ['any', 'caller', 'agent', 'bot'], 'role_')}
        </>
      )}
      {condition.kind === 'sentiment' && (
        <>
          {field('sentimentAtMost', 'atMost')}
          {field('sentimentAtLeast', 'atLeast')}
          {field('sentimentTurns', 'turns')}
          {choice('sentimentOf', 'of', ['average', 'last', 'min'], 'of_')}
        </>
      )}
      {condition.kind === 'sentimentTrend' &&
        choice('direction', 'direction', ['worsening', 'improving', 'stable'], 'direction_')}
      {condition.kind === 'outcome' && (
        <label>
          {t('outcomes')}
          <input value={condition.outcomes} onChange={(e) => set('outcomes', e.target.value)} />
        </label>
      )}
      {condition.kind === 'duration' && (
        <>
          {field('minSeconds', 'minSeconds')}
          {field('maxSeconds', 'maxSeconds')}
        </>
      )}
      {condition.kind === 'silence' && field('silenceSeconds', 'minSeconds')}
      {condition.kind === 'noMatchStreak' && field('streak', 'streak')}
      <button type="button" className="rule-remove" onClick={onRemove}>
        {t('removeCondition')}
      </button>
    </fieldset>
  );
}
