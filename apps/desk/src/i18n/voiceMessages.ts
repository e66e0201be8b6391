import { fillMessage, useDeskLanguage, type DeskLanguage } from './deskMessages.ts';

const EN = {
  voiceCall: 'Voice call',
  'leg.connecting': 'Connecting the audio…',
  'leg.live': 'Live — you are talking with the caller',
  'leg.muted': 'Muted — the caller cannot hear you',
  'leg.held': 'On hold — the caller hears hold music',
  'leg.secureFlow': 'The caller is in a secure flow; you hear nothing until it ends',
  'leg.ended': 'The call has ended',
  'leg.noMicrophone': 'No microphone: {message}',
  'leg.unavailable': 'The audio of this call is not here (reload the desk).',
  mute: 'Mute',
  unmute: 'Unmute',
  hold: 'Hold',
  resume: 'Resume',
  hangUp: 'Hang up',
  dialBridge:
    'The call rings on the phone of your agent profile; talk there. The call ends when you hang up that phone.',
  callback: 'Callback requested',
  callbackNumber: 'Call the customer back at {number}; they kept their place in the queue.',
  callbackNoNumber: 'Call the customer back; the number is not known.',
  callBack: 'Call back',
  callbackOutcome: 'Callback result: {outcome}',
  'twilio.live': 'Connected — you talk on your phone',
  'twilio.calling': 'Calling — your phone rings first, then the customer',
  'twilio.held': 'On hold — the caller hears hold music',
  'twilio.refused': 'Not done: {message}',
};

type VoiceMessageKey = keyof typeof EN;

const ZH: Record<VoiceMessageKey, string> = {
  voiceCall: '语音通话',
  'leg.connecting': '正在接通音频…',
  'leg.live': '通话中 — 您正在与来电者通话',
  'leg.muted': '已静音 — 来电者听不到您',
  'leg.held': '保持中 — 来电者正在听等待音乐',
  'leg.secureFlow': '来电者正在安全流程中；流程结束前您听不到任何内容',
  'leg.ended': '通话已结束',
  'leg.noMicrophone': '没有麦克风：{message}',
  'leg.unavailable': '此通话的音频不在这里（请重新加载工作台）。',
  mute: '静音',
  unmute: '取消静音',
  hold: '保持',
  resume: '恢复',
  hangUp: '挂断',
  dialBridge: '通话将呼入您坐席资料中的电话，请在该电话上交谈。挂断该电话即结束通话。',
  callback: '客户请求回电',
  callbackNumber: '请回电给客户：{number}；客户保留了排队位置。',
  callbackNoNumber: '请回电给客户；号码未知。',
  callBack: '回电',
  callbackOutcome: '回电结果：{outcome}',
  'twilio.live': '已接通 — 请在您的电话上交谈',
  'twilio.calling': '正在呼叫 — 先呼叫您的电话，再呼叫客户',
  'twilio.held': '保持中 — 来电者正在听等待音乐',
  'twilio.refused': '未完成：{message}',
};

const KO: Record<VoiceMessageKey, string> = {
  voiceCall: '음성 통화',
  'leg.connecting': '오디오 연결 중…',
  'leg.live': '통화 중 — 고객과 통화하고 있습니다',
  'leg.muted': '음소거 — 고객에게 들리지 않습니다',
  'leg.held': '보류 중 — 고객은 대기 음악을 듣고 있습니다',
  'leg.secureFlow': '고객이 보안 흐름을 진행 중입니다. 끝날 때까지 아무것도 들리지 않습니다',
  'leg.ended': '통화가 끝났습니다',
  'leg.noMicrophone': '마이크 없음: {message}',
  'leg.unavailable': '이 통화의 오디오가 여기 없습니다(데스크를 새로 고치세요).',
  mute: '음소거',
  unmute: '음소거 해제',
  hold: '보류',
  resume: '재개',
  hangUp: '끊기',
  dialBridge: '통화가 상담원 프로필의 전화로 연결됩니다. 그 전화로 통화하세요. 전화를 끊으면 통화가 끝납니다.',
  callback: '콜백 요청',
  callbackNumber: '{number}(으)로 고객에게 다시 전화하세요. 고객의 대기 순서는 유지되었습니다.',
  callbackNoNumber: '고객에게 다시 전화하세요. 번호를 알 수 없습니다.',
  callBack: '다시 전화하기',
  callbackOutcome: '콜백 결과: {outcome}',
  'twilio.live': '연결됨 — 전화기로 통화하세요',
  'twilio.calling': '전화 거는 중 — 먼저 상담원 전화가 울리고, 이어서 고객에게 겁니다',
  'twilio.held': '보류 중 — 고객은 대기 음악을 듣고 있습니다',
  'twilio.refused': '처리되지 않음: {message}',
};

/** The voice leg's messages in each desk language (its own module, beside the desk's catalogue). */
export const VOICE_MESSAGES: Record<DeskLanguage, Record<VoiceMessageKey, string>> = { en: EN, 'zh-CN': ZH, ko: KO };

/** Translates a voice message in the desk's chosen language, filling `{name}` parameters. */
export function translateVoice(
  language: DeskLanguage,
  key: VoiceMessageKey,
  params: Record<string, string | number> = {},
): string {
  return fillMessage(VOICE_MESSAGES[language][key], params);
}

/** The voice leg's translate function for the desk's chosen language. */
export function useVoiceT(): (key: VoiceMessageKey, params?: Record<string, string | number>) => string {
  const language = useDeskLanguage((s) => s.language);
  return (key, params) => translateVoice(language, key, params);
}
