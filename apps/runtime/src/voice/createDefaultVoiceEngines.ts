import { CachingSynthesizer } from './CachingSynthesizer.ts';
import { EspeakSynthesizer } from './EspeakSynthesizer.ts';
import { FliteSynthesizer } from './FliteSynthesizer.ts';
import { PocketsphinxRecognizer } from './PocketsphinxRecognizer.ts';
import type { Recognizer } from './Recognizer.ts';
import type { Synthesizer } from './Synthesizer.ts';
import type { VoiceLogger } from './voiceLogger.ts';

/**
 * The speech engines the runtime uses when nothing else is configured: pocketsphinx for en-US recognition, and
 * flite (en-US) then espeak-ng (zh-CN as pinyin with `cmn-latn-pinyin`, ko-KR `ko`) behind one prompt cache. Needs the Debian packages
 * `pocketsphinx`, `pocketsphinx-en-us`, `flite` and `espeak-ng`.
 */
export function createDefaultVoiceEngines(logger?: VoiceLogger): { recognizer: Recognizer; synthesizer: Synthesizer } {
  return {
    recognizer: new PocketsphinxRecognizer(logger ? { logger } : {}),
    synthesizer: new CachingSynthesizer([new FliteSynthesizer(), new EspeakSynthesizer()]),
  };
}
