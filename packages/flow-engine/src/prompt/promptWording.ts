import type { Channel, Locale, LocalizedText, Prompt } from '@omniflow/flow-schema';

/** What one prompt says in one channel and locale, before `{{templates}}` are filled. */
export interface PromptWording {
  text: string;
  ssml?: string;
  audio?: string;
}

/**
 * The calm wording of a prompt for a channel: the channel's own wording when it has one in this locale, else the
 * prompt text (this locale, else the default, else any). SSML and a recording count only in their own locale:
 * another language's would be heard instead.
 */
export function promptWording(prompt: Prompt, channel: Channel, locale: Locale, defaultLocale: Locale): PromptWording {
  const override = ownLocale(prompt.channels?.[channel]?.text, locale);
  const wording: PromptWording = { text: override ?? pickText(prompt.text, locale, defaultLocale) };
  const ssml = ownLocale(prompt.ssml, locale);
  if (ssml !== undefined) wording.ssml = ssml;
  const audio = ownLocale(prompt.audio, locale);
  if (audio !== undefined) wording.audio = audio;
  return wording;
}

/** Text in `locale`, falling back to the default locale, then to any locale present. */
export function pickText(value: LocalizedText, locale: Locale, defaultLocale: Locale): string {
  return value[locale] ?? value[defaultLocale] ?? Object.values(value)[0] ?? '';
}

/** The non-blank text of exactly `locale`, if the map has one. */
function ownLocale(value: LocalizedText | undefined, locale: Locale): string | undefined {
  const text = value?.[locale];
  return text !== undefined && text.trim() !== '' ? text : undefined;
}
