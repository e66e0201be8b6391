import type { FlowEdge } from '@omniflow/flow-schema';
import { isEmptyDiff, type FieldChange, type FlowDiff } from '../../core/diffFlowVersions.ts';
import { useAnalystT, type AnalystMessageKey } from '../../i18n/analystMessages.ts';

/** The changes between two flow versions: nodes added, removed and changed (field by field), edges added and removed. */
export function VersionDiff({ diff }: { diff: FlowDiff }) {
  const t = useAnalystT();
  if (isEmptyDiff(diff)) return <p className="muted">{t('noDifferences')}</p>;
  const section = (key: AnalystMessageKey, items: string[]) =>
    items.length > 0 && (
      <section data-diff={key}>
        <h3>{t(key)}</h3>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
    );
  const edge = (e: FlowEdge) => `${e.source} —${e.port}→ ${e.target}`;
  return (
    <div className="version-diff">
      {section(
        'nodesAdded',
        diff.nodesAdded.map((n) => `${n.label ?? n.id} (${n.type})`),
      )}
      {section(
        'nodesRemoved',
        diff.nodesRemoved.map((n) => `${n.label ?? n.id} (${n.type})`),
      )}
      {diff.nodesChanged.length > 0 && (
        <section data-diff="nodesChanged">
          <h3>{t('nodesChanged')}</h3>
          {diff.nodesChanged.map((node) => (
            <div key={node.id} className="diff-node">
              <strong>{node.label}</strong> <span className="muted">{node.id}</span>
              <FieldChanges changes={node.changes} />
            </div>
          ))}
        </section>
      )}
      {section('edgesAdded', diff.edgesAdded.map(edge))}
      {section('edgesRemoved', diff.edgesRemoved.map(edge))}
      {diff.flowChanges.length > 0 && <FieldChanges changes={diff.flowChanges} />}
    </div>
  );
}

function FieldChanges({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="diff-fields">
      {changes.map((c) => (
        <li key={c.pointer}>
          <code>{c.pointer}</code> <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

function show(value: unknown): string {
  if (value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
