import { describe, expect, it } from 'vitest';
import { CAMPAIGN_MESSAGES } from '../campaigns/campaignMessages.ts';
import { FLOW_TEST_MESSAGES } from '../flowTests/flowTestMessages.ts';
import { VOICE_MESSAGES } from '../voice/voiceMessages.ts';
import { IMPORT_MESSAGES } from '../components/ImportBatchReport/importMessages.ts';
import { ANALYST_MESSAGES } from './analystMessages.ts';
import { INSIGHTS_MESSAGES } from '../insights/insightsMessages.ts';
import { RULE_FORM_MESSAGES } from '../insights/ruleFormMessages.ts';
import { SUBFLOW_PIN_MESSAGES } from './subflowPinMessages.ts';
import { CONTACT_MESSAGES } from '../contact/contactMessages.ts';
import { CONTACTS_PAGE_MESSAGES } from '../contacts/contactsPageMessages.ts';
import { MESSAGES, UI_LANGUAGES, type UiLanguage } from './messages.ts';

/** Every table of visible strings the designer ships, by the file that owns it. */
const TABLES: Record<string, Record<UiLanguage, Record<string, string>>> = {
  'i18n/messages.ts': MESSAGES,
  'i18n/analystMessages.ts': ANALYST_MESSAGES,
  'flowTests/flowTestMessages.ts': FLOW_TEST_MESSAGES,
  'voice/voiceMessages.ts': VOICE_MESSAGES,
  'insights/insightsMessages.ts': INSIGHTS_MESSAGES,
  'insights/ruleFormMessages.ts': RULE_FORM_MESSAGES,
  'i18n/subflowPinMessages.ts': SUBFLOW_PIN_MESSAGES,
  'contact/contactMessages.ts': CONTACT_MESSAGES,
  'components/ImportBatchReport/importMessages.ts': IMPORT_MESSAGES,
  'contacts/contactsPageMessages.ts': CONTACTS_PAGE_MESSAGES,
  'campaigns/campaignMessages.ts': CAMPAIGN_MESSAGES,
};

/**
 * Strings that are rightly the same in a translation as in English (names, formats, product words).
 * Keep this short: anything else equal to English is an untranslated string.
 */
const SAME_AS_ENGLISH = new Set(['jsonView']);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').toSorted();
}

describe('translation completeness (issue 20, point 5)', () => {
  const others = UI_LANGUAGES.map((l) => l.id).filter((id) => id !== 'en');
  for (const [file, table] of Object.entries(TABLES)) {
    for (const language of others) {
      it(`${file}: every English string has a ${language} translation with the same placeholders`, () => {
        const missing: string[] = [];
        for (const [key, english] of Object.entries(table.en)) {
          const translated = table[language][key];
          if (translated === undefined || translated.trim() === '') missing.push(`${key}: missing`);
          else if (placeholders(translated).join() !== placeholders(english).join())
            missing.push(`${key}: placeholders ${placeholders(translated).join()} ≠ ${placeholders(english).join()}`);
          else if (translated === english && /[a-z]{3}/i.test(english) && !SAME_AS_ENGLISH.has(key))
            missing.push(`${key}: still English`);
        }
        const extra = Object.keys(table[language]).filter((key) => !(key in table.en));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });
    }
  }
});
