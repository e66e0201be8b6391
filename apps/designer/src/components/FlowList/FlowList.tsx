import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '@omniflow/flow-schema';
import {
  runtimeClient,
  field,
  type FlowSummary,
  type ImportBatchReply,
  type ImportedFlow,
} from '../../api/runtimeClient.ts';
import { duplicateFlow, flowIdFrom } from '../../core/newFlow.ts';
import { sortFlows, type FlowSort } from '../../core/sortFlows.ts';
import { useAnalystT } from '../../i18n/analystMessages.ts';
import { FLOW_TEMPLATES, flowFromTemplate, type FlowTemplate } from '../../templates/flowTemplates.ts';
import { TemplateGallery } from '../TemplateGallery/TemplateGallery.tsx';
import { useT } from '../../i18n/useT.ts';
import { downloadJson } from '../../core/downloadJson.ts';
import { ImportBatchReport } from '../ImportBatchReport/ImportBatchReport.tsx';
import { ImportReportLines } from '../ImportBatchReport/ImportReportLines.tsx';
import { readImportFiles } from '../ImportBatchReport/readImportFiles.ts';

/** The flow list: create (from a template), search, sort, open, rename, duplicate, delete, import and export flows. */
export function FlowList() {
  const t = useT();
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  /** The last foreign import that left notes: shown here with a link to the flow, instead of opening it at once. */
  const [imported, setImported] = useState<ImportedFlow | null>(null);
  /** Several files imported together (#15): what each became, the failures and the publish order. */
  const [batch, setBatch] = useState<{ reply: ImportBatchReply; total: number } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const analystT = useAnalystT();
  const [template, setTemplate] = useState<FlowTemplate['id']>('blank');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<FlowSort>('edited');
  const shown = useMemo(() => (flows ? sortFlows(flows, query, sort) : null), [flows, query, sort]);

  const refresh = () =>
    runtimeClient
      .listFlows()
      .then(setFlows)
      .catch((e: unknown) => setError(message(e)));
  useEffect(() => {
    void refresh();
  }, []);

  const run = async (action: () => Promise<unknown>) => {
    setError('');
    setImported(null);
    setBatch(null);
    try {
      await action();
      await refresh();
    } catch (e) {
      setError(message(e));
    }
  };

  const create = () =>
    run(async () => {
      const flowName = name.trim() || t('newFlow');
      const chosen = FLOW_TEMPLATES.find((item) => item.id === template) ?? FLOW_TEMPLATES[0]!;
      const stored = await runtimeClient.createFlow(flowFromTemplate(chosen, flowIdFrom(flowName), flowName));
      setName('');
      window.location.hash = `#/flows/${encodeURIComponent(stored.flow.id)}`;
    });

  const rename = (row: FlowSummary) => {
    const next = window.prompt(t('rename'), row.name);
    if (!next || next === row.name) return;
    void run(async () => {
      const stored = await runtimeClient.getFlow(row.id);
      await runtimeClient.updateFlow(row.id, { ...stored.flow, name: next }, stored.revision);
    });
  };

  const duplicate = (row: FlowSummary) =>
    run(async () => {
      const stored = await runtimeClient.getFlow(row.id);
      const copyName = `${row.name} (2)`;
      await runtimeClient.createFlow(duplicateFlow(stored.flow, flowIdFrom(copyName), copyName));
    });

  const remove = (row: FlowSummary) => {
    if (!window.confirm(t('confirmDelete', { name: row.name }))) return;
    void run(() => runtimeClient.deleteFlow(row.id));
  };

  const exportFlow = (row: FlowSummary) =>
    run(async () => {
      const body = await runtimeClient.exportFlow(row.id).catch(async () => (await runtimeClient.getFlow(row.id)).flow);
      downloadJson(`${row.id}.json`, body);
    });

  const importFile = (file: File) =>
    run(async () => {
      const json: unknown = JSON.parse(await file.text());
      const stored = await runtimeClient.importFlow(json).catch(async (e: unknown) => {
        // Older runtimes have no import endpoint: a plain flow document can still be created directly.
        if (typeof field(json, 'id') === 'string' && Array.isArray(field(json, 'nodes')))
          return runtimeClient.createFlow(json as FlowDocument);
        throw e;
      });
      if ('report' in stored && stored.report.length > 0) setImported(stored);
      else window.location.hash = `#/flows/${encodeURIComponent(stored.flow.id)}`;
    });

  const importFiles = (files: readonly File[]) =>
    run(async () => {
      const { documents, unreadable } = await readImportFiles(files);
      const reply =
        documents.length > 0
          ? await runtimeClient.importFlows(documents)
          : { flows: [], failures: [], publishOrder: [] };
      setBatch({ reply: { ...reply, failures: [...unreadable, ...reply.failures] }, total: files.length });
    });

  return (
    <main className="flow-list">
      <h1>{t('flows')}</h1>
      <form
        className="flow-list-create"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          {t('flowName')} <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('newFlow')} />
        </label>
        <button type="submit">{t('create')}</button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label={t('import')}
          multiple
          hidden
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            const [file] = files;
            if (files.length > 1) void importFiles(files);
            else if (file) void importFile(file);
            e.target.value = '';
          }}
        />
        <TemplateGallery value={template} onChange={setTemplate} />
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {imported && (
        <section className="import-report" aria-label={t('importReport')} data-format={imported.format}>
          <h2>{t('importReportTitle', { name: imported.flow.name, count: imported.report.length })}</h2>
          <ImportReportLines report={imported.report} />
          <a href={`#/flows/${encodeURIComponent(imported.flow.id)}`}>{t('openImported')}</a>
        </section>
      )}
      {batch && <ImportBatchReport reply={batch.reply} total={batch.total} />}
      {flows !== null && flows.length > 0 && (
        <div className="flow-list-filters">
          <input
            type="search"
            aria-label={analystT('searchFlows')}
            placeholder={analystT('searchFlows')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label>
            {analystT('sortBy')}{' '}
            <select
              aria-label={analystT('sortBy')}
              value={sort}
              onChange={(e) =>
                setSort(e.target.value === 'name' ? 'name' : e.target.value === 'status' ? 'status' : 'edited')
              }
            >
              <option value="edited">{analystT('sort_edited')}</option>
              <option value="name">{analystT('sort_name')}</option>
              <option value="status">{analystT('sort_status')}</option>
            </select>
          </label>
        </div>
      )}
      {shown === null ? (
        <p>{t('loading')}</p>
      ) : flows?.length === 0 ? (
        <p>{t('noFlows')}</p>
      ) : shown.length === 0 ? (
        <p>{analystT('noMatches', { query })}</p>
      ) : (
        <table className="flow-list-table">
          <tbody>
            {shown.map((row) => (
              <tr key={row.id}>
                <td>
                  <a href={`#/flows/${encodeURIComponent(row.id)}`}>{row.name || row.id}</a>
                  <div className="muted">{row.id}</div>
                </td>
                {/* The runtime's flow list has no editor name yet, so only the time is shown. */}
                <td className="muted">
                  {row.updatedAt ? analystT('lastEdited', { date: new Date(row.updatedAt).toLocaleString() }) : ''}
                </td>
                <td className="muted">
                  {row.publishedVersion ? t('published', { version: row.publishedVersion }) : t('draftOnly')}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => rename(row)} aria-label={`${t('rename')} ${row.name}`}>
                    {t('rename')}
                  </button>
                  <button
                    type="button"
                    onClick={() => void duplicate(row)}
                    aria-label={`${t('duplicate')} ${row.name}`}
                  >
                    {t('duplicate')}
                  </button>
                  <button type="button" onClick={() => void exportFlow(row)} aria-label={`${t('export')} ${row.name}`}>
                    {t('export')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => remove(row)}
                    aria-label={`${t('delete')} ${row.name}`}
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
