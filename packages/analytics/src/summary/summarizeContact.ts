import { resolveAnalysisLocale } from '../analysisLocale.ts';
import type { ContactFacts, PathStep } from '../contactFacts.ts';
import { summaryPhrases } from './summaryPhrases.ts';

/** A contact's summary: why the caller came, what was done, how it ended and what is still open. */
export interface ContactSummary {
  readonly reason: string;
  readonly actions: readonly string[];
  readonly outcome: string;
  readonly openItems: readonly string[];
  /**
   * For a contact an agent handled: lines quoted from the agent conversation (extractive) — what the customer came
   * with and the agent's last substantial answer, in the transcript's own (redacted) words.
   */
  readonly conversation?: readonly string[];
}

// Ports every node type may leave by; a port outside them is a choice the caller made (a menu option, an intent).
const GENERIC_PORTS = new Set(['next', 'success', 'error', 'timeout', 'noMatch', 'noInput', 'default', 'hangup']);
const MAX_REASON_STEPS = 3;
const MAX_EXTRACT_CHARS = 160;

/**
 * Summarizes a contact in its locale, deterministically: the reason from the choices on its path (or, for an agent
 * contact with none, the caller's first substantial turn), actions from its transactions, the outcome with the wrap-up.
 */
export function summarizeContact(contact: ContactFacts): ContactSummary {
  const phrases = summaryPhrases[resolveAnalysisLocale(contact.locale)];
  const choices = contact.path.filter(isChoice).slice(0, MAX_REASON_STEPS);
  const reason =
    choices.length > 0
      ? choices.map((step) => `${step.label ?? step.nodeId}${phrases.separator}${step.port ?? ''}`).join(' → ')
      : (firstSubstantialCallerTurn(contact) ?? phrases.unknownReason);
  const actions = contact.transactions.map(
    (transaction) =>
      `${transaction.name}${phrases.separator}${phrases.status[transaction.status]}${transaction.detail === undefined ? '' : ` (${transaction.detail})`}`,
  );
  const recorded =
    contact.outcome === undefined ? phrases.unknownOutcome : (phrases.outcomes[contact.outcome] ?? contact.outcome);
  const wrapUp = contact.wrapUp;
  const notes = [wrapUp?.disposition, wrapUp?.notes]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join('; ');
  const outcome = notes === '' ? recorded : `${recorded} — ${phrases.agentNotes(notes)}`;
  const openItems = [
    ...contact.transactions.flatMap((transaction) =>
      transaction.status === 'failed'
        ? [phrases.retry(transaction.name)]
        : transaction.status === 'pending'
          ? [phrases.confirm(transaction.name)]
          : [],
    ),
    ...(wrapUp?.followUps ?? []),
  ];
  const conversation = agentConversation(contact, phrases);
  return { reason, actions, outcome, openItems, ...(conversation.length === 0 ? {} : { conversation }) };
}

/** The customer's first and the agent's last substantial line after the agent joined (none without an agent). */
function agentConversation(
  contact: ContactFacts,
  phrases: (typeof summaryPhrases)[keyof typeof summaryPhrases],
): string[] {
  const joined = contact.transcript.findIndex((entry) => entry.role === 'agent');
  if (joined === -1) return [];
  const rest = contact.transcript.slice(joined);
  const customer = rest.find((entry) => entry.role === 'caller' && isSubstantial(entry.text));
  const agent = rest.findLast((entry) => entry.role === 'agent' && isSubstantial(entry.text));
  return [
    ...(customer === undefined ? [] : [phrases.customerSaid(clip(customer.text))]),
    ...(agent === undefined ? [] : [phrases.agentSaid(clip(agent.text))]),
  ];
}

function isChoice(step: PathStep): boolean {
  return step.port !== undefined && !GENERIC_PORTS.has(step.port);
}

/** Extractive reason: the first caller turn long enough to say something (not "hi" or "yes"). */
function firstSubstantialCallerTurn(contact: ContactFacts): string | undefined {
  for (const entry of contact.transcript) {
    if (entry.role !== 'caller') continue;
    if (isSubstantial(entry.text)) return clip(entry.text);
  }
  return undefined;
}

/** Long enough to say something (not "hi" or "yes"); CJK text has no spaces: count characters there, words elsewhere. */
function isSubstantial(raw: string): boolean {
  const text = raw.trim();
  return /[\u3400-\u9fff\uac00-\ud7a3]/u.test(text) ? text.length >= 6 : text.split(/\s+/u).length >= 4;
}

function clip(raw: string): string {
  const text = raw.trim();
  return text.length > MAX_EXTRACT_CHARS ? `${text.slice(0, MAX_EXTRACT_CHARS)}…` : text;
}
