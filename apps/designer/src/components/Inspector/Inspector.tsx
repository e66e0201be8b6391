import { useEffect, useMemo, useRef } from 'react';
import { buildFormModel } from '../../core/formModel.ts';
import { localizedSpec } from '../../core/nodeCatalog.ts';
import { configPointerOf } from '../../core/issuePointers.ts';
import { plainIssue } from '../../core/plainIssue.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT, useUiLanguage } from '../../i18n/useT.ts';
import { FormFieldView } from '../FormFieldView/FormFieldView.tsx';
import { PortConnections } from '../PortConnections/PortConnections.tsx';
import { NodePreview } from '../NodePreview/NodePreview.tsx';

/** The inspector: a form generated from the selected node type's JSON Schema and UI hints. */
export function Inspector() {
  const t = useT();
  const flow = useFlowStore((s) => s.flow);
  const catalog = useFlowStore((s) => s.catalog);
  const selected = useFlowStore((s) => s.selectedNodeIds);
  const issues = useFlowStore((s) => s.issues);
  const focus = useFlowStore((s) => s.focus);
  const root = useRef<HTMLDivElement>(null);
  const node = selected.length === 1 ? flow?.nodes.find((n) => n.id === selected[0]) : undefined;
  const nodeIndex = node && flow ? flow.nodes.indexOf(node) : -1;
  const language = useUiLanguage((s) => s.language);
  const served = node ? catalog.byType.get(node.type) : undefined;
  const spec = useMemo(() => served && localizedSpec(served, language), [served, language]);
  const fields = useMemo(() => (spec ? buildFormModel(spec) : []), [spec]);

  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!node) return map;
    for (const issue of issues) {
      const pointer = configPointerOf(issue.pointer, nodeIndex);
      if (issue.nodeId !== node.id || pointer === null) continue;
      map.set(pointer, [...(map.get(pointer) ?? []), plainIssue(issue, flow, catalog, language).text]);
    }
    return map;
  }, [issues, node, nodeIndex, flow, catalog, language]);

  useEffect(() => {
    if (!focus?.pointer || !node || focus.nodeId !== node.id) return;
    // Let the fields (and locale tabs) render before moving focus.
    const timer = setTimeout(() => focusField(root.current, focus.pointer ?? ''), 60);
    return () => clearTimeout(timer);
  }, [focus, node]);

  if (!flow) return null;
  if (selected.length > 1)
    return <p className="inspector-empty">{t('multipleSelected', { count: selected.length })}</p>;
  if (!node) return <p className="inspector-empty">{t('nothingSelected')}</p>;

  const labelProblems = problems.get('') ?? [];
  return (
    <div className="inspector" ref={root} data-node-id={node.id}>
      <div className="inspector-head">
        <span className="inspector-icon" aria-hidden="true">
          {spec?.icon ?? '⚠'}
        </span>
        <div>
          <div className="inspector-type">{spec?.title ?? node.type}</div>
          <div className="muted">
            {t('nodeId')}: {node.id}
          </div>
        </div>
      </div>
      <div className="form-field">
        <label htmlFor="node-label">{t('nodeLabel')}</label>
        <input
          id="node-label"
          value={node.label ?? ''}
          onChange={(e) => useFlowStore.getState().setLabel(node.id, e.target.value)}
        />
      </div>
      {node.type !== 'start' &&
        (flow.start === node.id ? (
          <div className="muted">{t('isStart')}</div>
        ) : (
          <button type="button" onClick={() => useFlowStore.getState().setStart(node.id)}>
            {t('setStart')}
          </button>
        ))}
      {!spec && (
        <p className="error-text" role="alert">
          {t('unknownType', { type: node.type })}
        </p>
      )}
      {labelProblems.map((m, i) => (
        <div key={i} className="field-error">
          {m}
        </div>
      ))}
      {spec?.description && <p className="muted">{spec.description}</p>}
      {fields.map((field) => (
        <FormFieldView
          key={`${node.id}${field.pointer}`}
          field={field}
          nodeId={node.id}
          config={node.config}
          problems={problems}
        />
      ))}
      <NodePreview flow={flow} nodeId={node.id} />
      <PortConnections node={node} />
    </div>
  );
}

/** Focuses the deepest field whose pointer is a prefix of `pointer`. */
function focusField(root: HTMLElement | null, pointer: string): void {
  if (!root) return;
  const segments = pointer.split('/');
  for (let n = segments.length; n > 1; n -= 1) {
    const prefix = segments.slice(0, n).join('/');
    const el = root.querySelector<HTMLElement>(`[data-field-pointer="${CSS.escape(prefix)}"]`);
    if (!el) continue;
    for (let folded = el.closest('details'); folded; folded = folded.parentElement?.closest('details') ?? null)
      folded.open = true;
    el.scrollIntoView({ block: 'center' });
    const input = el.querySelector<HTMLElement>('textarea, input, select, [contenteditable]');
    input?.focus();
    el.classList.add('is-focused');
    setTimeout(() => el.classList.remove('is-focused'), 1500);
    return;
  }
}
