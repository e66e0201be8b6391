import { measureSentimentAccuracy } from '../src/sentiment/measureSentimentAccuracy.ts';
import { readSentimentSet, SENTIMENT_SET_LOCALES } from './readSentimentSet.ts';

// Prints the per-language accuracy table of the README; `--misses` (or `--misses=tune`) lists what was got wrong.

const showMisses = process.argv.find((arg) => arg.startsWith('--misses'));
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

console.log('| locale | rows | accuracy | tune half | held-out half |');
console.log('| --- | --- | --- | --- | --- |');
for (const locale of SENTIMENT_SET_LOCALES) {
  const rows = readSentimentSet(locale);
  const result = measureSentimentAccuracy(rows, locale);
  console.log(`| ${locale} | ${result.total} | ${percent(result.accuracy)} | ${percent(result.tuneAccuracy)} | ${percent(result.holdoutAccuracy)} |`);
  if (showMisses !== undefined) {
    const tuneOnly = showMisses === '--misses=tune';
    const tuneTexts = new Set(rows.filter((row) => row.split === 'tune').map((row) => row.text));
    for (const miss of result.misses) {
      if (tuneOnly && !tuneTexts.has(miss.text)) continue;
      console.log(`    ${miss.expected} → ${miss.got} (${miss.score.toFixed(2)}): ${miss.text}`);
    }
  }
}
