export { resolveAnalysisLocale, type AnalysisLocale } from './analysisLocale.ts';
export { analyzeSentiment, MAX_SENTIMENT_CHARS, type SentimentLabel, type SentimentResult } from './sentiment/analyzeSentiment.ts';
export { sentimentTrend, type SentimentTrend } from './sentiment/sentimentTrend.ts';
export { sentimentLexicons, type SentimentLexicon } from './sentiment/sentimentLexicons.ts';
export { measureSentimentAccuracy, type LabelledUtterance, type SentimentAccuracy } from './sentiment/measureSentimentAccuracy.ts';
