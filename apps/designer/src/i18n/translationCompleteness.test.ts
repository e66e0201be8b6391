import { describe, expect, it } from 'vitest';
import type { NodeTypeSpec } from '@omniflow/flow-schema';
import { builtInSpecs } from '@omniflow/flow-engine/specs';
import { bankingDefinitions } from '@omniflow/plugin-banking/definitions';
import { loyaltyTierSpec } from '@omniflow/plugin-example-crm/definitions';
import { CAMPAIGN_MESSAGES } from '../campaigns/campaignMessages.ts';
import { FLOW_TEST_MESSAGES } from '../flowTests/flowTestMessages.ts';
import { VOICE_MESSAGES } from '../voice/voiceMessages.ts';
import { IMPORT_MESSAGES } from '../components/ImportBatchReport/importMessages.ts';
import { ANALYST_MESSAGES } from './analystMessages.ts';
import { CANVAS_MESSAGES } from './canvasMessages.ts';
import { INSIGHTS_MESSAGES } from '../insights/insightsMessages.ts';
import { RULE_FORM_MESSAGES } from '../insights/ruleFormMessages.ts';
import { SUBFLOW_PIN_MESSAGES } from './subflowPinMessages.ts';
import { CONTACT_MESSAGES } from '../contact/contactMessages.ts';
import { CONTACTS_PAGE_MESSAGES } from '../contacts/contactsPageMessages.ts';
import { PROMPT_MESSAGES } from '../components/PromptVariants/promptMessages.ts';
import { VOICES_MESSAGES } from '../voices/voicesMessages.ts';
import { MESSAGES, UI_LANGUAGES, type UiLanguage } from './messages.ts';

/** Every table of visible strings the designer ships, by the file that owns it. */
const TABLES: Record<string, Record<UiLanguage, Record<string, string>>> = {
  'i18n/messages.ts': MESSAGES,
  'i18n/analystMessages.ts': ANALYST_MESSAGES,
  'i18n/canvasMessages.ts': CANVAS_MESSAGES,
  'flowTests/flowTestMessages.ts': FLOW_TEST_MESSAGES,
  'voice/voiceMessages.ts': VOICE_MESSAGES,
  'insights/insightsMessages.ts': INSIGHTS_MESSAGES,
  'insights/ruleFormMessages.ts': RULE_FORM_MESSAGES,
  'i18n/subflowPinMessages.ts': SUBFLOW_PIN_MESSAGES,
  'contact/contactMessages.ts': CONTACT_MESSAGES,
  'components/ImportBatchReport/importMessages.ts': IMPORT_MESSAGES,
  'contacts/contactsPageMessages.ts': CONTACTS_PAGE_MESSAGES,
  'campaigns/campaignMessages.ts': CAMPAIGN_MESSAGES,
  'components/PromptVariants/promptMessages.ts': PROMPT_MESSAGES,
  'voices/voicesMessages.ts': VOICES_MESSAGES,
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

/**
 * The words a node type shows in the palette, on its card and in its inspector, per language: title, palette
 * category, description, field labels, help and option names, and fixed port labels (the English ones sit in the spec
 * itself, as `defineNodeSpec` puts them there).
 */
function visibleSpecText(spec: NodeTypeSpec, language: UiLanguage): Map<string, string | undefined> {
  const words = new Map<string, string | undefined>();
  const labels = spec.labels?.[language];
  const english = language === 'en';
  words.set('title', english ? spec.title : labels?.title);
  words.set('category', english ? spec.category : labels?.category);
  words.set('description', english ? spec.description : labels?.description);
  for (const [pointer, hint] of Object.entries(spec.ui ?? {})) {
    if (hint.hidden === true) continue;
    const field = english ? hint : labels?.fields?.[pointer];
    if (hint.label !== undefined) words.set(`field ${pointer}`, field?.label);
    if (hint.help !== undefined) words.set(`help ${pointer}`, field?.help);
    for (const value of Object.keys(hint.options ?? {}))
      words.set(`option ${pointer}=${value}`, field?.options?.[value]);
  }
  for (const port of spec.ports) {
    if ('name' in port && port.label !== undefined)
      words.set(`port ${port.name}`, english ? port.label : labels?.ports?.[port.name]);
  }
  return words;
}

/** Words rightly the same in every language (acronyms and units). */
const SAME_IN_EVERY_LANGUAGE = /^(?:[A-Z]{2,5}|[A-Z]{2,5} \(?[a-z]{1,3}\)?|ms|URL)$/;

describe('node type words (issue 20, point 5: palette categories and plugin nodes)', () => {
  const specs: NodeTypeSpec[] = [
    ...builtInSpecs.map((definition) => definition.spec),
    ...bankingDefinitions,
    loyaltyTierSpec.spec,
  ];
  const others = UI_LANGUAGES.map((l) => l.id).filter((id) => id !== 'en');
  for (const spec of specs) {
    it(`${spec.type}${spec.pack ? ` (${spec.pack} pack)` : ''} shows every word in zh-CN and ko`, () => {
      const english = visibleSpecText(spec, 'en');
      const missing: string[] = [];
      for (const language of others) {
        const translated = visibleSpecText(spec, language);
        for (const [key, word] of english) {
          const local = translated.get(key);
          if (word === undefined || word.trim() === '') continue;
          if (local === undefined || local.trim() === '') missing.push(`${language} ${key}: missing`);
          else if (local === word && !SAME_IN_EVERY_LANGUAGE.test(word))
            missing.push(`${language} ${key}: still English`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('gives one category one name per language, so the palette does not split a group', () => {
    const names = new Map<string, Set<string>>();
    for (const spec of specs)
      for (const language of others) {
        const key = `${language} ${spec.category}`;
        names.set(key, (names.get(key) ?? new Set()).add(spec.labels?.[language]?.category ?? spec.category));
      }
    const split = [...names]
      .filter(([, words]) => words.size > 1)
      .map(([key, words]) => `${key}: ${[...words].join(' / ')}`);
    expect(split).toEqual([]);
  });
});
