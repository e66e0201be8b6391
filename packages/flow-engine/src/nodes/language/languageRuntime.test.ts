import { describe, expect, it } from 'vitest';
import { buildTestFlow } from '../../testing/buildTestFlow.ts';
import { startTestSession, type TestSessionResult } from '../../testing/startTestSession.ts';

const text = (en: string, zh: string, ko: string) => ({ text: { 'en-US': en, 'zh-CN': zh, 'ko-KR': ko } });

/** A trilingual bank greeting: choose a language, then a menu and a goodbye that must speak the chosen one. */
const bilingualFlow = buildTestFlow(
  [
    {
      id: 'pickLanguage',
      type: 'language',
      config: {
        prompt: text('Welcome to Omnibank.', '欢迎致电全能银行。', '옴니뱅크에 오신 것을 환영합니다.'),
        languages: [
          { locale: 'en-US', key: '1', label: 'English' },
          { locale: 'zh-CN', key: '2', label: '中文', synonyms: ['Chinese', 'Mandarin'] },
          { locale: 'ko-KR', key: '3', label: '한국어', synonyms: ['Korean'] },
        ],
        noMatch: { maxRetries: 1 },
        noInput: { maxRetries: 1 },
      },
      to: { next: 'main', noMatch: 'bye', noInput: 'bye' },
    },
    {
      id: 'main',
      type: 'menu',
      config: {
        prompt: text('Main menu.', '主菜单。', '주 메뉴입니다.'),
        options: [{ key: '1', label: { 'en-US': 'balance', 'zh-CN': '余额', 'ko-KR': '잔액' } }],
        noMatch: { maxRetries: 0 },
        noInput: { maxRetries: 0 },
      },
      to: { '1': 'bye', noMatch: 'bye', noInput: 'bye' },
    },
    { id: 'bye', type: 'end', config: { prompt: text('Goodbye.', '再见。', '안녕히 가세요.') } },
  ],
  { locales: ['en-US', 'zh-CN', 'ko-KR'] },
);

/** The locale of every `say` in the latest turn, with its text. */
function spoken(state: TestSessionResult): [string, string][] {
  return state.last.outputs.flatMap((output) => (output.type === 'say' ? [[output.locale, output.text]] : []));
}

describe('language', () => {
  it('reads each option in its own language on the keypad and switches to the pressed one', async () => {
    await startTestSession(bilingualFlow, 'dtmf')
      .check('each option is read in its own voice', (state) => {
        expect(spoken(state)).toEqual([
          ['en-US', 'Welcome to Omnibank.'],
          ['en-US', 'For English, press 1.'],
          ['zh-CN', '中文请按2。'],
          ['ko-KR', '한국어는 3번을 누르세요.'],
        ]);
        return true;
      })
      .press('2')
      .expectPrompt(/主菜单。余额请按1。/)
      .check('the turn reports the locale it switched to', (state) => state.last.locale === 'zh-CN')
      .press('1')
      .expectPrompt('再见。');
  });

  it('hears a language by its name on voice, with the names in the grammar', async () => {
    await startTestSession(bilingualFlow, 'voice')
      .check('the grammar holds every language name', (state) =>
        state.last.outputs.some(
          (output) =>
            output.type === 'prompt' &&
            ['english {1}', '中文 {2}', '한국어 {3}', 'korean {3}'].every((name) =>
              (output.expect.speech?.grammar ?? '').includes(name),
            ),
        ),
      )
      .expectPrompt('You can say English.')
      .say('Korean')
      .expectPrompt(/주 메뉴입니다/)
      .say('잔액')
      .expectPrompt('안녕히 가세요.');
  });

  it('offers the languages as quick replies in chat and takes the tapped one', async () => {
    await startTestSession(bilingualFlow, 'chat')
      .expectChoices(['English', '中文', '한국어'])
      .expectNoPrompt(/press/)
      .type('中文')
      .expectPrompt('主菜单。')
      .expectChoices(['余额']);
  });

  it('asks again on an unknown choice, then takes noMatch in the language it started in', async () => {
    await startTestSession(bilingualFlow, 'dtmf')
      .press('7')
      .expectPrompt('For English, press 1.')
      .press('9')
      .expectPrompt('Goodbye.')
      .expectEnd('completed');
  });

  it('keeps the chosen locale after a restart from the snapshot', async () => {
    await startTestSession(bilingualFlow, 'chat').type('Korean').restart().type('1').expectPrompt('안녕히 가세요.');
  });
});
