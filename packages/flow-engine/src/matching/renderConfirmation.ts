import { exhaustive } from '@omniflow/flow-schema';
import { matchingLanguage } from './normalizeText.ts';
import { koreanParticle } from './wording.ts';

/**
 * The question that confirms a low-confidence recognition (speechDecision → 'confirm'), in the locale's
 * language: "Did you say balance?", "您是说查询余额吗？", "잔액 조회라고 하셨나요?". The answer is read with parseYesNo.
 */
export function renderConfirmation(heard: string, locale: string): string {
  const language = matchingLanguage(locale);
  const text = heard.trim();
  switch (language) {
    case 'en':
      return `Did you say ${text}?`;
    case 'zh':
      return `您是说${text}吗？`;
    case 'ko':
      return `${text}${koreanParticle(text, '이라고', '라고')} 하셨나요?`;
    default:
      return exhaustive(language);
  }
}
