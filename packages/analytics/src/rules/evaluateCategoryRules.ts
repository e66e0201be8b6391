import { exhaustive } from '@omniflow/flow-schema';
import type { ContactFacts, TranscriptEntry } from '../contactFacts.ts';
import { analyzeSentiment } from '../sentiment/analyzeSentiment.ts';
import { sentimentTrend } from '../sentiment/sentimentTrend.ts';
import type { CategoryRule, PhraseRole, RuleCondition } from './categoryRule.ts';
import { containsPhrase, normalizeForMatching } from './normalizeForMatching.ts';

/** The rules a contact matched: its categories, and which of them are real-time alerts. */
export interface CategoryMatch {
  readonly categories: readonly string[];
  readonly alerts: readonly string[];
  readonly matchedRuleIds: readonly string[];
}

/** Tags a contact (live or finished) with the categories of the rules it matches; run it after each turn for alerts. */
export function evaluateCategoryRules(rules: readonly CategoryRule[], contact: ContactFacts): CategoryMatch {
  const facts = new ContactView(contact);
  const categories = new Set<string>();
  const alerts = new Set<string>();
  const matchedRuleIds: string[] = [];
  for (const rule of rules) {
    const test = (condition: RuleCondition): boolean => facts.holds(condition);
    const matched = rule.match === 'any' ? rule.conditions.some(test) : rule.conditions.every(test);
    if (!matched) continue;
    matchedRuleIds.push(rule.id);
    categories.add(rule.category);
    if (rule.alert === true) alerts.add(rule.category);
  }
  return { categories: [...categories], alerts: [...alerts], matchedRuleIds };
}

/** The derived facts rules ask about, each computed once per evaluation however many rules ask. */
class ContactView {
  #normalized: Map<PhraseRole, string> | undefined;
  #scores: readonly number[] | undefined;

  constructor(private readonly contact: ContactFacts) {}

  holds(condition: RuleCondition): boolean {
    switch (condition.kind) {
      case 'phrase':
        return this.said(condition.phrases, condition.role ?? 'any');
      case 'phraseMissing':
        return !this.said(condition.phrases, condition.role ?? 'any');
      case 'sentiment':
        return this.sentimentHolds(condition);
      case 'sentimentTrend':
        return this.scores().length >= 2 && sentimentTrend(this.scores()).direction === condition.direction;
      case 'outcome':
        return this.contact.outcome !== undefined && condition.anyOf.includes(this.contact.outcome);
      case 'duration': {
        const duration = this.contact.durationSeconds ?? this.transcriptSpanSeconds();
        return (
          duration >= (condition.minSeconds ?? 0) && duration <= (condition.maxSeconds ?? Number.POSITIVE_INFINITY)
        );
      }
      case 'silence':
        return this.longestSilenceSeconds() >= condition.minSeconds;
      case 'noMatchStreak':
        return this.longestNoMatchStreak() >= condition.atLeast;
      default:
        return exhaustive(condition);
    }
  }

  private said(phrases: readonly string[], role: PhraseRole): boolean {
    const text = this.normalizedText(role);
    return phrases.some((phrase) => containsPhrase(text, normalizeForMatching(phrase)));
  }

  private normalizedText(role: PhraseRole): string {
    this.#normalized ??= new Map();
    let text = this.#normalized.get(role);
    if (text === undefined) {
      // A newline between turns keeps a phrase from matching across two speakers.
      text = this.contact.transcript
        .filter((entry) => role === 'any' || entry.role === role)
        .map((entry) => normalizeForMatching(entry.text))
        .join('\n');
      this.#normalized.set(role, text);
    }
    return text;
  }

  private scores(): readonly number[] {
    this.#scores ??= this.contact.transcript
      .filter((entry) => entry.role === 'caller')
      .map((entry) => scoreOf(entry, this.contact.locale));
    return this.#scores;
  }

  private sentimentHolds(condition: Extract<RuleCondition, { kind: 'sentiment' }>): boolean {
    const scores = this.scores();
    const within = (score: number): boolean => score <= (condition.atMost ?? 1) && score >= (condition.atLeast ?? -1);
    if (scores.length === 0) return false;
    if (condition.consecutiveTurns !== undefined) {
      let run = 0;
      for (const score of scores) {
        run = within(score) ? run + 1 : 0;
        if (run >= condition.consecutiveTurns) return true;
      }
      return false;
    }
    const of = condition.of ?? 'average';
    const value =
      of === 'last' ? (scores.at(-1) ?? 0) : of === 'min' ? Math.min(...scores) : sentimentTrend(scores).average;
    return within(value);
  }

  private transcriptSpanSeconds(): number {
    const times = this.contact.transcript.flatMap((entry) => (entry.at === undefined ? [] : [entry.at]));
    return times.length === 0 ? 0 : (Math.max(...times) - Math.min(...times)) / 1000;
  }

  private longestSilenceSeconds(): number {
    let longest = 0;
    let previous: number | undefined;
    for (const entry of this.contact.transcript) {
      if (entry.at === undefined) continue;
      if (previous !== undefined) longest = Math.max(longest, entry.at - previous);
      previous = entry.at;
    }
    return longest / 1000;
  }

  private longestNoMatchStreak(): number {
    let longest = 0;
    let run = 0;
    for (const step of this.contact.path) {
      run = step.port === 'noMatch' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}

function scoreOf(entry: TranscriptEntry, locale: string): number {
  return entry.sentiment ?? analyzeSentiment(entry.text, locale).score;
}
