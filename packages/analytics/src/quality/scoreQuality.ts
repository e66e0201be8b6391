import type { ContactFacts, PathStep } from '../contactFacts.ts';
import { redactText } from '../redaction/redactText.ts';
import { containsPhrase, normalizeForMatching } from '../rules/normalizeForMatching.ts';

/** The criteria of the automatic QA scorecard (issue 17). */
export const QA_CRITERIA = [
  'greeting',
  'verificationBeforeDisclosure',
  'compliancePhrase',
  'noCardSpoken',
  'resolved',
] as const;

/** One criterion of the scorecard. */
export type QaCriterion = (typeof QA_CRITERIA)[number];

/** How a scorecard is set up; every field has a default, so `{}` scores any contact. */
export interface Scorecard {
  /** Words a greeting holds, any language (default: hello, welcome, 您好, 欢迎, 안녕하세요, 환영 …). */
  readonly greetings?: readonly string[];
  /** A phrase the bot or agent must say (a recording notice, a disclosure); none: the criterion does not apply. */
  readonly compliancePhrases?: readonly string[];
  /** Node ids or types that verify the caller (default: an id or type naming verify/auth/identity/pin). */
  readonly verificationNodes?: readonly string[];
  /** Node ids or types that disclose account data (default: transaction and banking nodes). */
  readonly disclosureNodes?: readonly string[];
  /** Outcomes that count as resolved (default: `completed`, `resolved`). */
  readonly resolvedOutcomes?: readonly string[];
}

/** One criterion's result; `null` when it does not apply to this contact (no disclosure, no compliance phrase set). */
export type QaResult = Readonly<Record<QaCriterion, boolean | null>>;

/** A scored contact: each criterion, and the share of applicable criteria passed (0..100). */
export interface QaScore {
  readonly criteria: QaResult;
  readonly score: number;
}

const DEFAULT_GREETINGS = [
  'hello',
  'hi',
  'welcome',
  'good morning',
  'good afternoon',
  '您好',
  '你好',
  '欢迎',
  '안녕하세요',
  '환영',
];
const DEFAULT_RESOLVED = ['completed', 'resolved'];
const VERIFY = /verif|auth|identity|\bpin\b|otp/iu;
const DISCLOSE = /transaction|^banking\./iu;

/**
 * Scores a finished contact against a scorecard, deterministically: the greeting in the first bot or agent turn,
 * a verification step before the first disclosure on the path, the compliance phrase, no card number in what the bot
 * or agent said (checked by the card detector, so a redacted `[CARD]` counts too), and a resolved outcome.
 */
export function scoreQuality(contact: ContactFacts, scorecard: Scorecard = {}): QaScore {
  const spoken = contact.transcript.filter((entry) => entry.role === 'bot' || entry.role === 'agent');
  const first = spoken[0];
  const greetings = (scorecard.greetings ?? DEFAULT_GREETINGS).map(normalizeForMatching);
  const greeting =
    first !== undefined && greetings.some((word) => containsPhrase(normalizeForMatching(first.text), word));
  const compliance = scorecard.compliancePhrases ?? [];
  const said = normalizeForMatching(spoken.map((entry) => entry.text).join('\n'));
  const criteria: QaResult = {
    greeting,
    verificationBeforeDisclosure: verifiedBeforeDisclosure(contact.path, scorecard),
    compliancePhrase:
      compliance.length === 0 ? null : compliance.some((phrase) => containsPhrase(said, normalizeForMatching(phrase))),
    noCardSpoken: spoken.every(
      (entry) => !entry.text.includes('[CARD]') && redactText(entry.text, { types: ['card'] }).entities.length === 0,
    ),
    resolved:
      contact.outcome !== undefined && (scorecard.resolvedOutcomes ?? DEFAULT_RESOLVED).includes(contact.outcome),
  };
  const applicable = QA_CRITERIA.filter((criterion) => criteria[criterion] !== null);
  const passed = applicable.filter((criterion) => criteria[criterion] === true).length;
  return { criteria, score: applicable.length === 0 ? 100 : Math.round((passed / applicable.length) * 100) };
}

/** `null` when nothing was disclosed; otherwise whether a verification step came before the first disclosure. */
function verifiedBeforeDisclosure(path: readonly PathStep[], scorecard: Scorecard): boolean | null {
  const named = (list: readonly string[] | undefined, pattern: RegExp) => (step: PathStep) =>
    list === undefined
      ? pattern.test(step.type) || pattern.test(step.nodeId)
      : list.includes(step.nodeId) || list.includes(step.type);
  const verifies = named(scorecard.verificationNodes, VERIFY);
  const discloses = named(scorecard.disclosureNodes, DISCLOSE);
  const disclosure = path.findIndex(discloses);
  if (disclosure === -1) return null;
  // A verification step counts only when it succeeded: it left by a port other than a failure.
  return path
    .slice(0, disclosure)
    .some(
      (step) =>
        verifies(step) && !['error', 'timeout', 'noMatch', 'noInput', 'failed', 'notFound'].includes(step.port ?? ''),
    );
}
