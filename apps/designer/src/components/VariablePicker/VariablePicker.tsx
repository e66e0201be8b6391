import { useState } from 'react';
import type { VariableType } from '@omniflow/flow-schema';
import { VARIABLE_NAME_PATTERN } from '../../core/flowOps.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import { ContactFieldOptions } from '../../contact/ContactFieldOptions.tsx';

/** The select value that opens the inline "+ New variable" form; no variable name can contain a space. */
const NEW_VARIABLE = ' new';

const TYPES: readonly VariableType[] = ['string', 'number', 'boolean', 'date', 'object'];

/**
 * A select of the flow's declared variables with "+ New variable", which declares one in the flow (an undoable
 * edit) and selects it; an undeclared current value stays visible so it can be fixed.
 */
export function VariablePicker({
  value,
  onChange,
  label,
  inputId,
}: {
  value: string;
  onChange(name: string): void;
  label: string;
  inputId?: string;
}) {
  const t = useT();
  const variables = useFlowStore((s) => s.flow?.variables ?? []);
  const [creating, setCreating] = useState(false);
  const known = variables.some((v) => v.name === value);
  return (
    <span className="variable-picker">
      <select
        id={inputId}
        aria-label={label}
        value={creating ? NEW_VARIABLE : value}
        onChange={(e) => (e.target.value === NEW_VARIABLE ? setCreating(true) : onChange(e.target.value))}
        className={value && !known ? 'is-invalid' : ''}
      >
        <option value="">{t('chooseVariable')}</option>
        {value && !known && <option value={value}>{value} ⚠</option>}
        {variables.map((v) => (
          <option key={v.name} value={v.name}>
            {v.name} ({v.type}
            {v.sensitive ? ', sensitive' : ''})
          </option>
        ))}
        <option value={NEW_VARIABLE}>{t('newVariable')}</option>
        <ContactFieldOptions />
      </select>
      {creating && (
        <NewVariableForm
          taken={new Set(variables.map((v) => v.name))}
          onCancel={() => setCreating(false)}
          onCreate={(name, type) => {
            useFlowStore.getState().declareVariable({ name, type });
            setCreating(false);
            onChange(name);
          }}
        />
      )}
    </span>
  );
}

function NewVariableForm({
  taken,
  onCreate,
  onCancel,
}: {
  taken: ReadonlySet<string>;
  onCreate(name: string, type: VariableType): void;
  onCancel(): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [type, setType] = useState<VariableType>('string');
  const trimmed = name.trim();
  const problem =
    trimmed === ''
      ? null
      : !VARIABLE_NAME_PATTERN.test(trimmed)
        ? t('variableNameRule')
        : taken.has(trimmed)
          ? t('variableNameTaken', { name: trimmed })
          : null;
  const ready = trimmed !== '' && problem === null;
  const submit = () => {
    if (ready) onCreate(trimmed, type);
  };
  // Not a <form>: the picker may sit inside another form, and nested forms are invalid HTML.
  return (
    <span className="new-variable-form" role="group" aria-label={t('newVariable')}>
      <input
        aria-label={t('newVariableName')}
        placeholder={t('newVariableName')}
        value={name}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
          if (e.key === 'Escape') onCancel();
        }}
      />
      <select
        aria-label={t('newVariableType')}
        value={type}
        onChange={(e) => setType(TYPES.find((v) => v === e.target.value) ?? 'string')}
      >
        {TYPES.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <button type="button" disabled={!ready} onClick={submit}>
        {t('create')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
      {problem && <span className="field-error">{problem}</span>}
    </span>
  );
}
