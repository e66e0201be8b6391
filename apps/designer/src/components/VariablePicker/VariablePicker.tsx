import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';

/** A select of the flow's declared variables; an undeclared current value stays visible so it can be fixed. */
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
  const known = variables.some((v) => v.name === value);
  return (
    <select
      id={inputId}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
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
    </select>
  );
}
