import { CONTACT_FIELDS } from '@omniflow/flow-schema';
import { useUiLanguage } from '../i18n/useT.ts';
import { useFlowStore } from '../store/useFlowStore.ts';
import { contactFieldDescription, useContactT } from './contactMessages.ts';

/**
 * "Insert a variable…": the flow's variables and the read-only `contact.*` system fields, each contact field with a
 * one-line description, for expression and prompt fields. `onInsert` gets the path (`contact.channel`); the field
 * decides how it is written (`{{contact.channel}}` in a prompt).
 */
export function InsertVariableMenu({ label, onInsert }: { label: string; onInsert(path: string): void }) {
  const t = useContactT();
  const language = useUiLanguage((s) => s.language);
  const variables = useFlowStore((s) => s.flow?.variables ?? []);
  return (
    <select
      className="insert-variable"
      aria-label={`${label}: ${t('insertVariable')}`}
      value=""
      onChange={(e) => {
        if (e.target.value !== '') onInsert(e.target.value);
      }}
    >
      <option value="">{t('insertVariable')}</option>
      {variables.length > 0 && (
        <optgroup label={t('flowVariables')}>
          {variables.map((v) => (
            <option key={v.name} value={v.name}>
              {v.name}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label={t('contactVariables')}>
        {CONTACT_FIELDS.map((field) => {
          const path = field === 'attributes' ? 'contact.attributes.' : `contact.${field}`;
          const description = contactFieldDescription(language, field);
          return (
            <option key={field} value={path} title={description}>
              {`${path} — ${description}`}
            </option>
          );
        })}
      </optgroup>
    </select>
  );
}
