import { useEffect, useRef, useState } from 'react';
import { isRecord } from '@omniflow/flow-schema';
import { getAtPointer } from '../../core/jsonPointer.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { LocaleTabs } from '../LocaleTabs/LocaleTabs.tsx';
import { useInsightsT } from '../../insights/insightsMessages.ts';
import { InsertVariableMenu } from '../../contact/InsertVariableMenu.tsx';
import { PromptVariants } from '../PromptVariants/PromptVariants.tsx';
import { setLocalizedText } from '../PromptVariants/setLocalizedText.ts';

/**
 * Per-locale text: a prompt (`{ text: { "en-US": … } }`) or a bare localized string map, one tab per flow locale.
 * The problems panel can open the tab of the locale an issue points at.
 */
export function PromptField({
  nodeId,
  pointer,
  label,
  config,
  isPrompt,
  inputId,
}: {
  nodeId: string;
  pointer: string;
  label: string;
  config: Record<string, unknown>;
  isPrompt: boolean;
  inputId: string;
}) {
  const insightsT = useInsightsT();
  const flow = useFlowStore((s) => s.flow);
  const focus = useFlowStore((s) => s.focus);
  const locales = flow?.locales ?? [];
  const [locale, setLocale] = useState(flow?.defaultLocale ?? locales[0] ?? 'en-US');
  const textPointer = isPrompt ? `${pointer}/text` : pointer;
  const texts = getAtPointer(config, textPointer);
  const map = isRecord(texts) ? texts : {};
  const missing = new Set(locales.filter((l) => typeof map[l] !== 'string' || String(map[l]).trim() === ''));

  useEffect(() => {
    if (!focus || focus.nodeId !== nodeId || !focus.pointer?.startsWith(pointer)) return;
    // An issue about the whole text map opens the first locale that is still missing.
    const hit = locales.find((l) => focus.pointer?.endsWith(`/${l}`)) ?? [...missing][0];
    if (hit) setLocale(hit);
  }, [focus]);

  const value = typeof map[locale] === 'string' ? String(map[locale]) : '';
  const empathetic = isPrompt ? getAtPointer(config, `${pointer}/empathetic/${encodeSegment(locale)}`) : undefined;
  const area = useRef<HTMLTextAreaElement>(null);
  const setText = (text: string) =>
    useFlowStore.getState().setConfig(nodeId, `${textPointer}/${encodeSegment(locale)}`, text);
  return (
    <div className="prompt-field">
      <LocaleTabs locales={locales} current={locale} onSelect={setLocale} missing={missing} idPrefix={inputId} />
      <textarea
        ref={area}
        id={inputId}
        aria-label={`${label} (${locale})`}
        data-locale={locale}
        rows={3}
        value={value}
        onChange={(e) => setText(e.target.value)}
      />
      <InsertVariableMenu
        label={label}
        onInsert={(path) => {
          // At the cursor, as a {{placeholder}}; at the end when the text was never focused.
          const at = area.current?.selectionStart ?? value.length;
          const end = area.current?.selectionEnd ?? at;
          setText(`${value.slice(0, at)}{{${path}}}${value.slice(end)}`);
        }}
      />
      {isPrompt && (
        // Issue 17: the wording an upset caller hears instead, in every channel; empty means the calm text.
        <label className="prompt-empathetic">
          {insightsT('empathetic')}
          <textarea
            aria-label={`${insightsT('empathetic')} (${locale})`}
            data-locale={locale}
            rows={2}
            value={typeof empathetic === 'string' ? empathetic : ''}
            onChange={(e) => setLocalizedText(nodeId, config, `${pointer}/empathetic`, locale, e.target.value)}
          />
        </label>
      )}
      {isPrompt && <PromptVariants nodeId={nodeId} pointer={pointer} config={config} locale={locale} label={label} />}
    </div>
  );
}

function encodeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
