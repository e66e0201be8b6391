import { useState } from 'react';
import { CHANNELS, SSML_TAGS, isRecord, validateSsml, type Channel } from '@omniflow/flow-schema';
import { getAtPointer, joinPointer } from '../../core/jsonPointer.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { usePromptT } from './promptMessages.ts';
import { setLocalizedText } from './setLocalizedText.ts';
import { PromptRecording } from '../../voices/PromptRecording.tsx';

const TAG_LIST = Object.keys(SSML_TAGS).join(', ');

/** Where a part of a prompt's editor works: the node, the prompt's pointer in its config, the locale shown. */
export interface PromptPartProps {
  nodeId: string;
  pointer: string;
  config: Record<string, unknown>;
  locale: string;
  label: string;
}

/**
 * The rest of a prompt in one locale (issue 20, point 8): its own wording per channel (empty: the prompt text) and
 * the SSML a call speaks instead, checked as it is typed. Folded away until a prompt has one.
 */
export function PromptVariants({ nodeId, pointer, config, locale, label }: PromptPartProps) {
  const t = usePromptT();
  const prompt = getAtPointer(config, pointer);
  const channels = isRecord(prompt) && isRecord(prompt['channels']) ? prompt['channels'] : {};
  const wording = (channel: Channel): string => {
    const text = getAtPointer(channels, joinPointer([channel, 'text', locale]));
    return typeof text === 'string' ? text : '';
  };
  const ssmlMap = isRecord(prompt) && isRecord(prompt['ssml']) ? prompt['ssml'] : {};
  const ssml = typeof ssmlMap[locale] === 'string' ? String(ssmlMap[locale]) : '';
  const audioMap = isRecord(prompt) && isRecord(prompt['audio']) ? prompt['audio'] : {};
  const [open, setOpen] = useState(
    Object.keys(channels).length > 0 || Object.keys(ssmlMap).length > 0 || Object.keys(audioMap).length > 0,
  );
  const problems = ssml.trim() === '' ? [] : validateSsml(ssml);
  const ssmlId = `${nodeId}-${pointer.replace(/\W/g, '-')}-ssml`;
  return (
    <details className="prompt-variants" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('variants')}</summary>
      {CHANNELS.map((channel) => (
        <label key={channel} className="prompt-variant" data-channel={channel}>
          {t(`wording_${channel}`)}
          <textarea
            aria-label={`${label}: ${t(`wording_${channel}`)} (${locale})`}
            data-locale={locale}
            rows={2}
            placeholder={t('sameAsText')}
            value={wording(channel)}
            onChange={(e) => setChannelWording(nodeId, channels, pointer, channel, locale, e.target.value)}
          />
        </label>
      ))}
      <label className="prompt-variant" htmlFor={ssmlId}>
        {t('ssml')}
      </label>
      <textarea
        id={ssmlId}
        className="prompt-ssml"
        aria-label={`${label}: ${t('ssml')} (${locale})`}
        aria-describedby={`${ssmlId}-help`}
        aria-invalid={problems.length > 0}
        data-locale={locale}
        rows={3}
        spellCheck={false}
        placeholder='<speak>…<break time="300ms"/>…</speak>'
        value={ssml}
        onChange={(e) => setLocalizedText(nodeId, config, `${pointer}/ssml`, locale, e.target.value)}
      />
      <p id={`${ssmlId}-help`} className="muted">
        {t('ssmlHelp', { tags: TAG_LIST })}
      </p>
      {ssml.trim() !== '' &&
        (problems.length === 0 ? (
          <p className="prompt-ssml-ok" role="status">
            {t('ssmlValid')}
          </p>
        ) : (
          <ul className="prompt-ssml-problems" role="alert">
            {problems.map((problem) => (
              <li key={`${problem.code}-${problem.at}`} data-code={problem.code}>
                {t(`ssml_${problem.code}`, {
                  at: problem.at + 1,
                  tag: problem.tag ?? '',
                  attribute: problem.attribute ?? '',
                  value: problem.value ?? '',
                  expected: problem.expected ?? '',
                  tags: TAG_LIST,
                })}
              </li>
            ))}
          </ul>
        ))}
      <PromptRecording nodeId={nodeId} pointer={pointer} config={config} locale={locale} label={label} />
    </details>
  );
}

/** Sets one channel's wording in one locale; clearing the last wording of a channel drops the channel's override. */
function setChannelWording(
  nodeId: string,
  channels: Record<string, unknown>,
  pointer: string,
  channel: Channel,
  locale: string,
  text: string,
): void {
  const current = getAtPointer(channels, `/${channel}/text`);
  const texts: Record<string, unknown> = { ...(isRecord(current) ? current : {}) };
  if (text === '') delete texts[locale];
  else texts[locale] = text;
  const next: Record<string, unknown> = { ...channels };
  if (Object.keys(texts).length === 0) delete next[channel];
  else next[channel] = { text: texts };
  useFlowStore.getState().setConfig(nodeId, `${pointer}/channels`, Object.keys(next).length === 0 ? undefined : next);
}
