import { useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { paletteGroups, specText } from '../../core/nodeCatalog.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT, useUiLanguage } from '../../i18n/useT.ts';
import { NODE_TYPE_MIME } from '../Canvas/Canvas.tsx';

/** The palette: every node type of the runtime's catalog by category, searchable, dragged onto the canvas. */
export function Palette() {
  const t = useT();
  const catalog = useFlowStore((s) => s.catalog);
  const language = useUiLanguage((s) => s.language);
  const [search, setSearch] = useState('');
  const groups = useMemo(() => paletteGroups(catalog, search, language), [catalog, search, language]);
  const { screenToFlowPosition } = useReactFlow();

  const addAtCenter = (type: string) => {
    const pane = document.querySelector('.canvas')?.getBoundingClientRect();
    const center = pane
      ? screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    useFlowStore.getState().addNodeOfType(type, center);
  };

  return (
    <nav className="palette" aria-label={t('palette')}>
      <h2>{t('palette')}</h2>
      <input
        type="search"
        aria-label={t('searchNodeTypes')}
        placeholder={t('searchNodeTypes')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {groups.map((group) => (
        <section key={group.category} className="palette-group">
          <h3>{group.label}</h3>
          <ul>
            {group.specs
              .map((spec) => ({ spec, text: specText(spec, language) }))
              .map(({ spec, text }) => (
                <li
                  key={spec.type}
                  className="palette-item"
                  draggable
                  tabIndex={0}
                  role="button"
                  aria-label={`${text.title} — ${t('dragHint')}`}
                  title={text.description}
                  data-node-type={spec.type}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(NODE_TYPE_MIME, spec.type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      addAtCenter(spec.type);
                    }
                  }}
                  onDoubleClick={() => addAtCenter(spec.type)}
                >
                  <span className="palette-icon" aria-hidden="true">
                    {spec.icon}
                  </span>
                  <span>{text.title}</span>
                  {spec.pack && <span className="palette-pack">{spec.pack}</span>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
