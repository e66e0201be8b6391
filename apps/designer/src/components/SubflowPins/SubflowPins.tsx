import { useSubflowPinT } from '../../i18n/subflowPinMessages.ts';

/**
 * The subflow versions a published version runs ("uses child v1, v2 is live"), and, on the live version when a pinned
 * child has moved on, a button that republishes it pinned to the live subflows (issue 22).
 */
export function SubflowPins({
  version,
  pins,
  liveVersions,
  active,
  busy,
  onRepublish,
}: {
  version: number;
  pins: Record<string, number>;
  /** The live version of every flow, by id. */
  liveVersions: Record<string, number | null>;
  active: boolean;
  busy: boolean;
  onRepublish(): void;
}) {
  const t = useSubflowPinT();
  const entries = Object.entries(pins).toSorted(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return null;
  const stale = entries.some(([flow, pinned]) => (liveVersions[flow] ?? pinned) !== pinned);
  return (
    <div className="subflow-pins">
      <ul>
        {entries.map(([flow, pinned]) => {
          const live = liveVersions[flow] ?? null;
          return (
            <li key={flow} className={live !== null && live !== pinned ? 'warning-text' : 'muted'}>
              {t('usesSubflow', { flow, version: pinned })}
              {live !== null && live !== pinned && `, ${t('subflowLiveNow', { live })}`}
            </li>
          );
        })}
      </ul>
      {active && stale && (
        <button type="button" disabled={busy} onClick={onRepublish}>
          {t('republish', { version })}
        </button>
      )}
    </div>
  );
}
