import { useUiLanguage } from './useT.ts';
import type { UiLanguage } from './messages.ts';

const EN = {
  usesSubflow: 'uses {flow} v{version}',
  subflowLiveNow: 'v{live} is live',
  republish: 'Republish v{version} with the live subflows',
  republished: 'Published v{version} with the live subflows.',
};

/** Keys of the pinned-subflow strings of the Versions panel. */
export type SubflowPinMessageKey = keyof typeof EN;

const ZH: Record<SubflowPinMessageKey, string> = {
  usesSubflow: '使用 {flow} v{version}',
  subflowLiveNow: '当前上线的是 v{live}',
  republish: '用上线的子流程重新发布 v{version}',
  republished: '已用上线的子流程发布 v{version}。',
};

const KO: Record<SubflowPinMessageKey, string> = {
  usesSubflow: '{flow} v{version} 사용',
  subflowLiveNow: '현재 게시된 버전은 v{live}',
  republish: '게시된 하위 플로우로 v{version} 다시 게시',
  republished: '게시된 하위 플로우로 v{version}을(를) 게시했습니다.',
};

/** The pinned-subflow strings in every UI language. */
export const SUBFLOW_PIN_MESSAGES: Record<UiLanguage, Record<SubflowPinMessageKey, string>> = {
  en: EN,
  'zh-CN': ZH,
  ko: KO,
};

/** The pinned-subflow strings in the chosen UI language, with `{name}` placeholders filled. */
export function useSubflowPinT(): (key: SubflowPinMessageKey, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params = {}) =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{${name}}`, String(value)),
      SUBFLOW_PIN_MESSAGES[language][key],
    );
}
