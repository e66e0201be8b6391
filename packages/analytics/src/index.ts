export { resolveAnalysisLocale, type AnalysisLocale } from './analysisLocale.ts';
export {
  analyzeSentiment,
  MAX_SENTIMENT_CHARS,
  type SentimentLabel,
  type SentimentResult,
} from './sentiment/analyzeSentiment.ts';
export { sentimentTrend, type SentimentTrend } from './sentiment/sentimentTrend.ts';
export { sentimentLexicons, type SentimentLexicon } from './sentiment/sentimentLexicons.ts';
export {
  measureSentimentAccuracy,
  type LabelledUtterance,
  type SentimentAccuracy,
} from './sentiment/measureSentimentAccuracy.ts';
export { redactText, type RedactionOptions, type RedactionResult } from './redaction/redactText.ts';
export {
  REDACTION_ENTITY_TYPES,
  redactionTag,
  type RedactionEntity,
  type RedactionEntityType,
} from './redaction/redactionEntity.ts';
export {
  compileAccountPatterns,
  type AccountPatternIssue,
  type CompiledAccountPatterns,
} from './redaction/compileAccountPatterns.ts';
export { isLuhnValid } from './redaction/detectCards.ts';
export { measureRedaction, type RedactionCase, type RedactionQuality } from './redaction/measureRedaction.ts';
export { analyzeLine, type AnalyzeLineInput, type AnalyzeLineOutput } from './line/analyzeLine.ts';
export { analyzeJsonLines, type AnalyzeLineError } from './line/analyzeJsonLines.ts';
export type { ContactFacts, PathStep, TransactionFact, TranscriptEntry, WrapUp } from './contactFacts.ts';
export {
  categoryRulesJsonSchema,
  RULE_CONDITION_KINDS,
  type CategoryRule,
  type PhraseRole,
  type RuleCondition,
} from './rules/categoryRule.ts';
export { evaluateCategoryRules, type CategoryMatch } from './rules/evaluateCategoryRules.ts';
export {
  validateCategoryRules,
  type CategoryRuleIssue,
  type CategoryRulesValidation,
} from './rules/validateCategoryRules.ts';
export { containsPhrase, normalizeForMatching } from './rules/normalizeForMatching.ts';
export { summarizeContact, type ContactSummary } from './summary/summarizeContact.ts';
export { summaryPhrases, type SummaryPhrases } from './summary/summaryPhrases.ts';
export {
  QA_CRITERIA,
  scoreQuality,
  type QaCriterion,
  type QaResult,
  type QaScore,
  type Scorecard,
} from './quality/scoreQuality.ts';
