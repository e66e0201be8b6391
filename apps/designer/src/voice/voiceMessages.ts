import { useUiLanguage } from '../i18n/useT.ts';
import type { UiLanguage } from '../i18n/messages.ts';

const EN = {
  microphone: 'Microphone',
  call: 'Call with microphone',
  hangUp: 'Hang up',
  voiceCall: 'Voice call',
  draftNote: 'Runs the saved draft through the runtime’s speech recognition and synthesis.',
  status_idle: 'Ready',
  status_connecting: 'Connecting…',
  status_speaking: 'Playing a prompt',
  status_listening: 'Listening',
  status_hearing: 'Hearing speech',
  status_recognizing: 'Recognizing',
  status_ended: 'Call ended',
  heard: 'Heard: {text} ({confidence}%)',
  notUnderstood: '(not understood)',
  keys: 'Keys: {digits}',
  bargeIn: '(prompt interrupted)',
  noInput: '(silence)',
  ended: 'Call ended ({reason}).',
  transferredTo: 'Transferred to {queue}.',
  audioReceived: 'Prompt audio: {kb} kB',
  key: 'key {digit}',
  keypad: 'Phone keypad',
};

type VoiceMessageKey = keyof typeof EN;

/** The voice call panel's strings in every UI language. */
export const VOICE_MESSAGES: Record<UiLanguage, Record<VoiceMessageKey, string>> = {
  en: EN,
  'zh-CN': {
    microphone: '麦克风',
    call: '用麦克风呼叫',
    hangUp: '挂断',
    voiceCall: '语音通话',
    draftNote: '用运行时的语音识别和合成运行已保存的草稿。',
    status_idle: '就绪',
    status_connecting: '正在连接…',
    status_speaking: '正在播放提示',
    status_listening: '正在聆听',
    status_hearing: '听到语音',
    status_recognizing: '正在识别',
    status_ended: '通话已结束',
    heard: '识别结果：{text}（{confidence}%）',
    notUnderstood: '（未听懂）',
    keys: '按键：{digits}',
    bargeIn: '（提示被打断）',
    noInput: '（无声）',
    ended: '通话已结束（{reason}）。',
    transferredTo: '已转接至 {queue}。',
    audioReceived: '提示音频：{kb} kB',
    key: '按键 {digit}',
    keypad: '电话键盘',
  },
  ko: {
    microphone: '마이크',
    call: '마이크로 통화',
    hangUp: '통화 종료',
    voiceCall: '음성 통화',
    draftNote: '저장된 초안을 런타임의 음성 인식과 합성으로 실행합니다.',
    status_idle: '준비됨',
    status_connecting: '연결 중…',
    status_speaking: '안내 재생 중',
    status_listening: '듣는 중',
    status_hearing: '음성 감지',
    status_recognizing: '인식 중',
    status_ended: '통화 종료됨',
    heard: '인식: {text} ({confidence}%)',
    notUnderstood: '(인식 실패)',
    keys: '키: {digits}',
    bargeIn: '(안내 중단됨)',
    noInput: '(무음)',
    ended: '통화 종료 ({reason}).',
    transferredTo: '{queue}(으)로 연결됨.',
    audioReceived: '안내 음성: {kb} kB',
    key: '키 {digit}',
    keypad: '전화 키패드',
  },
};

/** The voice simulator's UI strings in the chosen UI language, with `{name}` placeholders filled. */
export function useVoiceT(): (key: VoiceMessageKey, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params) => {
    const template = VOICE_MESSAGES[language][key];
    return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
  };
}
