import { useMemo, useState } from 'react';
import type { FlowDocument } from '@omniflow/flow-schema';
import { nodePreview } from '../../core/nodePreview.ts';
import { useT } from '../../i18n/useT.ts';
import { LocaleTabs } from '../LocaleTabs/LocaleTabs.tsx';

const CHANNEL_LABELS = { dtmf: 'previewDtmf', voice: 'previewVoice', chat: 'previewChat' } as const;

/** The inspector's per-channel preview of exactly what a node says, rendered by the engine for one of the flow's locales. */
export function NodePreview({ flow, nodeId }: { flow: FlowDocument; nodeId: string }) {
  const t = useT();
  const [picked, setPicked] = useState(flow.defaultLocale);
  const locale = flow.locales.includes(picked) ? picked : flow.defaultLocale;
  const preview = useMemo(() => nodePreview(flow, nodeId, locale), [flow, nodeId, locale]);
  if (preview.kind === 'none') return null;
  return (
    <section className="node-preview" aria-label={t('preview')} data-testid="node-preview">
      <h3>{t('preview')}</h3>
      {flow.locales.length > 1 && (
        <LocaleTabs locales={flow.locales} current={locale} onSelect={setPicked} idPrefix={`preview-${nodeId}`} />
      )}
      {preview.kind === 'unrenderable' ? (
        <p className="muted" title={preview.error}>
          {t('previewUnavailable')}
        </p>
      ) : (
        <dl>
          {preview.channels.map((channel) => (
            <div key={channel.channel} data-channel={channel.channel}>
              <dt>{t(CHANNEL_LABELS[channel.channel])}</dt>
              <dd lang={locale}>
                {channel.text}
                {channel.choices.length > 0 && (
                  <span className="muted">
                    {' '}
                    [{t('previewChoices')}: {channel.choices.join(' | ')}]
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
