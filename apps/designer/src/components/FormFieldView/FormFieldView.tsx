import { isFieldVisible, type FormField } from '../../core/formModel.ts';
import { getAtPointer } from '../../core/jsonPointer.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { PromptField } from '../PromptField/PromptField.tsx';
import { TableField } from '../TableField/TableField.tsx';
import { LazyExpressionField as ExpressionField } from '../ExpressionField/LazyExpressionField.tsx';
import { VariablePicker } from '../VariablePicker/VariablePicker.tsx';
import { JsonField } from '../JsonField/JsonField.tsx';
import { PromptListField } from '../PromptListField/PromptListField.tsx';
import { KeyValueField } from '../KeyValueField/KeyValueField.tsx';
import { ListField } from '../ListField/ListField.tsx';
import { useT } from '../../i18n/useT.ts';

/** Renders one generated form field bound to a node's config through the store. */
export function FormFieldView({
  field,
  nodeId,
  config,
  problems,
}: {
  field: FormField;
  nodeId: string;
  config: Record<string, unknown>;
  problems: ReadonlyMap<string, string[]>;
}) {
  if (!isFieldVisible(field, config)) return null;
  const value = getAtPointer(config, field.pointer);
  const inputId = `field-${nodeId}-${field.pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const set = (v: unknown) => useFlowStore.getState().setConfig(nodeId, field.pointer, v);
  const messages = [...problems.entries()]
    .filter(
      ([p]) =>
        p === field.pointer || (field.kind !== 'group' && field.kind !== 'list' && p.startsWith(`${field.pointer}/`)),
    )
    .flatMap(([, m]) => m);

  if (field.kind === 'group') {
    // Nested settings (retry policies, answer type) fold away; they start open so nothing is hidden by default.
    return (
      <details className="form-group" open data-field-pointer={field.pointer}>
        <summary>
          {field.label}
          {field.required ? ' *' : ''}
        </summary>
        {field.help && <div className="field-help">{field.help}</div>}
        {field.fields.map((f) => (
          <FormFieldView key={f.pointer} field={f} nodeId={nodeId} config={config} problems={problems} />
        ))}
      </details>
    );
  }

  return (
    <div
      className={`form-field kind-${field.kind} ${messages.length ? 'has-problem' : ''}`}
      data-field-pointer={field.pointer}
    >
      <label htmlFor={inputId}>
        {field.label}
        {field.required ? ' *' : ''}
      </label>
      {field.kind === 'list' ? (
        <ListField field={field} nodeId={nodeId} config={config} problems={problems} inputId={inputId} />
      ) : (
        <Control field={field} value={value} set={set} nodeId={nodeId} config={config} inputId={inputId} />
      )}
      {field.help && <div className="field-help">{field.help}</div>}
      {messages.map((m, i) => (
        <div key={i} className="field-error">
          {m}
        </div>
      ))}
    </div>
  );
}

function Control({
  field,
  value,
  set,
  nodeId,
  config,
  inputId,
}: {
  field: Exclude<FormField, { kind: 'group' | 'list' }>;
  value: unknown;
  set(v: unknown): void;
  nodeId: string;
  config: Record<string, unknown>;
  inputId: string;
}) {
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'prompt':
    case 'localized':
      return (
        <PromptField
          nodeId={nodeId}
          pointer={field.pointer}
          label={field.label}
          config={config}
          isPrompt={field.kind === 'prompt'}
          inputId={inputId}
        />
      );
    case 'promptList':
      return (
        <PromptListField
          nodeId={nodeId}
          pointer={field.pointer}
          label={field.label}
          config={config}
          inputId={inputId}
        />
      );
    case 'table':
      return (
        <TableField
          nodeId={nodeId}
          pointer={field.pointer}
          label={field.label}
          columns={field.columns}
          itemDefaults={field.itemDefaults}
          config={config}
          inputId={inputId}
        />
      );
    case 'expression':
      return <ExpressionField inputId={inputId} label={field.label} value={text} onChange={set} />;
    case 'variable':
      return (
        <VariablePicker
          inputId={inputId}
          label={field.label}
          value={text}
          onChange={(v) => set(v === '' ? undefined : v)}
        />
      );
    case 'node':
      return <NodePicker inputId={inputId} value={text} onChange={set} />;
    case 'select':
      return (
        <select
          id={inputId}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) =>
            set(e.target.value === '' ? undefined : field.numeric ? Number(e.target.value) : e.target.value)
          }
        >
          <option value="" />
          {field.options.map((o, i) => (
            <option key={o} value={o}>
              {field.optionLabels?.[i] ?? o}
            </option>
          ))}
        </select>
      );
    case 'number':
      return (
        <input
          id={inputId}
          type="number"
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'checkbox':
      return <input id={inputId} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />;
    case 'textarea':
    case 'template':
      return (
        <textarea
          id={inputId}
          rows={3}
          value={text}
          onChange={(e) => set(e.target.value)}
          placeholder={field.kind === 'template' ? 'Hello {{name}}' : undefined}
        />
      );
    case 'stringList':
      return (
        <input
          id={inputId}
          defaultValue={Array.isArray(value) ? value.join(', ') : ''}
          key={Array.isArray(value) ? value.join(',') : ''}
          onBlur={(e) =>
            set(
              e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />
      );
    case 'keyValue':
      return (
        <KeyValueField
          nodeId={nodeId}
          pointer={field.pointer}
          label={field.label}
          keyKind={field.keyKind}
          valueKind={field.valueKind}
          config={config}
          inputId={inputId}
        />
      );
    case 'json':
      return <AdvancedJsonField inputId={inputId} label={field.label} value={value} onChange={set} />;
    case 'text':
    case 'secret':
    case 'flow':
      return (
        <input id={inputId} value={text} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)} />
      );
    default: {
      const never: never = field;
      return <span>{JSON.stringify(never)}</span>;
    }
  }
}

function NodePicker({ value, onChange, inputId }: { value: string; onChange(v: string): void; inputId: string }) {
  const nodes = useFlowStore((s) => s.flow?.nodes ?? []);
  return (
    <select id={inputId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" />
      {nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {n.label ?? n.id} ({n.id})
        </option>
      ))}
    </select>
  );
}

/** The last resort for a schema the generator cannot express, marked as advanced so analysts know it is JSON. */
function AdvancedJsonField({
  value,
  onChange,
  label,
  inputId,
}: {
  value: unknown;
  onChange(v: unknown): void;
  label: string;
  inputId: string;
}) {
  const t = useT();
  return (
    <>
      <div className="advanced-note">{t('advancedJson')}</div>
      <JsonField inputId={inputId} label={`${label} (${t('advancedJson')})`} value={value} onChange={onChange} />
    </>
  );
}
