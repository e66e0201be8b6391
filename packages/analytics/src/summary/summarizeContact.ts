import { resolveAnalysisLocale } from '../analysisLocale.ts';
import type { ContactFacts, PathStep } from '../contactFacts.ts';
import { summaryPhrases } from './summaryPhrases.ts';

/** A contact's summary: why the caller came, what was done, how it ended and what is still open. */
export interface ContactSummary {
  readonly reason: string;
  readonly actions: readonly string[];
  readonly outcome: string;
  readonly openItems: readonly string[];
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
  return { reason, actions, outcome, openItems };
}

function isChoice(step: PathStep): boolean {
  return step.port !== undefined && !GENERIC_PORTS.has(step.port);
}

/** Extractive reason: the first caller turn long enough to say something (not "hi" or "yes"). */
function firstSubstantialCallerTurn(contact: ContactFacts): string | undefined {
  for (const entry of contact.transcript) {
    if (entry.role !== 'caller') continue;
    const text = entry.text.trim();
    // CJK text has no spaces: count characters there, words elsewhere.
    const substantial = /[\u3400-\u9fff\uac00-\ud7a3]/u.test(text) ? text.length >= 6 : text.split(/\s+/u).length >= 4;
    if (substantial) return text.length > MAX_EXTRACT_CHARS ? `${text.slice(0, MAX_EXTRACT_CHARS)}…` : text;
  }
  return undefined;
}
