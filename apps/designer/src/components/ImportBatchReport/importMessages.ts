import { useUiLanguage } from '../../i18n/useT.ts';
import type { UiLanguage } from '../../i18n/messages.ts';

const EN = {
  batchTitle: 'Imported {count} of {total} files',
  batchFailed: 'Not imported',
  batchCalls: 'calls {flows}',
  batchPublishOrder: 'Publish the called flows first, in this order: {order}.',
  batchOpen: 'Open {id}',
};

/** A key of the import report's strings. */
export type ImportMessageKey = keyof typeof EN;

const ZH: Record<ImportMessageKey, string> = {
  batchTitle: '已导入 {count} / {total} 个文件',
  batchFailed: '未导入',
  batchCalls: '调用 {flows}',
  batchPublishOrder: '请先发布被调用的流程，顺序为：{order}。',
  batchOpen: '打开 {id}',
};

const KO: Record<ImportMessageKey, string> = {
  batchTitle: '파일 {total}개 중 {count}개를 가져왔습니다',
  batchFailed: '가져오지 못함',
  batchCalls: '{flows} 호출',
  batchPublishOrder: '호출되는 플로우를 먼저 다음 순서로 게시하세요: {order}.',
  batchOpen: '{id} 열기',
};

/** The import report's strings in every UI language. */
export const IMPORT_MESSAGES: Record<UiLanguage, Record<ImportMessageKey, string>> = { en: EN, 'zh-CN': ZH, ko: KO };

/** The import report's strings in the chosen UI language, with `{name}` placeholders filled. */
export function useImportT(): (key: ImportMessageKey, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params = {}) =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{${name}}`, String(value)),
      IMPORT_MESSAGES[language][key],
    );
}
