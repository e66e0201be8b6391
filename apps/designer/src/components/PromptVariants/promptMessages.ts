import { useUiLanguage } from '../../i18n/useT.ts';
import type { UiLanguage } from '../../i18n/messages.ts';

const EN = {
  variants: 'Channel wording and SSML',
  wording_dtmf: 'Keypad (IVR) wording',
  wording_voice: 'Voice wording',
  wording_chat: 'Chat wording',
  sameAsText: 'Empty: the prompt text is used',
  ssml: 'SSML for voice',
  ssmlHelp: 'Read by the voice instead of the text on phone calls. Allowed tags: {tags}.',
  ssmlValid: 'The SSML is valid.',
  ssml_badEntity: 'Character {at}: write "&" as &amp;.',
  ssml_badSyntax: 'Character {at}: this is not a complete tag. Write &lt; for "<", and attributes as name="value".',
  ssml_unknownTag: 'Character {at}: <{tag}> is not supported. Use only: {tags}.',
  ssml_unknownAttribute: 'Character {at}: <{tag}> has no attribute "{attribute}"; remove it.',
  ssml_badValue: 'Character {at}: {attribute}="{value}" is not allowed on <{tag}>. Use one of: {expected}.',
  ssml_missingAttribute: 'Character {at}: <{tag}> needs {attribute}="…", for example {attribute}="{expected}".',
  ssml_notEmpty: 'Character {at}: <{tag}> takes no content; write it as <{tag} … />.',
  ssml_unclosed: 'Character {at}: <{tag}> is never closed; add </{tag}>.',
  ssml_mismatched: 'Character {at}: </{tag}> closes the wrong tag; close the inner tag first.',
  ssml_strayClose: 'Character {at}: </{tag}> closes nothing; remove it.',
};

type PromptMessageKey = keyof typeof EN;

const ZH: Record<PromptMessageKey, string> = {
  variants: '分渠道措辞与 SSML',
  wording_dtmf: '按键（IVR）措辞',
  wording_voice: '语音措辞',
  wording_chat: '聊天措辞',
  sameAsText: '留空：使用提示语文本',
  ssml: '语音 SSML',
  ssmlHelp: '电话中由语音朗读，代替文本。可用标签：{tags}。',
  ssmlValid: 'SSML 有效。',
  ssml_badEntity: '第 {at} 个字符：“&”应写作 &amp;。',
  ssml_badSyntax: '第 {at} 个字符：标签不完整。“<”请写作 &lt;，属性写作 name="value"。',
  ssml_unknownTag: '第 {at} 个字符：不支持 <{tag}>。只能使用：{tags}。',
  ssml_unknownAttribute: '第 {at} 个字符：<{tag}> 没有属性“{attribute}”，请删除。',
  ssml_badValue: '第 {at} 个字符：<{tag}> 上不允许 {attribute}="{value}"。可用值：{expected}。',
  ssml_missingAttribute: '第 {at} 个字符：<{tag}> 需要 {attribute}="…"，例如 {attribute}="{expected}"。',
  ssml_notEmpty: '第 {at} 个字符：<{tag}> 不能有内容，请写作 <{tag} … />。',
  ssml_unclosed: '第 {at} 个字符：<{tag}> 没有结束，请加上 </{tag}>。',
  ssml_mismatched: '第 {at} 个字符：</{tag}> 结束了错误的标签，请先结束内层标签。',
  ssml_strayClose: '第 {at} 个字符：</{tag}> 没有对应的开始标签，请删除。',
};

const KO: Record<PromptMessageKey, string> = {
  variants: '채널별 문구와 SSML',
  wording_dtmf: '키패드(IVR) 문구',
  wording_voice: '음성 문구',
  wording_chat: '채팅 문구',
  sameAsText: '비워 두면 안내 문구를 사용합니다',
  ssml: '음성용 SSML',
  ssmlHelp: '전화에서는 문구 대신 이 SSML을 읽습니다. 사용할 수 있는 태그: {tags}.',
  ssmlValid: 'SSML이 올바릅니다.',
  ssml_badEntity: '{at}번째 문자: "&"는 &amp;로 쓰세요.',
  ssml_badSyntax: '{at}번째 문자: 태그가 완성되지 않았습니다. "<"는 &lt;로, 속성은 name="value"로 쓰세요.',
  ssml_unknownTag: '{at}번째 문자: <{tag}>는 지원하지 않습니다. 다음만 쓸 수 있습니다: {tags}.',
  ssml_unknownAttribute: '{at}번째 문자: <{tag}>에는 "{attribute}" 속성이 없습니다. 지우세요.',
  ssml_badValue: '{at}번째 문자: <{tag}>에 {attribute}="{value}"는 쓸 수 없습니다. 가능한 값: {expected}.',
  ssml_missingAttribute: '{at}번째 문자: <{tag}>에는 {attribute}="…"가 필요합니다. 예: {attribute}="{expected}".',
  ssml_notEmpty: '{at}번째 문자: <{tag}>에는 내용을 넣을 수 없습니다. <{tag} … />로 쓰세요.',
  ssml_unclosed: '{at}번째 문자: <{tag}>가 닫히지 않았습니다. </{tag}>를 추가하세요.',
  ssml_mismatched: '{at}번째 문자: </{tag}>가 다른 태그를 닫습니다. 안쪽 태그를 먼저 닫으세요.',
  ssml_strayClose: '{at}번째 문자: </{tag}>로 닫을 태그가 없습니다. 지우세요.',
};

/** The prompt editor's strings (channel wording, SSML and its problems) in every UI language. */
export const PROMPT_MESSAGES: Record<UiLanguage, Record<PromptMessageKey, string>> = { en: EN, 'zh-CN': ZH, ko: KO };

/** A key of {@link PROMPT_MESSAGES}. */
export type { PromptMessageKey };

/** The prompt editor's strings in the chosen UI language, with `{name}` placeholders filled. */
export function usePromptT(): (key: PromptMessageKey, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params = {}) =>
    Object.entries(params).reduce(
      (text, [name, value]) => text.replaceAll(`{${name}}`, String(value)),
      PROMPT_MESSAGES[language][key],
    );
}
