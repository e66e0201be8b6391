import type { UiLanguage } from '../i18n/messages.ts';
import { useMessageTable } from '../i18n/useMessageTable.ts';

const EN = {
  voices: 'Voices',
  voicesHelp:
    'The voice each language is spoken in. Twilio speaks calls answered by its webhook; the voice gateway speaks media-stream and browser calls.',
  twilioVoice: 'Twilio voice',
  localVoice: 'Voice gateway voice',
  defaultVoice: 'Default ({voice})',
  noVoice: 'Default of the account',
  unknownVoice: '"{voice}" is not a voice for {locale}. Choose one of: {allowed}.',
  noVoices: 'Omniflow offers no voice choice for {locale}; the default voice is used.',
  recording: 'Recording for phone calls',
  recordingHelp:
    'A WAV or MP3 file (at most {mb} MB) played instead of the spoken text on phone calls. Chat shows the text.',
  upload: 'Upload a recording',
  uploading: 'Uploading…',
  remove: 'Remove the recording',
  uploaded: 'Recording {name} ({seconds} s) is used for {locale}.',
  current: 'This prompt plays a recording in {locale}.',
  AUDIO_TYPE: '"{name}" is not a WAV or MP3 file. Export the recording as WAV or MP3 and upload it again.',
  AUDIO_TOO_LARGE: '"{name}" is {size} MB; a recording may be at most {mb} MB. Shorten it or save it as MP3.',
  AUDIO_FORMAT: '"{name}" is not really a WAV or MP3 file (its content does not match its type). Export it again.',
  AUDIO_UNREADABLE: '"{name}" cannot be played. Export it again as 16-bit PCM WAV or as MP3.',
  AUDIO_TOO_LONG: '"{name}" is too long: a prompt may last at most 5 minutes. Cut it into several prompts.',
  uploadFailed: 'The upload of "{name}" failed: {message}',
};

type VoicesMessageKey = keyof typeof EN;

const ZH: Record<VoicesMessageKey, string> = {
  voices: '语音',
  voicesHelp: '每种语言使用的朗读声音。Twilio 朗读由其 Webhook 接听的电话；语音网关朗读媒体流和浏览器通话。',
  twilioVoice: 'Twilio 声音',
  localVoice: '语音网关声音',
  defaultVoice: '默认（{voice}）',
  noVoice: '账户默认声音',
  unknownVoice: '“{voice}”不是 {locale} 的可用声音。请从以下选择：{allowed}。',
  noVoices: 'Omniflow 没有为 {locale} 提供可选声音，将使用默认声音。',
  recording: '电话录音',
  recordingHelp: 'WAV 或 MP3 文件（最大 {mb} MB），在电话中代替朗读文本播放。聊天中显示文本。',
  upload: '上传录音',
  uploading: '正在上传…',
  remove: '删除录音',
  uploaded: '{locale} 使用录音 {name}（{seconds} 秒）。',
  current: '此提示语在 {locale} 中播放录音。',
  AUDIO_TYPE: '“{name}”不是 WAV 或 MP3 文件。请将录音导出为 WAV 或 MP3 后重新上传。',
  AUDIO_TOO_LARGE: '“{name}”大小为 {size} MB；录音最大为 {mb} MB。请剪短或保存为 MP3。',
  AUDIO_FORMAT: '“{name}”的内容与其类型不符，并不是真正的 WAV 或 MP3 文件。请重新导出。',
  AUDIO_UNREADABLE: '“{name}”无法播放。请重新导出为 16 位 PCM WAV 或 MP3。',
  AUDIO_TOO_LONG: '“{name}”太长：一条提示语最长 5 分钟。请拆分为多条提示语。',
  uploadFailed: '“{name}”上传失败：{message}',
};

const KO: Record<VoicesMessageKey, string> = {
  voices: '음성',
  voicesHelp:
    '언어별로 읽어 줄 음성입니다. Twilio는 웹훅으로 받은 전화를, 음성 게이트웨이는 미디어 스트림과 브라우저 통화를 읽습니다.',
  twilioVoice: 'Twilio 음성',
  localVoice: '음성 게이트웨이 음성',
  defaultVoice: '기본값 ({voice})',
  noVoice: '계정 기본 음성',
  unknownVoice: '"{voice}"은(는) {locale}의 음성이 아닙니다. 다음 중에서 고르세요: {allowed}.',
  noVoices: 'Omniflow는 {locale}에 고를 수 있는 음성을 제공하지 않으며 기본 음성을 사용합니다.',
  recording: '전화용 녹음',
  recordingHelp: '전화에서 문구 대신 재생할 WAV 또는 MP3 파일(최대 {mb}MB)입니다. 채팅에는 문구가 표시됩니다.',
  upload: '녹음 업로드',
  uploading: '업로드 중…',
  remove: '녹음 삭제',
  uploaded: '{locale}에 녹음 {name}({seconds}초)을(를) 사용합니다.',
  current: '이 안내는 {locale}에서 녹음을 재생합니다.',
  AUDIO_TYPE: '"{name}"은(는) WAV나 MP3 파일이 아닙니다. 녹음을 WAV나 MP3로 내보낸 뒤 다시 올리세요.',
  AUDIO_TOO_LARGE: '"{name}"의 크기는 {size}MB입니다. 녹음은 최대 {mb}MB입니다. 줄이거나 MP3로 저장하세요.',
  AUDIO_FORMAT: '"{name}"의 내용이 형식과 맞지 않아 실제 WAV나 MP3 파일이 아닙니다. 다시 내보내세요.',
  AUDIO_UNREADABLE: '"{name}"을(를) 재생할 수 없습니다. 16비트 PCM WAV나 MP3로 다시 내보내세요.',
  AUDIO_TOO_LONG: '"{name}"이(가) 너무 깁니다. 안내 하나는 최대 5분입니다. 여러 안내로 나누세요.',
  uploadFailed: '"{name}" 업로드에 실패했습니다: {message}',
};

/** The voices panel's and the prompt recording's strings in every UI language (issue 20). */
export const VOICES_MESSAGES: Record<UiLanguage, Record<VoicesMessageKey, string>> = { en: EN, 'zh-CN': ZH, ko: KO };

/** A key of {@link VOICES_MESSAGES}. */
export type { VoicesMessageKey };

/** The voices strings in the chosen UI language, with `{name}` placeholders filled. */
export function useVoicesT(): (key: VoicesMessageKey, params?: Record<string, string | number>) => string {
  return useMessageTable(VOICES_MESSAGES);
}
