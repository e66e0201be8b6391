import { useUiLanguage } from './useT.ts';
import type { UiLanguage } from './messages.ts';

/** Binds a page's own message table to the chosen UI language: `t(key, params)` with `{name}` placeholders filled. */
export function useMessageTable<Key extends string>(
  tables: Record<UiLanguage, Record<Key, string>>,
): (key: Key, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params = {}) =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{${name}}`, String(value)),
      tables[language][key],
    );
}
