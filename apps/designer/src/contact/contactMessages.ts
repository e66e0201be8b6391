import type { ContactField } from '@omniflow/flow-schema';
import { useUiLanguage } from '../i18n/useT.ts';
import type { UiLanguage } from '../i18n/messages.ts';

const EN = {
  insertVariable: 'Insert a variable…',
  flowVariables: 'Flow variables',
  contactVariables: 'Contact (system, read-only)',
  readOnly: 'read-only',
  testContact: 'Test contact',
  direction: 'Direction',
  inbound: 'Inbound',
  outbound: 'Outbound',
  callerNumber: 'Caller number',
  attributes: 'Attributes (one name=value per line)',
  attributeLineProblem: 'Line {line}: write name=value (a letter first; letters, digits, _ or -).',
  contactShown: 'Contact',
  'field.id': 'The contact’s id (the session id).',
  'field.channel': 'How the caller reached us: dtmf, voice or chat.',
  'field.direction': 'inbound (the caller called us) or outbound (we called them).',
  'field.callerNumber': 'The caller’s number in E.164 (+14155550100), when known. Masked when shown.',
  'field.dialedNumber': 'The number that was called (ours on inbound calls). Masked when shown.',
  'field.locale': 'The language of the conversation; follows a language switch.',
  'field.startedAt': 'When the contact started (ISO date and time).',
  'field.previousContacts': 'This caller’s contacts in the last 7 days (repeat callers).',
  'field.customerId': 'The customer, once a verification succeeded; empty before. Masked when shown.',
  'field.attributes': 'Attributes from the channel: contact.attributes.<name> (call parameters, chat page data).',
  'field.sentiment': 'Mood of the caller’s last turn, from -1 (upset) to 1 (happy); empty before any.',
  'field.sentimentTrend': 'Where the mood is heading over the last turns: improving, stable or worsening.',
};

/** The contact system variable's strings (issue 15): pickers, field descriptions, the simulator's test contact. */
export type ContactMessageKey = keyof typeof EN;

/** Every contact string in each UI language. */
export const CONTACT_MESSAGES: Record<UiLanguage, Record<ContactMessageKey, string>> = {
  en: EN,
  'zh-CN': {
    insertVariable: '插入变量…',
    flowVariables: '流程变量',
    contactVariables: '联系信息（系统，只读）',
    readOnly: '只读',
    testContact: '测试联系信息',
    direction: '方向',
    inbound: '呼入',
    outbound: '呼出',
    callerNumber: '来电号码',
    attributes: '属性（每行一个 名称=值）',
    attributeLineProblem: '第 {line} 行：请写成 名称=值（以字母开头，只用字母、数字、_ 或 -）。',
    contactShown: '联系信息',
    'field.id': '本次联系的编号（会话编号）。',
    'field.channel': '来电者的渠道：dtmf（按键）、voice（语音）或 chat（文字）。',
    'field.direction': 'inbound（客户打来）或 outbound（我们打出）。',
    'field.callerNumber': '来电者号码，E.164 格式（如 +8613800138000），已知时才有。显示时会被遮盖。',
    'field.dialedNumber': '被拨打的号码（呼入时为我们的号码）。显示时会被遮盖。',
    'field.locale': '对话语言；切换语言后随之改变。',
    'field.startedAt': '联系开始的时间（ISO 日期时间）。',
    'field.previousContacts': '该来电者最近 7 天内的联系次数（回头客）。',
    'field.customerId': '验证成功后的客户编号；验证前为空。显示时会被遮盖。',
    'field.attributes': '渠道带来的属性：contact.attributes.<名称>（呼叫参数、聊天页面数据）。',
    'field.sentiment': '来电者上一句话的情绪，-1（不满）到 1（满意）；尚无时为空。',
    'field.sentimentTrend': '最近几轮的情绪走向：improving（好转）、stable（平稳）或 worsening（变差）。',
  },
  ko: {
    insertVariable: '변수 넣기…',
    flowVariables: '흐름 변수',
    contactVariables: '연락 정보 (시스템, 읽기 전용)',
    readOnly: '읽기 전용',
    testContact: '테스트 연락 정보',
    direction: '방향',
    inbound: '수신',
    outbound: '발신',
    callerNumber: '발신자 번호',
    attributes: '속성 (한 줄에 이름=값 하나)',
    attributeLineProblem: '{line}번째 줄: 이름=값 형식으로 쓰세요 (문자로 시작, 문자·숫자·_·- 만 사용).',
    contactShown: '연락 정보',
    'field.id': '이 연락의 ID (세션 ID).',
    'field.channel': '고객이 연결한 경로: dtmf(키패드), voice(음성) 또는 chat(채팅).',
    'field.direction': 'inbound(고객이 전화함) 또는 outbound(우리가 전화함).',
    'field.callerNumber': '발신자 번호, E.164 형식(+821012345678), 알 때만. 표시할 때 가려집니다.',
    'field.dialedNumber': '걸려 온 번호(수신 시 우리 번호). 표시할 때 가려집니다.',
    'field.locale': '대화 언어. 언어를 바꾸면 따라 바뀝니다.',
    'field.startedAt': '연락이 시작된 시각 (ISO 날짜와 시간).',
    'field.previousContacts': '이 고객의 최근 7일간 연락 횟수 (재문의 고객).',
    'field.customerId': '본인 확인에 성공한 고객 번호. 확인 전에는 비어 있습니다. 표시할 때 가려집니다.',
    'field.attributes': '채널이 보낸 속성: contact.attributes.<이름> (통화 매개변수, 채팅 페이지 데이터).',
    'field.sentiment': '고객 마지막 발화의 감정, -1(불만)부터 1(만족)까지. 아직 없으면 비어 있습니다.',
    'field.sentimentTrend': '최근 발화들의 감정 흐름: improving(좋아짐), stable(그대로), worsening(나빠짐).',
  },
};

/** The description of one contact field in a UI language. */
export function contactFieldDescription(language: UiLanguage, field: ContactField): string {
  return CONTACT_MESSAGES[language][`field.${field}`];
}

/** The contact strings of the current UI language, with `{name}` placeholders filled. */
export function useContactT(): (key: ContactMessageKey, params?: Record<string, string | number>) => string {
  const language = useUiLanguage((s) => s.language);
  return (key, params = {}) =>
    CONTACT_MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}
