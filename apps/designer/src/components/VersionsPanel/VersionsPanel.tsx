import { useCallback, useEffect, useState } from 'react';
import { ApiError, runtimeClient, field, type FlowVersion } from '../../api/runtimeClient.ts';
import { blockedPublishReport, flowTestsClient, type SuiteReportView } from '../../flowTests/flowTestsClient.ts';
import { useFlowTestsT } from '../../flowTests/flowTestMessages.ts';
import { useFlowTestsStore } from '../../flowTests/useFlowTestsStore.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useAnalystT } from '../../i18n/analystMessages.ts';
import { useLiveVersion } from '../../store/useLiveVersion.ts';
import { useVersionPreview } from '../../store/useVersionPreview.ts';
import { useSubflowPinT } from '../../i18n/subflowPinMessages.ts';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.tsx';
import { SubflowPins } from '../SubflowPins/SubflowPins.tsx';
import { VersionCompare } from '../VersionCompare/VersionCompare.tsx';

/** Publish the draft with a note, list published versions, preview one, compare two, roll back to one after confirming. */
export function VersionsPanel({ flowId, beforePublish }: { flowId: string; beforePublish(): Promise<void> }) {
  const t = useT();
  const [versions, setVersions] = useState<FlowVersion[] | null>(null);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const testsT = useFlowTestsT();
  // Set when the runtime refused the publish because the tests fail; a reason then lets a publisher override.
  const [blocked, setBlocked] = useState<SuiteReportView | null>(null);
  const [reason, setReason] = useState('');
  const analystT = useAnalystT();
  // The version a rollback waits on the user's confirmation for.
  const [confirming, setConfirming] = useState<number | null>(null);
  const fail = (e: unknown) => setMessage(e instanceof Error ? e.message : String(e));

  const subflowT = useSubflowPinT();
  // The live version of every flow, to tell whether a pinned subflow has moved on.
  const [liveVersions, setLiveVersions] = useState<Record<string, number | null>>({});
  const refresh = useCallback(() => {
    runtimeClient.versions(flowId).then(setVersions).catch(fail);
    runtimeClient
      .listFlows()
      .then((flows) => setLiveVersions(Object.fromEntries(flows.map((f) => [f.id, f.publishedVersion ?? null]))))
      .catch(fail);
    useLiveVersion.getState().load(flowId).catch(fail);
  }, [flowId]);
  useEffect(refresh, [refresh]);

  const preview = async (version: number) => {
    try {
      useFlowStore.getState().select([]);
      useVersionPreview.getState().show({ version, flow: await runtimeClient.getVersion(flowId, version) });
    } catch (e) {
      fail(e);
    }
  };

  const publish = async (override?: string) => {
    setBusy(true);
    setMessage('');
    try {
      await beforePublish();
      const revision = useFlowStore.getState().revision;
      const result =
        override === undefined
          ? await runtimeClient.publish(flowId, note, revision)
          : await flowTestsClient.publishOverriding(flowId, note, override, revision);
      setBlocked(null);
      setReason('');
      const version = field(field(result, 'version'), 'version') ?? field(result, 'version');
      setMessage(t('publishDone', { version: typeof version === 'number' ? version : '?' }));
      setNote('');
      refresh();
    } catch (e) {
      const report = e instanceof ApiError && e.status === 422 ? blockedPublishReport(e.body) : null;
      if (report) {
        setBlocked(report);
        useFlowTestsStore.getState().setReport(report);
      }
      setMessage(report ? testsT('testsFailBlock') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const republish = async (version: number) => {
    setBusy(true);
    setMessage('');
    try {
      const result = await runtimeClient.republish(flowId, version);
      const published = field(field(result, 'version'), 'version');
      setMessage(subflowT('republished', { version: typeof published === 'number' ? published : '?' }));
      refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="versions-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <label htmlFor="publish-note">{t('publishNote')}</label>
        <textarea id="publish-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>
          {t('publish')}
        </button>
      </form>
      {message && (
        <p role="status" className={blocked ? 'error-text' : 'status-text'}>
          {message}
        </p>
      )}
      {blocked && (
        <form
          className="publish-override"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 3) void publish(reason.trim());
          }}
        >
          <ul className="publish-failures">
            {blocked.runs
              .filter((run) => !run.passed)
              .map((run) => (
                <li key={`${run.testId}-${run.channel}`}>
                  {run.name} [{run.channel}]: {run.message}
                </li>
              ))}
          </ul>
          <label htmlFor="override-reason">{testsT('overrideReason')}</label>
          <input id="override-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="danger" disabled={busy || reason.trim().length < 3}>
            {testsT('publishAnyway')}
          </button>
        </form>
      )}
      <h2>{t('versions')}</h2>
      {versions === null ? null : versions.length === 0 ? (
        <p className="muted">{t('noVersions')}</p>
      ) : (
        <ol className="version-list" reversed>
          {versions
            .toSorted((a, b) => b.version - a.version)
            .map((v) => (
              <li key={v.version}>
                <strong>v{v.version}</strong> {v.active && <span className="badge">{t('active')}</span>}
                <div className="muted">
                  {v.publishedAt ? new Date(v.publishedAt).toLocaleString() : ''} {v.publishedBy ?? ''}
                </div>
                {v.note && <div>{v.note}</div>}
                {v.subflows && (
                  <SubflowPins
                    version={v.version}
                    pins={v.subflows}
                    liveVersions={liveVersions}
                    active={v.active === true}
                    busy={busy}
                    onRepublish={() => void republish(v.version)}
                  />
                )}
                <div className="row-actions">
                  <button type="button" onClick={() => void preview(v.version)}>
                    {analystT('preview')} v{v.version}
                  </button>
                  {!v.active && (
                    <button type="button" onClick={() => setConfirming(v.version)}>
                      {t('rollback')} v{v.version}
                    </button>
                  )}
                </div>
              </li>
            ))}
        </ol>
      )}
      {versions && versions.length > 0 && <VersionCompare flowId={flowId} versions={versions} />}
      {confirming !== null && (
        <ConfirmDialog
          title={analystT('confirmRollbackTitle', { version: confirming })}
          body={analystT('confirmRollbackBody', { version: confirming })}
          confirmLabel={`${t('rollback')} v${confirming}`}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const version = confirming;
            setConfirming(null);
            void runtimeClient.rollback(flowId, version).then(refresh).catch(fail);
          }}
        />
      )}
    </div>
  );
}
