import { RULE_CONDITION_KINDS, type RuleCondition } from '@omniflow/analytics/categoryRule';
import type { RuleFormMessageKey } from './ruleFormMessages.ts';

/** The condition kinds the runtime's category rules know, in the order the form offers them. */
export const CONDITION_KINDS = RULE_CONDITION_KINDS;

/** One of {@link CONDITION_KINDS}. */
export type ConditionKind = RuleCondition['kind'];

/** The languages the form takes phrases in; a rule's phrases are one list that matches in any of them. */
export const PHRASE_LANGUAGES = ['en', 'zh-CN', 'ko'] as const;

/** One of {@link PHRASE_LANGUAGES}. */
export type PhraseLanguage = (typeof PHRASE_LANGUAGES)[number];

/** A condition as the form edits it: every field a text box or a choice, read into numbers on save. */
export interface ConditionDraft {
  kind: ConditionKind;
  phrases: Record<PhraseLanguage, string>;
  role: 'any' | 'caller' | 'agent' | 'bot';
  atMost: string;
  atLeast: string;
  turns: string;
  of: 'average' | 'last' | 'min';
  direction: 'worsening' | 'improving' | 'stable';
  outcomes: string;
  minSeconds: string;
  maxSeconds: string;
  streak: string;
}

/** A category rule as the form edits it. */
export interface RuleDraft {
  /** The form's own key for React (the rule's name may change while typing). */
  key: number;
  id: string;
  category: string;
  alert: boolean;
  match: 'all' | 'any';
  conditions: ConditionDraft[];
}

/** A problem in the form, in plain words through the form's messages. */
export interface DraftProblem {
  key: RuleFormMessageKey;
  params: Record<string, string | number>;
}

let nextKey = 1;

/** A new empty condition of a kind. */
export function emptyCondition(kind: ConditionKind = 'phrase'): ConditionDraft {
  return {
    kind,
    phrases: { en: '', 'zh-CN': '', ko: '' },
    role: 'any',
    atMost: '',
    atLeast: '',
    turns: '',
    of: 'average',
    direction: 'worsening',
    outcomes: '',
    minSeconds: '',
    maxSeconds: '',
    streak: '',
  };
}

/** A new rule with one empty phrase condition. */
export function emptyRule(): RuleDraft {
  return { key: nextKey++, id: '', category: '', alert: false, match: 'all', conditions: [emptyCondition()] };
}

/** Reads stored rules into drafts; phrases go to the language their script shows (Han: Chinese, Hangul: Korean). */
export function draftsOf(rules: readonly unknown[]): RuleDraft[] {
  return rules.flatMap((value) => {
    if (typeof value !== 'object' || value === null) return [];
    const rule: Record<string, unknown> = { ...value };
    const conditions = Array.isArray(rule['conditions']) ? rule['conditions'] : [];
    return [
      {
        key: nextKey++,
        id: text(rule['id']),
        category: text(rule['category']),
        alert: rule['alert'] === true,
        match: rule['match'] === 'any' ? 'any' : 'all',
        conditions: conditions.flatMap((c: unknown) =>
          typeof c === 'object' && c !== null ? [conditionDraft(c)] : [],
        ),
      },
    ];
  });
}

/** The rules the runtime stores, from drafts already checked by {@link checkDrafts}. */
export function rulesOf(drafts: readonly RuleDraft[]): Record<string, unknown>[] {
  return drafts.map((draft) => ({
    id: draft.id.trim(),
    category: draft.category.trim(),
    ...(draft.alert ? { alert: true } : {}),
    ...(draft.match === 'any' ? { match: 'any' } : {}),
    conditions: draft.conditions.map(conditionOf),
  }));
}

