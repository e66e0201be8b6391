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
  /** Outcomes, or an agent's wrap-up dispositions, that count as resolved (default: `completed`, `resolved`). */
  readonly resolvedOutcomes?: readonly string[];
  /**
   * In an agent conversation, words of an agent or system line saying the customer was verified (default: a secure
   * flow naming verify/auth/pin/otp that completed (or ended `done`), or "verified", 已验证, 인증 완료).
   */
  readonly verificationPhrases?: readonly string[];
  /** In an agent conversation, words of an agent line that disclose account data (default: balance, 余额, 잔액 …). */
  readonly disclosurePhrases?: readonly string[];
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
const DEFAULT_VERIFIED = ['verified', 'identity confirmed', '已验证', '身份已核实', '인증 완료', '본인 확인 완료'];
const DEFAULT_DISCLOSURES = [
  'your balance',
  'available balance',
  'last transaction',
  '余额',
  '最近一笔交易',
  '잔액',
  '최근 거래',
];
const VERIFIED_FLOW = /(verif|auth|identity|\bpin\b|otp)[^:]*: (completed|done|verified|success)\b/iu;
const VERIFY = /verif|auth|identity|\bpin\b|otp/iu;
const DISCLOSE = /transaction|^banking\./iu;

/**
 * Scores a finished contact against a scorecard, deterministically: the greeting in the first bot turn (the agent's
 * first line when an agent handled the contact: the agent is the one scored), a verification before the first
 * disclosure (on the bot's path, and in the agent conversation), the compliance phrase, no card number in what the bot
 * or agent said or typed (checked by the card detector, so a redacted `[CARD]` counts too), and a resolved outcome
 * or wrap-up disposition.
 */
export function scoreQuality(contact: ContactFacts, scorecard: Scorecard = {}): QaScore {
  const spoken = contact.transcript.filter((entry) => entry.role === 'bot' || entry.role === 'agent');
  const first = spoken.find((entry) => entry.role === 'agent') ?? spoken[0];
  const greetings = (scorecard.greetings ?? DEFAULT_GREETINGS).map(normalizeForMatching);
  const greeting =
    first !== undefined && greetings.some((word) => containsPhrase(normalizeForMatching(first.text), word));
  const compliance = scorecard.compliancePhrases ?? [];
  const said = normalizeForMatching(spoken.map((entry) => entry.text).join('\n'));
  const criteria: QaResult = {
    greeting,
    verificationBeforeDisclosure: verifiedBeforeDisclosure(contact, scorecard),
    compliancePhrase:
      compliance.length === 0 ? null : compliance.some((phrase) => containsPhrase(said, normalizeForMatching(phrase))),
    noCardSpoken: spoken.every(
      (entry) => !entry.text.includes('[CARD]') && redactText(entry.text, { types: ['card'] }).entities.length === 0,
    ),
    resolved: [contact.wrapUp?.disposition, contact.outcome].some(
      (result) => result !== undefined && (scorecard.resolvedOutcomes ?? DEFAULT_RESOLVED).includes(result),
    ),
  };
  const applicable = QA_CRITERIA.filter((criterion) => criteria[criterion] !== null);
  const passed = applicable.filter((criterion) => criteria[criterion] === true).length;
  return { criteria, score: applicable.length === 0 ? 100 : Math.round((passed / applicable.length) * 100) };
}

/** `null` when nothing was disclosed; otherwise whether a verification came before each first disclosure. */
function verifiedBeforeDisclosure(contact: ContactFacts, scorecard: Scorecard): boolean | null {
  const onPath = verifiedOnPath(contact.path, scorecard);
  const joined = contact.transcript.findIndex((entry) => entry.role === 'agent');
  if (joined === -1) return onPath;
  const leg = contact.transcript.slice(joined);
  const disclosures = (scorecard.disclosurePhrases ?? DEFAULT_DISCLOSURES).map(normalizeForMatching);
  const disclosure = leg.findIndex(
    (entry) =>
      entry.role === 'agent' && disclosures.some((word) => containsPhrase(normalizeForMatching(entry.text), word)),
  );
  if (disclosure === -1) return onPath;
  // The bot verified the caller before the hand-over (a path with a verification, disclosed or not), or the agent did.
  const pathVerified = onPath === true || (onPath === null && verifiedOnPath([...contact.path, DISCLOSED], scorecard));
  const phrases = (scorecard.verificationPhrases ?? DEFAULT_VERIFIED).map(normalizeForMatching);
  const agentVerified = leg
    .slice(0, disclosure)
    .some(
      (entry) =>
        (entry.role === 'system' || entry.role === 'agent') &&
        ((scorecard.verificationPhrases === undefined && VERIFIED_FLOW.test(entry.text)) ||
          phrases.some((word) => containsPhrase(normalizeForMatching(entry.text), word))),
    );
  return onPath !== false && (pathVerified || agentVerified);
}

/** Stands for the agent's disclosure at the end of the bot's path. */
const DISCLOSED: PathStep = { nodeId: '\u0000agent-disclosure', type: 'transaction' };

/** `null` when nothing was disclosed on the path; otherwise whether a verification step came before the first one. */
function verifiedOnPath(path: readonly PathStep[], scorecard: Scorecard): boolean | null {
  const named = (list: readonly string[] | undefined, pattern: RegExp) => (step: PathStep) =>
    list === undefined
      ? pattern.test(step.type) || pattern.test(step.nodeId)
      : list.includes(step.nodeId) || list.includes(step.type);
  const verifies = named(scorecard.verificationNodes, VERIFY);
  const discloses = named(scorecard.disclosureNodes, DISCLOSE);
  const disclosure = path.findIndex((step) => step === DISCLOSED || discloses(step));
  if (disclosure === -1) return null;
  // A verification step counts only when it succeeded: it left by a port other than a failure.
  return path
    .slice(0, disclosure)
    .some(
      (step) =>
        verifies(step) && !['error', 'timeout', 'noMatch', 'noInput', 'failed', 'notFound'].includes(step.port ?? ''),
    );
}
