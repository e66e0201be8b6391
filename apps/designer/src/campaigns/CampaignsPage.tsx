import { useEffect, useMemo, useState } from 'react';
import { EChart } from '../insights/EChart.tsx';
import { runtimeClient, type FlowSummary } from '../api/runtimeClient.ts';
import { CampaignForm } from './CampaignForm.tsx';
import {
  campaignClient,
  type CampaignProgress,
  type CampaignView,
  type ContactResult,
  type ListReport,
} from './campaignClient.ts';
import { campaignBarOption } from './campaignBarOption.ts';
import { CAMPAIGN_MESSAGES, useCampaignT } from './campaignMessages.ts';
import { useUiLanguage } from '../i18n/useT.ts';

/** `#/campaigns`: create campaigns, upload their lists, run them and watch their progress and results. */
export function CampaignsPage() {
  const t = useCampaignT();
  const [campaigns, setCampaigns] = useState<CampaignView[]>([]);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState('');
  const refresh = () =>
    campaignClient.list().then(setCampaigns, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  useEffect(() => {
    void refresh();
    runtimeClient.listFlows().then(setFlows, () => undefined);
    // The list's statuses and bars follow the running campaigns too.
    const timer = setInterval(() => void refresh(), 2000);
    return () => clearInterval(timer);
  }, []);

  return (
    <main className="campaigns-page">
      <section className="campaigns-side">
        <h2>{t('campaigns')}</h2>
        {campaigns.length === 0 && <p>{t('noCampaigns')}</p>}
        <ul className="campaign-list">
          {campaigns.map((c) => (
            <li key={c.id}>
              <button type="button" className={c.id === selected ? 'selected' : ''} onClick={() => setSelected(c.id)}>
                <strong>{c.config.name}</strong>{' '}
                <span className={`campaign-status ${c.status}`}>{t(`status_${c.status}`)}</span>
                {c.progress && <ProgressBar progress={c.progress} />}
              </button>
            </li>
          ))}
        </ul>
        <CampaignForm
          flows={flows.filter((f) => typeof f.publishedVersion === 'number')}
          onCreated={(created) => {
            setSelected(created.id);
            void refresh();
          }}
        />
        {error && <p role="alert">{error}</p>}
      </section>
      {selected && <CampaignDetail key={selected} id={selected} onChange={refresh} />}
    </main>
  );
}

function ProgressBar({ progress }: { progress: CampaignProgress }) {
  const share = progress.contacts === 0 ? 0 : progress.finished / progress.contacts;
  return (
    <progress className="campaign-progress" max={1} value={share} aria-label={`${Math.round(share * 100)}%`}>
      {Math.round(share * 100)}%
    </progress>
  );
}

/** One campaign: its list, its controls, live progress, the outcome chart and per-contact results. */
function CampaignDetail({ id, onChange }: { id: string; onChange: () => void }) {
  const t = useCampaignT();
  const resultLabel = useResultLabel();
  const [campaign, setCampaign] = useState<CampaignView | null>(null);
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [contacts, setContacts] = useState<ContactResult[]>([]);
  const [error, setError] = useState('');

  const load = async () => {
    const reply = await campaignClient.get(id);
    setCampaign(reply.campaign);
    setProgress(reply.progress);
    setContacts(await campaignClient.contacts(id));
  };
  useEffect(() => {
    void load();
    // Live progress: a running campaign is read again every second.
    const timer = setInterval(() => void load().catch(() => undefined), 1000);
    return () => clearInterval(timer);
  }, [id]);

  const act = (action: 'start' | 'pause' | 'resume' | 'stop') =>
    campaignClient.act(id, action).then(
      () => {
        setError('');
        onChange();
        return load();
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  if (!campaign || !progress) return null;
  const status = campaign.status;
  return (
    <section className="campaign-detail" data-status={status}>
      <h2>
        {campaign.config.name} <span className={`campaign-status ${status}`}>{t(`status_${status}`)}</span>
      </h2>
      {status === 'draft' && <ListUpload campaignId={id} region={campaign.config.defaultRegion} onUploaded={load} />}
      <div className="campaign-controls">
        {status === 'draft' && (
          <button type="button" onClick={() => void act('start')}>
            {t('start')}
          </button>
        )}
        {status === 'running' && (
          <button type="button" onClick={() => void act('pause')}>
            {t('pause')}
          </button>
        )}
        {status === 'paused' && (
          <button type="button" onClick={() => void act('resume')}>
            {t('resume')}
          </button>
        )}
        {(status === 'running' || status === 'paused' || status === 'draft') && (
          <button type="button" onClick={() => void act('stop')}>
            {t('stop')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="campaign-error">
          {error}
        </p>
      )}
      <ProgressBar progress={progress} />
      <p className="campaign-progress-text">
        {t('progress', { finished: progress.finished, contacts: progress.contacts })}
      </p>
      <dl className="campaign-counts">
        {(['attempts', 'connected', 'completed', 'inProgress'] as const).map((key) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd data-count={key}>{progress[key]}</dd>
          </div>
        ))}
      </dl>
      <CampaignCharts progress={progress} />
      <h3>
        {t('results')}{' '}
        <button type="button" onClick={() => void campaignClient.exportCsv(id)}>
          {t('export')}
        </button>
      </h3>
      <table className="campaign-results">
        <thead>
          <tr>
            <th>{t('line')}</th>
            <th>{t('phone')}</th>
            <th>{t('name')}</th>
            <th>{t('state')}</th>
            <th>{t('attempts')}</th>
            <th>{t('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.seq}>
              <td>{c.line}</td>
              <td>{c.phone}</td>
              <td>{c.variables['name'] ?? ''}</td>
              <td data-state={c.state}>{t(`state_${c.state}`)}</td>
              <td>{c.attempts}</td>
              <td data-outcome={c.outcome ?? c.lastResult ?? ''}>{resultLabel(c.outcome ?? c.lastResult)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The campaign's charts, drawn with the ECharts component of the insights dashboards: finished contacts by outcome and
 * call attempts by result. `data-series` on each figure lists what its chart shows, for tests and tools.
 */
function CampaignCharts({ progress }: { progress: CampaignProgress }) {
  const t = useCampaignT();
  const resultLabel = useResultLabel();
  const language = useUiLanguage((s) => s.language);
  const outcomes = JSON.stringify(progress.outcomes);
  const results = JSON.stringify(progress.results ?? {});
  // Redrawn when a count or the language changes, not on every poll.
  const charts = useMemo(
    () =>
      [
        { title: 'outcomes', counts: progress.outcomes },
        { title: 'callResults', counts: progress.results ?? {} },
      ].map(({ title, counts }) => ({
        title: title as 'outcomes' | 'callResults',
        series: Object.keys(counts).toSorted().join(','),
        option: campaignBarOption(counts, resultLabel),
      })),
    [outcomes, results, language],
  );
  return (
    <div className="campaign-charts">
      {charts.map(({ title, series, option }) => (
        <figure key={title} className="campaign-chart" data-series={series}>
          <figcaption>{t(title)}</figcaption>
          <EChart option={option} label={t(title)} testId={`campaign-chart-${title}`} />
        </figure>
      ))}
    </div>
  );
}

/** The name of an outcome or call result in the UI language. */
function useResultLabel(): (result: string | null) => string {
  const t = useCampaignT();
  return (result) => {
    if (result === null) return '';
    const key = `result_${result}`;
    return isMessageKey(key) ? t(key) : result;
  };
}

/** Choose a file and an encoding, preview it (row problems with their line), then upload it. */
function ListUpload({
  campaignId,
  region,
  onUploaded,
}: {
  campaignId: string;
  region: string;
  onUploaded: () => void;
}) {
  const t = useCampaignT();
  const problemLabel = (code: string): string => {
    const key = `problem_${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('auto');
  const [report, setReport] = useState<ListReport | null>(null);
  const [error, setError] = useState('');
  const send = (target: { preview: string } | { campaignId: string }) => {
    if (!file) return;
    campaignClient.sendList(target, file, encoding).then(
      (read) => {
        setReport(read);
        setError('');
        if ('campaignId' in target) onUploaded();
      },
      (e: unknown) => {
        setReport(null);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return (
    <fieldset className="campaign-upload">
      <legend>{t('list')}</legend>
      <input
        type="file"
        accept=".csv,.json,text/csv,application/json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <label>
        {t('encoding')}{' '}
        <select value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          <option value="auto">{t('encodingAuto')}</option>
          <option value="utf-8">UTF-8</option>
          <option value="gbk">GBK</option>
          <option value="euc-kr">EUC-KR</option>
        </select>
      </label>
      <button type="button" disabled={!file} onClick={() => send({ preview: region })}>
        {t('preview')}
      </button>
      <button type="button" disabled={!file} onClick={() => send({ campaignId })}>
        {t('upload')}
      </button>
      {error && (
        <p role="alert" className="campaign-error">
          {error}
        </p>
      )}
      {report && (
        <div className="campaign-list-report">
          <p>
            {t('contactsReady', {
              count: report.contactCount,
              problems: report.problems.length,
              encoding: report.encoding,
            })}
          </p>
          {report.problems.length > 0 && (
            <table className="campaign-row-problems">
              <thead>
                <tr>
                  <th>{t('line')}</th>
                  <th>{t('reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p) => (
                  <tr key={`${p.line}-${p.code}`}>
                    <td>{p.line}</td>
                    <td data-code={p.code}>
                      <strong>{problemLabel(p.code)}</strong>{' '}
                      <span className="campaign-problem-detail">{p.message}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <table className="campaign-preview">
            <tbody>
              {report.contacts.slice(0, 10).map((c) => (
                <tr key={c.line}>
                  <td>{c.line}</td>
                  <td>{c.phone}</td>
                  <td>{Object.values(c.variables).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}

function isMessageKey(key: string): key is keyof (typeof CAMPAIGN_MESSAGES)['en'] {
  return key in CAMPAIGN_MESSAGES.en;
}
