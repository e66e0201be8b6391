import { create } from 'zustand';

/** The desk's UI languages. */
export type DeskLanguage = 'en' | 'zh-CN' | 'ko';
export const DESK_LANGUAGES: readonly DeskLanguage[] = ['en', 'zh-CN', 'ko'];

const EN = {
  title: 'Agent desk',
  signIn: 'Sign in',
  login: 'Login',
  password: 'Password',
  signInFailed: 'Unknown login or wrong password.',
  signOut: 'Sign out',
  language: 'Language',
  state: 'State',
  'state.offline': 'Offline',
  'state.available': 'Available',
  'state.busy': 'Busy',
  'state.afterCallWork': 'After-call work',
  'state.break': 'Break',
  breakReason: 'Break reason',
  'reason.lunch': 'Lunch',
  'reason.training': 'Training',
  'reason.coffee': 'Coffee',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offers: 'Offers',
  noOffers: 'No contact is ringing.',
  offerFrom: 'Contact from {queue}',
  accept: 'Accept',
  decline: 'Decline',
  secondsLeft: '{seconds} s left',
  myContacts: 'My contacts',
  noContacts: 'No open contacts. Set yourself available to receive offers.',
  customer: 'Customer',
  reason: 'Reason',
  variables: 'What the bot collected',
  transcript: 'Bot transcript',
  path: 'Path through the flow',
  previous: 'Previous contacts',
  noPrevious: 'None',
  chat: 'Chat',
  typeMessage: 'Type a message',
  send: 'Send',
  typing: 'The customer is typing…',
  delivered: 'delivered',
  read: 'read',
  transfer: 'Transfer',
  toQueue: 'To queue',
  toAgent: 'To agent',
  note: 'Note for the next agent',
  sendToFlow: 'Send to a flow',
  flowHint: 'The customer goes through it; you see only how it ended.',
  flowNode: 'Node to start at',
  flowStartNode: 'Start of the flow',
  endChat: 'End chat',
  wrapUp: 'Wrap-up',
  disposition: 'Disposition',
  notes: 'Notes',
  finishWrapUp: 'Finish wrap-up',
  acwLeft: 'After-call work: {seconds} s left',
  chatEnded: 'The chat has ended.',
  supervisor: 'Supervisor',
  queues: 'Queues',
  queue: 'Queue',
  waiting: 'Waiting',
  longestWait: 'Longest wait',
  serviceLevel: 'Service level (20 s)',
  abandoned: 'Abandoned',
  answered: 'Answered',
  agents: 'Agents',
  agent: 'Agent',
  timeInState: 'Time in state',
  waitingContacts: 'Waiting contacts',
  move: 'Move',
  readAlong: 'Read along',
  liveChats: 'Live chats',
  readingAlong: 'Reading along: {contact}',
  seconds: '{seconds} s',
  error: 'Error: {message}',
} as const;

/** A message key of the desk. */
export type DeskMessageKey = keyof typeof EN;

const ZH: Record<DeskMessageKey, string> = {
  title: '坐席工作台',
  signIn: '登录',
  login: '账号',
  password: '密码',
  signInFailed: '账号不存在或密码错误。',
  signOut: '退出',
  language: '语言',
  state: '状态',
  'state.offline': '离线',
  'state.available': '空闲',
  'state.busy': '忙碌',
  'state.afterCallWork': '话后处理',
  'state.break': '小休',
  breakReason: '小休原因',
  'reason.lunch': '午餐',
  'reason.training': '培训',
  'reason.coffee': '休息片刻',
  connected: '已连接',
  reconnecting: '正在重新连接…',
  offers: '来电分配',
  noOffers: '暂无分配。',
  offerFrom: '来自 {queue} 的客户',
  accept: '接受',
  decline: '拒绝',
  secondsLeft: '剩余 {seconds} 秒',
  myContacts: '我的会话',
  noContacts: '没有进行中的会话。设为空闲即可接收分配。',
  customer: '客户',
  reason: '原因',
  variables: '机器人收集的信息',
  transcript: '机器人对话记录',
  path: '流程路径',
  previous: '历史联系',
  noPrevious: '无',
  chat: '聊天',
  typeMessage: '输入消息',
  send: '发送',
  typing: '客户正在输入…',
  delivered: '已送达',
  read: '已读',
  transfer: '转接',
  toQueue: '转到队列',
  toAgent: '转给坐席',
  note: '给下一位坐席的备注',
  sendToFlow: '转入流程',
  flowHint: '客户在流程中操作；您只看到结果。',
  flowNode: '起始节点',
  flowStartNode: '流程开头',
  endChat: '结束会话',
  wrapUp: '话后小结',
  disposition: '处理结果',
  notes: '备注',
  finishWrapUp: '完成小结',
  acwLeft: '话后处理：剩余 {seconds} 秒',
  chatEnded: '会话已结束。',
  supervisor: '班长视图',
  queues: '队列',
  queue: '队列',
  waiting: '排队中',
  longestWait: '最长等待',
  serviceLevel: '服务水平（20 秒）',
  abandoned: '放弃',
  answered: '已接听',
  agents: '坐席',
  agent: '坐席',
  timeInState: '状态时长',
  waitingContacts: '排队中的客户',
  move: '移动',
  readAlong: '旁听',
  liveChats: '进行中的聊天',
  readingAlong: '正在旁听：{contact}',
  seconds: '{seconds} 秒',
  error: '错误：{message}',
};

