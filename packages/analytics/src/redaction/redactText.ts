import { exhaustive } from '@omniflow/flow-schema';
import { resolveAnalysisLocale } from '../analysisLocale.ts';
import { compileAccountPatterns } from './compileAccountPatterns.ts';
import { detectCards } from './detectCards.ts';
import { detectEmails } from './detectEmails.ts';
import { detectChineseResidentIds } from './detectChineseResidentIds.ts';
import { detectKoreanRrns } from './detectKoreanRrns.ts';
import { detectPhoneNumbers } from './detectPhoneNumbers.ts';
import { foldWidth } from './foldWidth.ts';
import {
  REDACTION_ENTITY_TYPES,
  redactionTag,
  type RedactionEntity,
  type RedactionEntityType,
} from './redactionEntity.ts';

/** What to redact: every type by default; account numbers only where patterns are configured. */
export interface RedactionOptions {
  /** Decides which country a national phone number is read in first (en → US, zh-CN → CN, ko-KR → KR). */
  readonly locale?: string;
  /** The types to look for; all by default. */
  readonly types?: readonly RedactionEntityType[];
  /** RE2 patterns of the organization's account numbers; invalid ones are skipped (see `compileAccountPatterns`). */
  readonly accountPatterns?: readonly string[];
}

/** A text with its sensitive values replaced by their tags, and where they were in the original. */
export interface RedactionResult {
  readonly redacted: string;
  readonly entities: readonly RedactionEntity[];
}

/** Replaces cards, CN IDs, KR RRNs, phone numbers, e-mail addresses and configured account numbers with their type tags. */
export function redactText(text: string, options: RedactionOptions = {}): RedactionResult {
  // Most turns hold no digit and no @: they skip every detector (account patterns may match letters, so not then).
  if (options.accountPatterns === undefined && !/[\d@０-９＠]/u.test(text)) return { redacted: text, entities: [] };
  const folded = foldWidth(text);
  const wanted = new Set(options.types ?? REDACTION_ENTITY_TYPES);
  const candidates: RedactionEntity[] = [];
  for (const type of REDACTION_ENTITY_TYPES) {
    if (wanted.has(type)) candidates.push(...detect(type, folded, options, candidates));
  }
  const entities = resolveOverlaps(candidates);
  let redacted = '';
  let cursor = 0;
  for (const entity of entities) {
    redacted += text.slice(cursor, entity.start) + redactionTag(entity.type);
    cursor = entity.end;
  }
  return { redacted: redacted + text.slice(cursor), entities };
}

function detect(
  type: RedactionEntityType,
  text: string,
  options: RedactionOptions,
  found: readonly RedactionEntity[],
): RedactionEntity[] {
  switch (type) {
    case 'email':
      return detectEmails(text);
    case 'cn_id':
      return detectChineseResidentIds(text);
    case 'kr_rrn':
      return detectKoreanRrns(text);
    case 'card':
      return detectCards(text);
    case 'phone':
      return detectPhoneNumbers(text, resolveAnalysisLocale(options.locale), found);
    case 'account':
      return detectAccounts(text, options.accountPatterns ?? []);
    default:
      return exhaustive(type);
  }
}

function detectAccounts(text: string, patterns: readonly string[]): RedactionEntity[] {
  const found: RedactionEntity[] = [];
  for (const matcher of compileAccountPatterns(patterns).matchers) {
    const match = matcher.matcher(text);
    while (match.find()) found.push({ type: 'account', start: match.start(), end: match.end() });
  }
  return found;
}

/** Detections arrive in priority order; a later one that overlaps an accepted one is dropped. */
function resolveOverlaps(candidates: readonly RedactionEntity[]): RedactionEntity[] {
  const accepted: RedactionEntity[] = [];
  for (const candidate of candidates) {
    if (candidate.end <= candidate.start) continue;
    if (accepted.every((entity) => candidate.end <= entity.start || candidate.start >= entity.end))
      accepted.push(candidate);
  }
  return accepted.toSorted((a, b) => a.start - b.start);
}
