import { useState } from 'react';
import { isRecord } from '@omniflow/flow-schema';
import type { TableColumn } from '../../core/formModel.ts';
import { getAtPointer } from '../../core/jsonPointer.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import { LocaleTabs } from '../LocaleTabs/LocaleTabs.tsx';
import { LazyExpressionField as ExpressionField } from '../ExpressionField/LazyExpressionField.tsx';
import { VariablePicker } from '../VariablePicker/VariablePicker.tsx';
import { JsonField } from '../JsonField/JsonField.tsx';
import { ListItemControls } from '../ListItemControls/ListItemControls.tsx';
import { setConfigStep } from '../../store/setConfigStep.ts';

/** An editable table for an array of objects (menu options: key, label, synonyms; condition cases; assignments). */
export function TableField({
  nodeId,
  pointer,
  label,
  columns,
  itemDefaults,
  config,
  inputId,
}: {
  nodeId: string;
  pointer: string;
  label: string;
  columns: TableColumn[];
  itemDefaults: Record<string, unknown>;
  config: Record<string, unknown>;
  inputId: string;
}) {
  const t = useT();
  const flow = useFlowStore((s) => s.flow);
  const locales = flow?.locales ?? [];
  const [locale, setLocale] = useState(flow?.defaultLocale ?? locales[0] ?? 'en-US');
  const raw = getAtPointer(config, pointer);
  const rows = Array.isArray(raw) ? raw : [];
  const localized = columns.some((c) => c.kind === 'localized' || c.kind === 'localizedList');
  const set = (path: string, value: unknown) => useFlowStore.getState().setConfig(nodeId, `${pointer}${path}`, value);

  const addRow = () => {
    const row: Record<string, unknown> = structuredClone(itemDefaults);
    if ('key' in row) row.key = nextFreeKey(rows);
    if ('id' in row) row.id = `case${rows.length + 1}`;
    setConfigStep(nodeId, `${pointer}/${rows.length}`, row);
  };

  return (
    <div className="table-field">
      {localized && <LocaleTabs locales={locales} current={locale} onSelect={setLocale} idPrefix={inputId} />}
      <table id={inputId} aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
                {c.kind === 'localized' || c.kind === 'localizedList' ? ` (${locale})` : ''}
              </th>
            ))}
            <th>
              <span className="sr-only">{t('removeRow')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-field-pointer={`${pointer}/${index}`}>
              {columns.map((c) => (
                <td key={c.key} data-field-pointer={`${pointer}/${index}/${c.key}`}>
                  <Cell
                    column={c}
                    row={isRecord(row) ? row : {}}
                    locale={locale}
                    label={`${c.label} ${index + 1}`}
                    inputId={`${inputId}-${index}-${c.key}`}
                    onChange={(path, value) => set(`/${index}${path}`, value)}
                  />
                </td>
              ))}
              <td className="row-controls">
                <ListItemControls
                  nodeId={nodeId}
                  pointer={pointer}
                  items={rows}
                  index={index}
                  label={String(index + 1)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={addRow}>
        + {t('addRow')}
      </button>
    </div>
  );
}

function Cell({
  column,
  row,
  locale,
  label,
  inputId,
  onChange,
}: {
  column: TableColumn;
  row: Record<string, unknown>;
  locale: string;
  label: string;
  inputId: string;
  onChange(path: string, value: unknown): void;
}) {
  const value = row[column.key];
  const path = `/${column.key}`;
  switch (column.kind) {
    case 'localized': {
      const map = isRecord(value) ? value : {};
      return (
        <input
          id={inputId}
          aria-label={`${label} (${locale})`}
          value={typeof map[locale] === 'string' ? String(map[locale]) : ''}
          onChange={(e) => onChange(`${path}/${locale}`, e.target.value)}
        />
      );
    }
    case 'localizedList': {
      const map = isRecord(value) ? value : {};
      const list = Array.isArray(map[locale]) ? (map[locale] as unknown[]).map(String) : [];
      return (
        <input
          id={inputId}
          aria-label={`${label} (${locale})`}
          placeholder="a, b, c"
          defaultValue={list.join(', ')}
          key={`${locale}:${list.join(',')}`}
          onBlur={(e) => onChange(`${path}/${locale}`, splitList(e.target.value))}
        />
      );
    }
    case 'number':
      return (
        <input
          id={inputId}
          type="number"
          aria-label={label}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(path, e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'checkbox':
      return (
        <input
          id={inputId}
          type="checkbox"
          aria-label={label}
          checked={value === true}
          onChange={(e) => onChange(path, e.target.checked)}
        />
      );
    case 'select':
      return (
        <select
          id={inputId}
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(path, e.target.value)}
        >
          <option value="" />
          {(column.options ?? []).map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
    case 'expression':
      return (
        <ExpressionField
          inputId={inputId}
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(path, v)}
        />
      );
    case 'variable':
      return (
        <VariablePicker
          inputId={inputId}
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(path, v)}
        />
      );
    case 'json':
      return <JsonField inputId={inputId} label={label} value={value} onChange={(v) => onChange(path, v)} />;
    case 'text':
      return (
        <input
          id={inputId}
          aria-label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(path, e.target.value)}
        />
      );
    default: {
      const never: never = column.kind;
      return <span>{String(never)}</span>;
    }
  }
}

/** Splits a comma-separated list, trimming and dropping empty entries. */
function splitList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The smallest keypad digit (1–9, then 0) no row uses yet. */
function nextFreeKey(rows: unknown[]): string {
  const used = new Set(rows.map((r) => (isRecord(r) ? String(r.key) : '')));
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].find((k) => !used.has(k)) ?? '';
}
