/** The languages the hold prompts are written in (the TTS speaks all three). */
type HoldLanguage = 'en' | 'zh-CN' | 'ko';

/** A waiting caller's place, as the router estimates it. */
export interface HoldPlace {
  position: number;
  estimatedWaitSeconds: number;
}

/**
 * What a voice caller waiting for an agent hears every N seconds, in the session's locale: their place and wait,
 * the queue's own message, and how to ask for a callback (a key) that keeps the place.
 */
export function holdPrompt(
  locale: string,
  place: HoldPlace | undefined,
  options: { announcePosition: boolean; message?: string; callbackKey: string | null },
): string {
  const language = holdLanguage(locale);
  const parts: string[] = [];
  if (options.announcePosition && place) {
    const minutes = Math.max(1, Math.round(place.estimatedWaitSeconds / 60));
    parts.push(PLACE[language](place.position, minutes));
  }
  if (options.message) parts.push(options.message);
  if (options.callbackKey !== null) parts.push(CALLBACK_OFFER[language](options.callbackKey));
  return parts.join(language === 'zh-CN' ? '' : ' ');
}

/** Said once the caller pressed the callback key, before the call ends. */
export function callbackConfirmation(locale: string): string {
  return CALLBACK_TAKEN[holdLanguage(locale)];
}

/** Said when the waiting call cannot go on (the contact left the queue without an agent). */
export function queueClosedPrompt(locale: string): string {
  return QUEUE_OVER[holdLanguage(locale)];
}

/** `zh-CN`, `zh`, `zh-Hans-CN` → zh-CN; `ko`, `ko-KR` → ko; anything else → en. */
export function holdLanguage(locale: string): HoldLanguage {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'ko') return 'ko';
  return 'en';
}

const PLACE: Record<HoldLanguage, (position: number, minutes: number) => string> = {
  en: (position, minutes) =>
    `You are number ${position} in the queue. The estimated wait is about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  'zh-CN': (position, minutes) => `您目前排在第${position}位，预计等待约${minutes}分钟。`,
  ko: (position, minutes) => `현재 대기 순서는 ${position}번째입니다. 예상 대기 시간은 약 ${minutes}분입니다.`,
};

const CALLBACK_OFFER: Record<HoldLanguage, (key: string) => string> = {
  en: (key) => `To be called back without losing your place, press ${key}.`,
  'zh-CN': (key) => `如需保留排队位置并等候回电，请按${key}。`,
  ko: (key) => `대기 순서를 유지한 채 다시 전화를 받으시려면 ${key}번을 누르세요.`,
};

const CALLBACK_TAKEN: Record<HoldLanguage, string> = {
  en: 'Thank you. You keep your place in the queue, and an agent will call you back at the number you called from. Goodbye.',
  'zh-CN': '谢谢。您的排队位置保持不变，坐席将按您的来电号码给您回电。再见。',
  ko: '감사합니다. 대기 순서는 그대로 유지되며, 상담원이 전화하신 번호로 다시 연락드리겠습니다. 안녕히 계세요.',
};

const QUEUE_OVER: Record<HoldLanguage, string> = {
  en: 'Sorry, no agent can take your call now. Please call again later. Goodbye.',
  'zh-CN': '抱歉，目前没有坐席可以接听您的电话。请稍后再拨。再见。',
  ko: '죄송합니다. 지금은 상담원이 전화를 받을 수 없습니다. 나중에 다시 걸어 주세요. 안녕히 계세요.',
};
