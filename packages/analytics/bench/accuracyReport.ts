import { measureRedaction } from '../src/redaction/measureRedaction.ts';
import { measureSentimentAccuracy } from '../src/sentiment/measureSentimentAccuracy.ts';
import { readRedactionSet, REDACTION_SET_OPTIONS } from './readRedactionSet.ts';
import { readSentimentSet, SENTIMENT_SET_LOCALES } from './readSentimentSet.ts';

// Prints the per-language accuracy table of the README and the redaction set's recall and precision; `--misses` (or `--misses=tune`) lists what was got wrong.

const showMisses = process.argv.find((arg) => arg.startsWith('--misses'));
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(7);

console.log('| locale | rows | accuracy | tune half | held-out half |');
console.log('| --- | --- | --- | --- | --- |');
for (const locale of SENTIMENT_SET_LOCALES) {
  const rows = readSentimentSet(locale);
  const result = measureSentimentAccuracy(rows, locale);
  console.log(
    `| ${locale} | ${result.total} | ${percent(result.accuracy)} | ${percent(result.tuneAccuracy)} | ${percent(result.holdoutAccuracy)} |`,
  );
  if (showMisses !== undefined) {
    const tuneOnly = showMisses === '--misses=tune';
    const tuneTexts = new Set(rows.filter((row) => row.split === 'tune').map((row) => row.text));
    for (const miss of result.misses) {
      if (tuneOnly && !tuneTexts.has(miss.text)) continue;
      console.log(`    ${miss.expected} → ${miss.got} (${miss.score.toFixed(2)}): ${miss.text}`);
    }
  }
}

const quality = measureRedaction(readRedactionSet(), REDACTION_SET_OPTIONS);
console.log('\n| entity | found / expected |');
console.log('| --- | --- |');
for (const [type, { found, expected }] of Object.entries(quality.recall))
  console.log(`| ${type} | ${found} / ${expected} |`);
console.log(
  `\nredaction precision: ${percent(quality.precision).trim()} (${quality.falsePositives.length} false positives)`,
);
if (showMisses !== undefined) {
  for (const { text, entity } of quality.misses)
    console.log(`    missed ${entity.type}: ${text.slice(entity.start, entity.end)} in ${text}`);
  for (const { text, entity } of quality.falsePositives)
    console.log(`    false ${entity.type}: ${text.slice(entity.start, entity.end)} in ${text}`);
}
