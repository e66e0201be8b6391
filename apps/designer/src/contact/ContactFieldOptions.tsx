import { CONTACT_FIELDS } from '@omniflow/flow-schema';
import { useUiLanguage } from '../i18n/useT.ts';
import { contactFieldDescription, useContactT } from './contactMessages.ts';

/**
 * The `contact.*` system fields as disabled options of a variable picker: a node can only store into a flow variable,
 * so they are shown (with what each holds) to be read in conditions and prompts, never picked as a target.
 */
export function ContactFieldOptions() {
  const t = useContactT();
  const language = useUiLanguage((s) => s.language);
  return (
    <optgroup label={t('contactVariables')}>
      {CONTACT_FIELDS.map((field) => (
        <option key={field} disabled value={`contact.${field}`} title={contactFieldDescription(language, field)}>
          {`contact.${field} (${t('readOnly')}) — ${contactFieldDescription(language, field)}`}
        </option>
      ))}
    </optgroup>
  );
}
