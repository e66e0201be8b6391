import { validateFlow } from '@omniflow/flow-schema';
import { describe, expect, it } from 'vitest';
import { builtInSpecCatalog } from '../../builtInSpecs.ts';
import { buildTestFlow } from '../../testing/buildTestFlow.ts';
import { checkNodeMigrations } from '../../testing/checkNodeMigrations.ts';
import { languageSpec } from './languageSpec.ts';

function pickerFlow(languages: { locale: string; key: string; label: string }[]) {
  return buildTestFlow(
    [
      { id: 'pick', type: 'language', config: { languages }, to: { next: 'bye', noInput: 'bye', noMatch: 'bye' } },
      { id: 'bye', type: 'end', config: { prompt: { text: { 'en-US': 'Goodbye.', 'zh-CN': '再见。' } } } },
    ],
    { locales: ['en-US', 'zh-CN'] },
  );
}

describe('language spec', () => {
  it('accepts languages the flow declares, each on its own key', () => {
    const flow = pickerFlow([
      { locale: 'en-US', key: '1', label: 'English' },
      { locale: 'zh-CN', key: '2', label: '中文' },
    ]);
    expect(validateFlow(flow, builtInSpecCatalog()).issues).toEqual([]);
  });

  it('FLOW031 and FLOW032: refuses a locale the flow does not declare and a key used twice', () => {
    const flow = pickerFlow([
      { locale: 'en-US', key: '1', label: 'English' },
      { locale: 'ko-KR', key: '1', label: '한국어' },
    ]);
    expect(validateFlow(flow, builtInSpecCatalog()).issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['FLOW031', '/nodes/0/config/languages/1/locale'],
      ['FLOW032', '/nodes/0/config/languages/1/key'],
    ]);
  });

  it('passes the migration harness at version 1: no migrations yet, and its defaults are a valid config', () => {
    expect(languageSpec.spec.version).toBe(1);
    expect(checkNodeMigrations(languageSpec)).toEqual([]);
  });
});
