import { useEffect, useState } from 'react';
import type { FlowDocument } from '@omniflow/flow-schema';
import { runtimeClient, type FlowVersion } from '../../api/runtimeClient.ts';
import { diffFlowVersions, type FlowDiff } from '../../core/diffFlowVersions.ts';
import { useAnalystT } from '../../i18n/analystMessages.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { VersionDiff } from '../VersionDiff/VersionDiff.tsx';

/** `'draft'` or a published version number, as the compare pickers hold them. */
type Side = 'draft' | number;

/** Picks two versions of a flow (or the draft) and shows what changed between them. */
export function VersionCompare({ flowId, versions }: { flowId: string; versions: FlowVersion[] }) {
  const t = useAnalystT();
  const draft = useFlowStore((s) => s.flow);
  const numbers = versions.map((v) => v.version).toSorted((a, b) => b - a);
  const [from, setFrom] = useState<Side>(numbers[0] ?? 'draft');
  const [to, setTo] = useState<Side>('draft');
  const [diff, setDiff] = useState<FlowDiff | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    const load = (side: Side): Promise<FlowDocument | null> =>
      side === 'draft' ? Promise.resolve(draft) : runtimeClient.getVersion(flowId, side);
    Promise.all([load(from), load(to)])
      .then(([a, b]) => {
        if (live) setDiff(a && b ? diffFlowVersions(a, b) : null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [flowId, from, to, draft]);

  const picker = (label: string, value: Side, onChange: (side: Side) => void) => (
    <label>
      {label}{' '}
      <select
        aria-label={label}
        value={String(value)}
        onChange={(e) => onChange(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
      >
        <option value="draft">{t('draft')}</option>
        {numbers.map((n) => (
          <option key={n} value={n}>
            v{n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="version-compare" aria-label={t('diff')}>
      <h2>{t('diff')}</h2>
      <div className="version-compare-pickers">
        {picker(t('diffFrom'), from, setFrom)}
        {picker(t('diffTo'), to, setTo)}
      </div>
      {error && <p className="error-text">{error}</p>}
      {diff && <VersionDiff diff={diff} />}
    </section>
  );
}
