import type { ImportBatchReply } from '../../api/runtimeClient.ts';
import { ImportReportLines } from './ImportReportLines.tsx';
import { useImportT } from './importMessages.ts';

/** What several files imported together became: each flow with its report and link, the failures, the publish order. */
export function ImportBatchReport({ reply, total }: { reply: ImportBatchReply; total: number }) {
  const t = useImportT();
  return (
    <section
      className="import-report import-batch-report"
      aria-label={t('batchTitle', { count: reply.flows.length, total })}
    >
      <h2>{t('batchTitle', { count: reply.flows.length, total })}</h2>
      {reply.flows.map((flow) => (
        <details key={flow.id} data-flow={flow.id} open={flow.report.some((line) => line.severity === 'unsupported')}>
          <summary>
            <a href={`#/flows/${encodeURIComponent(flow.id)}`}>{t('batchOpen', { id: flow.id })}</a>{' '}
            <code>{flow.source}</code>
            {flow.calls.length > 0 && (
              <span className="muted"> · {t('batchCalls', { flows: flow.calls.join(', ') })}</span>
            )}
          </summary>
          <ImportReportLines report={flow.report} />
        </details>
      ))}
      {reply.failures.length > 0 && (
        <>
          <h3>{t('batchFailed')}</h3>
          <ul className="import-failures">
            {reply.failures.map((failure, i) => (
              <li key={i} role="alert" data-source={failure.source}>
                <code>{failure.source}</code> {failure.code}: {failure.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {reply.flows.some((flow) => flow.calls.length > 0) && (
        <p className="muted">{t('batchPublishOrder', { order: reply.publishOrder.join(', ') })}</p>
      )}
    </section>
  );
}