/** Every problem of the drafts and webhook lines, in the order they appear in the form. */
export function checkDrafts(drafts: readonly RuleDraft[], webhooks: readonly string[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const say = (key: RuleFormMessageKey, params: Record<string, string | number>) => problems.push({ key, params });
  const names = new Set<string>();
  drafts.forEach((draft, r) => {
    const n = r + 1;
    const name = draft.id.trim();
    if (name === '') say('err_name', { n });
    else if (names.has(name)) say('err_nameTaken', { n, name });
    names.add(name);
    if (draft.category.trim() === '') say('err_category', { n });
    if (draft.conditions.length === 0) say('err_noConditions', { n });
    draft.conditions.forEach((condition, c) => {
      const key = conditionProblem(condition);
      if (key !== undefined) say(key.key, { n, m: c + 1, ...key.params });
    });
  });
  webhooks.forEach((line, i) => {
    if (!/^https?:\/\/[^\s/]+/iu.test(line)) say('err_webhook', { n: i + 1 });
  });
  return problems;
}

function conditionProblem(c: ConditionDraft): DraftProblem | undefined {
  const problem = (key: RuleFormMessageKey, params: Record<string, string> = {}): DraftProblem => ({ key, params });
  switch (c.kind) {
    case 'phrase':
    case 'phraseMissing':
      return phraseList(c).length === 0 ? problem('err_phrases') : undefined;
    case 'sentiment': {
      if (c.atMost.trim() === '' && c.atLeast.trim() === '') return problem('err_sentimentBound');
      for (const [field, value] of [
        ['atMost', c.atMost],
        ['atLeast', c.atLeast],
      ] as const)
        if (value.trim() !== '' && !inRange(value, -1, 1))
          return problem('err_sentimentNumber', { field: field === 'atMost' ? '≤' : '≥' });
      if (c.turns.trim() !== '' && !wholeIn(c.turns, 1, 100)) return problem('err_turns');
      return undefined;
    }
    case 'sentimentTrend':
      return undefined;
    case 'outcome':
      return list(c.outcomes).length === 0 ? problem('err_outcomes') : undefined;
    case 'duration': {
      if (c.minSeconds.trim() === '' && c.maxSeconds.trim() === '') return problem('err_duration');
      for (const value of [c.minSeconds, c.maxSeconds])
        if (value.trim() !== '' && !inRange(value, 0, Number.MAX_SAFE_INTEGER)) return problem('err_seconds');
      if (c.minSeconds.trim() !== '' && c.maxSeconds.trim() !== '' && Number(c.minSeconds) > Number(c.maxSeconds))
        return problem('err_durationOrder');
      return undefined;
    }
    case 'silence':
      return inRange(c.minSeconds, 0, Number.MAX_SAFE_INTEGER) ? undefined : problem('err_seconds');
    case 'noMatchStreak':
      return wholeIn(c.streak, 1, 100) ? undefined : problem('err_streak');
  }
}

function conditionOf(c: ConditionDraft): Record<string, unknown> {
  const role = c.role === 'any' ? {} : { role: c.role };
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  const defined = (fields: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  switch (c.kind) {
    case 'phrase':
    case 'phraseMissing':
      return { kind: c.kind, phrases: phraseList(c), ...role };
    case 'sentiment':
      return defined({
        kind: c.kind,
        atMost: number(c.atMost),
        atLeast: number(c.atLeast),
        consecutiveTurns: number(c.turns),
        of: c.turns.trim() === '' && c.of !== 'average' ? c.of : undefined,
      });
    case 'sentimentTrend':
      return { kind: c.kind, direction: c.direction };
    case 'outcome':
      return { kind: c.kind, anyOf: list(c.outcomes) };
    case 'duration':
      return defined({ kind: c.kind, minSeconds: number(c.minSeconds), maxSeconds: number(c.maxSeconds) });
    case 'silence':
      return { kind: c.kind, minSeconds: Number(c.minSeconds) };
    case 'noMatchStreak':
      return { kind: c.kind, atLeast: Number(c.streak) };
  }
}

function conditionDraft(value: object): ConditionDraft {
  const c: Record<string, unknown> = { ...value };
  const kind = CONDITION_KINDS.find((k) => k === c['kind']) ?? 'phrase';
  const draft = emptyCondition(kind);
  const phrases = Array.isArray(c['phrases']) ? c['phrases'].map(text) : [];
  for (const language of PHRASE_LANGUAGES)
    draft.phrases[language] = phrases.filter((phrase) => languageOf(phrase) === language).join(', ');
  const role = c['role'];
  if (role === 'caller' || role === 'agent' || role === 'bot') draft.role = role;
  draft.atMost = numberText(c['atMost']);
  draft.atLeast = numberText(c['atLeast']);
  draft.turns = numberText(c['consecutiveTurns']);
  if (c['of'] === 'last' || c['of'] === 'min') draft.of = c['of'];
  if (c['direction'] === 'improving' || c['direction'] === 'stable') draft.direction = c['direction'];
  draft.outcomes = Array.isArray(c['anyOf']) ? c['anyOf'].map(text).join(', ') : '';
  draft.minSeconds = numberText(c['minSeconds']);
  draft.maxSeconds = numberText(c['maxSeconds']);
  draft.streak = kind === 'noMatchStreak' ? numberText(c['atLeast']) : '';
  if (kind === 'noMatchStreak') draft.atLeast = '';
  return draft;
}

/** The phrases of every language, one list (the runtime matches each in any language). */
function phraseList(c: ConditionDraft): string[] {
  return PHRASE_LANGUAGES.flatMap((language) => list(c.phrases[language]));
}

/** Splits on ASCII and CJK commas and new lines. */
function list(value: string): string[] {
  return value
    .split(/[,，、\n]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function languageOf(phrase: string): PhraseLanguage {
  if (/[\uac00-\ud7a3]/u.test(phrase)) return 'ko';
  if (/[\u3400-\u9fff]/u.test(phrase)) return 'zh-CN';
  return 'en';
}

function inRange(value: string, min: number, max: number): boolean {
  if (value.trim() === '') return false;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max;
}

function wholeIn(value: string, min: number, max: number): boolean {
  return inRange(value, min, max) && Number.isInteger(Number(value));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberText(value: unknown): string {
  return typeof value === 'number' ? String(value) : '';
}
