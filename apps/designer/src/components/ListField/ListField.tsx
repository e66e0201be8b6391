import { rebaseFields, type FormField } from '../../core/formModel.ts';
import { getAtPointer } from '../../core/jsonPointer.ts';
import { setConfigStep } from '../../store/setConfigStep.ts';
import { useT } from '../../i18n/useT.ts';
import { FormFieldView } from '../FormFieldView/FormFieldView.tsx';
import { ListItemControls } from '../ListItemControls/ListItemControls.tsx';

/** A repeatable group per item of an array of objects whose items need more than table cells; add, remove and reorder. */
export function ListField({
  field,
  nodeId,
  config,
  problems,
  inputId,
}: {
  field: Extract<FormField, { kind: 'list' }>;
  nodeId: string;
  config: Record<string, unknown>;
  problems: ReadonlyMap<string, string[]>;
  inputId: string;
}) {
  const t = useT();
  const raw = getAtPointer(config, field.pointer);
  const items = Array.isArray(raw) ? raw : [];
  return (
    <div className="list-field" id={inputId}>
      {items.map((_, index) => (
        <div key={index} className="list-item" data-field-pointer={`${field.pointer}/${index}`}>
          <div className="list-item-head">
            <span>
              {field.label} {index + 1}
            </span>
            <ListItemControls
              nodeId={nodeId}
              pointer={field.pointer}
              items={items}
              index={index}
              label={`${field.label} ${index + 1}`}
            />
          </div>
          {rebaseFields(field.itemFields, `${field.pointer}/${index}`).map((f) => (
            <FormFieldView key={f.pointer} field={f} nodeId={nodeId} config={config} problems={problems} />
          ))}
        </div>
      ))}
      <button
        type="button"
        onClick={() => setConfigStep(nodeId, `${field.pointer}/${items.length}`, structuredClone(field.itemDefaults))}
      >
        + {t('addRow')}
      </button>
    </div>
  );
}
