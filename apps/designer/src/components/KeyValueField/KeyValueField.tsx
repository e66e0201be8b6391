import { useState } from 'react';
import { isRecord } from '@omniflow/flow-schema';
import type { MapEntryKind } from '../../core/formModel.ts';
import { getAtPointer, joinPointer } from '../../core/jsonPointer.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { setConfigStep } from '../../store/setConfigStep.ts';
import { useT } from '../../i18n/useT.ts';
import { LazyExpressionField as ExpressionField } from '../ExpressionField/LazyExpressionField.tsx';
import { VariablePicker } from '../VariablePicker/VariablePicker.tsx';

/** A key/value table for a string map (headers, arguments, variable → result field); keys and values get their own widgets. */
export function KeyValueField({
  nodeId,
  pointer,
  label,
  keyKind,
  valueKind,
  config,
  inputId,
}: {
  nodeId: string;
  pointer: string;
  label: string;
  keyKind: MapEntryKind;
  valueKind: MapEntryKind;
  config: Record<string, unknown>;
  inputId: string;
}) {
  const t = useT();
  const [draftKey, setDraftKey] = useState('');
  const raw = getAtPointer(config, pointer);
  const map = isRecord(raw) ? raw : {};
  const entries = Object.entries(map);
  // A rename rewrites the map in place so entries keep their order.
  const rename = (from: string, to: string) => {
    if (to === from || to === '' || Object.hasOwn(map, to)) return;
    setConfigStep(nodeId, pointer, Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  };
  const add = (key: string) => {
    if (key === '' || Object.hasOwn(map, key)) return;
    setConfigStep(nodeId, pointer, { ...map, [key]: '' });
    setDraftKey('');
  };
  return (
    <div className="key-value-field">
      <table id={inputId} aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('entryKey')}</th>
            <th scope="col">{t('entryValue')}</th>
            <th>
              <span className="sr-only">{t('removeRow')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([key, value], index) => (
            <tr key={key} data-field-pointer={`${pointer}${joinPointer([key])}`}>
              <td>
                <KeyInput
                  kind={keyKind}
                  value={key}
                  label={`${label} ${t('entryKey')} ${index + 1}`}
                  onCommit={(to) => rename(key, to)}
                />
              </td>
              <td>
                <EntryValue
                  kind={valueKind}
                  value={typeof value === 'string' ? value : ''}
                  label={`${label} ${key}`}
                  inputId={`${inputId}-${index}`}
                  onChange={(v) => useFlowStore.getState().setConfig(nodeId, `${pointer}${joinPointer([key])}`, v)}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${t('removeRow')} ${key}`}
                  onClick={() => setConfigStep(nodeId, `${pointer}${joinPointer([key])}`, undefined)}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td>
              {keyKind === 'variable' ? (
                <VariablePicker label={`${label} ${t('entryKey')}`} value="" onChange={add} />
              ) : (
                <input
                  aria-label={`${label} ${t('entryKey')}`}
                  value={draftKey}
                  onChange={(e) => setDraftKey(e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && add(draftKey.trim())}
                />
              )}
            </td>
            <td colSpan={2}>
              {keyKind !== 'variable' && (
                <button
                  type="button"
                  onClick={() => add(draftKey.trim())}
                  disabled={draftKey.trim() === '' || Object.hasOwn(map, draftKey.trim())}
                >
                  + {t('addEntry')}
                </button>
              )}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function KeyInput({
  kind,
  value,
  label,
  onCommit,
}: {
  kind: MapEntryKind;
  value: string;
  label: string;
  onCommit(key: string): void;
}) {
  if (kind === 'variable') return <VariablePicker label={label} value={value} onChange={onCommit} />;
  // Keys are renamed on blur: renaming per keystroke would pass through keys that collide with other entries.
  return <input aria-label={label} defaultValue={value} key={value} onBlur={(e) => onCommit(e.target.value.trim())} />;
}

function EntryValue({
  kind,
  value,
  label,
  inputId,
  onChange,
}: {
  kind: MapEntryKind;
  value: string;
  label: string;
  inputId: string;
  onChange(value: string): void;
}) {
  switch (kind) {
    case 'expression':
      return <ExpressionField inputId={inputId} label={label} value={value} onChange={onChange} />;
    case 'variable':
      return <VariablePicker inputId={inputId} label={label} value={value} onChange={onChange} />;
    case 'template':
    case 'text':
      return (
        <input
          id={inputId}
          aria-label={label}
          value={value}
          placeholder={kind === 'template' ? '{{name}}' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default: {
      const never: never = kind;
      return <span>{String(never)}</span>;
    }
  }
}
