import { useEffect, useState } from 'react';
import { runtimeClient, type FlowSummary } from '../api/runtimeClient.ts';
import { CampaignForm } from './CampaignForm.tsx';
import {
  campaignClient,
  type CampaignProgress,
  type CampaignView,
  type ContactResult,
  type ListReport,
} from './campaignClient.ts';
import { CAMPAIGN_MESSAGES, useCampaignT } from './campaignMessages.ts';

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
      <OutcomeChart outcomes={progress.outcomes} />
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
              <td>{c.state}</td>
              <td>{c.attempts}</td>
              <td>{c.outcome ?? c.lastResult ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const OUTCOME_COLOURS: Record<string, string> = {
  completed: '#2f9e44',
  optedOut: '#e67700',
  busy: '#f08c00',
  noAnswer: '#868e96',
  machine: '#7048e8',
  failed: '#e03131',
  smsSent: '#1c7ed6',
  doNotCall: '#495057',
};

/** A bar per outcome, as an SVG the page draws itself (a handful of bars; no chart library needed). */
function OutcomeChart({ outcomes }: { outcomes: Record<string, number> }) {
  const t = useCampaignT();
  const entries = Object.entries(outcomes).toSorted((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const label = (outcome: string): string => {
    const key = `result_${outcome}`;
    return isMessageKey(key) ? t(key) : outcome;
  };
  return (
    <figure className="campaign-chart">
      <figcaption>{t('outcomes')}</figcaption>
      <svg width="420" height={Math.max(24, entries.length * 26)} role="img" aria-label={t('outcomes')}>
        {entries.map(([outcome, n], i) => (
          <g key={outcome} transform={`translate(0, ${i * 26})`} data-outcome={outcome}>
            <text x="0" y="16" fontSize="12">
              {label(outcome)}
            </text>
            <rect x="130" y="4" height="16" width={(n / max) * 240} fill={OUTCOME_COLOURS[outcome] ?? '#adb5bd'} />
            <text x={136 + (n / max) * 240} y="16" fontSize="12">
              {n}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
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
                    <td>{p.message}</td>
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
