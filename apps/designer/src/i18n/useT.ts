import { create } from 'zustand';
import { MESSAGES, type MessageKey, type UiLanguage } from './messages.ts';

const LANGUAGE_KEY = 'omniflow.uiLanguage';

function initialLanguage(): UiLanguage {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN' || saved === 'ko') return saved;
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
  if (nav.startsWith('zh')) return 'zh-CN';
  if (nav.startsWith('ko')) return 'ko';
  return 'en';
}

/** The chosen UI language (separate from the flow document and its locales). */
export const useUiLanguage = create<{ language: UiLanguage; setLanguage(language: UiLanguage): void }>()((set) => ({
  language: initialLanguage(),
  setLanguage: (language) => {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** Formats a UI string, replacing `{name}` placeholders. */
export function translate(language: UiLanguage, key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[language][key];
  return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
}

/** Returns `t(key, params)` bound to the current UI language. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params) => translate(language, key, params);
}
