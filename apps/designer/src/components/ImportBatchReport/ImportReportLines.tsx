import type { ImportReportLine } from '../../api/runtimeClient.ts';

/** The lines of one flow's import report: severity, source block and message. */
export function ImportReportLines({ report }: { report: readonly ImportReportLine[] }) {
  return (
    <ul>
      {report.map((line, i) => (
        <li key={i} data-severity={line.severity}>
          <strong>{line.severity}</strong> <code>{line.sourceRef}</code> {line.message}
        </li>
      ))}
    </ul>
  );
}
