/** The languages the analyzers know; any other locale is analyzed as English. */
export type AnalysisLocale = 'en' | 'zh-CN' | 'ko-KR';

/** Maps a BCP 47 locale (`en-US`, `zh`, `zh-Hans-CN`, `ko`) to the analysis language that serves it. */
export function resolveAnalysisLocale(locale: string | undefined): AnalysisLocale {
  const lower = (locale ?? '').toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('ko')) return 'ko-KR';
  return 'en';
}
