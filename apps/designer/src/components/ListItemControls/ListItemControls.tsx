import { moveItem } from '../../core/moveItem.ts';
import { setConfigStep } from '../../store/setConfigStep.ts';
import { useT } from '../../i18n/useT.ts';

/** Move-up, move-down and remove buttons for item `index` of the config array at `pointer`; each press is one undo step. */
export function ListItemControls({
  nodeId,
  pointer,
  items,
  index,
  label,
}: {
  nodeId: string;
  pointer: string;
  items: readonly unknown[];
  index: number;
  label: string;
}) {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`${t('moveUp')} ${label}`}
        disabled={index === 0}
        onClick={() => setConfigStep(nodeId, pointer, moveItem(items, index, index - 1))}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`${t('moveDown')} ${label}`}
        disabled={index === items.length - 1}
        onClick={() => setConfigStep(nodeId, pointer, moveItem(items, index, index + 1))}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`${t('removeRow')} ${label}`}
        onClick={() => setConfigStep(nodeId, `${pointer}/${index}`, undefined)}
      >
        ✕
      </button>
    </>
  );
}
