import { getAtPointer } from '../../core/jsonPointer.ts';
import { setConfigStep } from '../../store/setConfigStep.ts';
import { useT } from '../../i18n/useT.ts';
import { PromptField } from '../PromptField/PromptField.tsx';
import { ListItemControls } from '../ListItemControls/ListItemControls.tsx';

/** A repeatable list of prompts (reprompts), each edited with one tab per flow locale; add, remove and reorder. */
export function PromptListField({
  nodeId,
  pointer,
  label,
  config,
  inputId,
}: {
  nodeId: string;
  pointer: string;
  label: string;
  config: Record<string, unknown>;
  inputId: string;
}) {
  const t = useT();
  const raw = getAtPointer(config, pointer);
  const items = Array.isArray(raw) ? raw : [];
  return (
    <div className="prompt-list-field" id={inputId}>
      {items.map((_, index) => (
        <div key={index} className="list-item" data-field-pointer={`${pointer}/${index}`}>
          <div className="list-item-head">
            <span>
              {label} {index + 1}
            </span>
            <ListItemControls
              nodeId={nodeId}
              pointer={pointer}
              items={items}
              index={index}
              label={`${label} ${index + 1}`}
            />
          </div>
          <PromptField
            nodeId={nodeId}
            pointer={`${pointer}/${index}`}
            label={`${label} ${index + 1}`}
            config={config}
            isPrompt
            inputId={`${inputId}-${index}`}
          />
        </div>
      ))}
      <button type="button" onClick={() => setConfigStep(nodeId, `${pointer}/${items.length}`, { text: {} })}>
        + {t('addPrompt')}
      </button>
    </div>
  );
}