const KO: Record<DeskMessageKey, string> = {
  title: '상담원 데스크',
  signIn: '로그인',
  login: '아이디',
  password: '비밀번호',
  signInFailed: '아이디가 없거나 비밀번호가 틀렸습니다.',
  signOut: '로그아웃',
  language: '언어',
  state: '상태',
  'state.offline': '오프라인',
  'state.available': '대기',
  'state.busy': '상담 중',
  'state.afterCallWork': '후처리',
  'state.break': '휴식',
  breakReason: '휴식 사유',
  'reason.lunch': '점심',
  'reason.training': '교육',
  'reason.coffee': '잠시 휴식',
  connected: '연결됨',
  reconnecting: '다시 연결하는 중…',
  offers: '배정 요청',
  noOffers: '배정 요청이 없습니다.',
  offerFrom: '{queue} 고객',
  accept: '수락',
  decline: '거절',
  secondsLeft: '{seconds}초 남음',
  myContacts: '내 상담',
  noContacts: '진행 중인 상담이 없습니다. 대기 상태로 바꾸면 배정을 받습니다.',
  customer: '고객',
  reason: '사유',
  variables: '봇이 수집한 정보',
  transcript: '봇 대화 기록',
  path: '플로우 경로',
  previous: '이전 상담',
  noPrevious: '없음',
  chat: '채팅',
  typeMessage: '메시지 입력',
  send: '보내기',
  typing: '고객이 입력 중입니다…',
  delivered: '전달됨',
  read: '읽음',
  transfer: '이관',
  toQueue: '대기열로',
  toAgent: '상담원에게',
  note: '다음 상담원에게 남길 메모',
  sendToFlow: '플로우로 보내기',
  flowHint: '고객이 플로우를 진행하고, 상담원은 결과만 봅니다.',
  flowNode: '시작할 노드',
  flowStartNode: '플로우 처음부터',
  endChat: '상담 종료',
  wrapUp: '마무리',
  disposition: '처리 결과',
  notes: '메모',
  finishWrapUp: '마무리 완료',
  acwLeft: '후처리: {seconds}초 남음',
  chatEnded: '상담이 종료되었습니다.',
  supervisor: '관리자 화면',
  queues: '대기열',
  queue: '대기열',
  waiting: '대기 중',
  longestWait: '최장 대기',
  serviceLevel: '서비스 수준(20초)',
  abandoned: '포기',
  answered: '응대',
  agents: '상담원',
  agent: '상담원',
  timeInState: '상태 유지 시간',
  waitingContacts: '대기 중인 고객',
  move: '이동',
  readAlong: '함께 보기',
  liveChats: '진행 중인 채팅',
  readingAlong: '함께 보는 중: {contact}',
  seconds: '{seconds}초',
  error: '오류: {message}',
};

/** Every desk message in every UI language (the completeness test reads this). */
export const DESK_MESSAGES: Record<DeskLanguage, Record<DeskMessageKey, string>> = { en: EN, 'zh-CN': ZH, ko: KO };

const STORAGE_KEY = 'omniflow-desk-language';

function initialLanguage(): DeskLanguage {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const found = DESK_LANGUAGES.find((language) => language === stored);
  if (found) return found;
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language;
  if (browser.startsWith('zh')) return 'zh-CN';
  return browser.startsWith('ko') ? 'ko' : 'en';
}

/** The desk's chosen UI language (kept in the browser). */
export const useDeskLanguage = create<{ language: DeskLanguage; setLanguage(language: DeskLanguage): void }>((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    localStorage.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** Translates a desk message in the chosen language, filling `{name}` parameters. */
export function translateDesk(
  language: DeskLanguage,
  key: DeskMessageKey,
  params: Record<string, string | number> = {},
): string {
  return fillMessage(DESK_MESSAGES[language][key], params);
}

/** Fills the `{name}` parameters of a message template. */
export function fillMessage(template: string, params: Record<string, string | number>): string {
  return Object.entries(params).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), template);
}

/** The desk's translate function for the chosen language. */
export function useDeskT(): (key: DeskMessageKey, params?: Record<string, string | number>) => string {
  const language = useDeskLanguage((s) => s.language);
  return (key, params) => translateDesk(language, key, params);
}
