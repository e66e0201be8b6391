import { useState } from 'react';
import type { FlowSummary } from '../api/runtimeClient.ts';
import { campaignClient, type CampaignView } from './campaignClient.ts';
import { useCampaignT } from './campaignMessages.ts';

const RESULTS = ['busy', 'noAnswer', 'failed', 'machine'] as const;
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Rule {
  retryAfterMinutes: number;
  maxAttempts: number;
  smsFallback: boolean;
}

/** The new-campaign form: flow, schedule (dates, days, holidays, local window), pacing and the per-result strategy. */
export function CampaignForm({ flows, onCreated }: { flows: FlowSummary[]; onCreated: (c: CampaignView) => void }) {
  const t = useCampaignT();
  const today = new Date().toISOString().slice(0, 10);
  const nextMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const [name, setName] = useState('');
  const [flowId, setFlowId] = useState('');
  const [locale, setLocale] = useState('en-US');
  const [region, setRegion] = useState('US');
  const [startAt, setStartAt] = useState(today);
  const [endAt, setEndAt] = useState(nextMonth);
  const [windowStart, setWindowStart] = useState('09:00');
  const [windowEnd, setWindowEnd] = useState('20:00');
  const [days, setDays] = useState([1, 2, 3, 4, 5]);
  const [holidays, setHolidays] = useState('');
  const [maxConcurrent, setMaxConcurrent] = useState(4);
  const [callsPerSecond, setCallsPerSecond] = useState(1);
  const [optOutKey, setOptOutKey] = useState('9');
  const [rules, setRules] = useState<Record<(typeof RESULTS)[number], Rule>>({
    busy: { retryAfterMinutes: 30, maxAttempts: 3, smsFallback: false },
    noAnswer: { retryAfterMinutes: 30, maxAttempts: 3, smsFallback: false },
    failed: { retryAfterMinutes: 60, maxAttempts: 1, smsFallback: false },
    machine: { retryAfterMinutes: 120, maxAttempts: 2, smsFallback: false },
  });
  const [sms, setSms] = useState('');
  const [error, setError] = useState('');

  const submit = () => {
    const body = {
      name,
      flowId: flowId || flows[0]?.id || '',
      locale,
      defaultRegion: region,
      optOutKey,
      schedule: {
        startAt: new Date(`${startAt}T00:00:00`).toISOString(),
        endAt: new Date(`${endAt}T23:59:59`).toISOString(),
        days,
        holidays: holidays
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean),
        window: { start: windowStart, end: windowEnd },
      },
      pacing: { maxConcurrent, callsPerSecond },
      strategy: { rules, ...(sms.trim() ? { smsTemplate: { [locale]: sms } } : {}) },
    };
    campaignClient.create(body).then(
      (created) => {
        setError('');
        onCreated(created);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  const number = (value: number, set: (n: number) => void, label: string, step = 1) => (
    <label>
      {label} <input type="number" min={0} step={step} value={value} onChange={(e) => set(Number(e.target.value))} />
    </label>
  );
  return (
    <form
      className="campaign-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t('newCampaign')}</h3>
      <label>
        {t('name')} <input value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('flow')}{' '}
        <select value={flowId} onChange={(e) => setFlowId(e.target.value)}>
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('locale')} <input value={locale} onChange={(e) => setLocale(e.target.value)} />
      </label>
      <label>
        {t('region')} <input value={region} maxLength={2} onChange={(e) => setRegion(e.target.value.toUpperCase())} />
      </label>
      <label>
        {t('startAt')} <input type="date" value={startAt} onChange={(e) => setStartAt(e.target.value)} />
      </label>
      <label>
        {t('endAt')} <input type="date" value={endAt} onChange={(e) => setEndAt(e.target.value)} />
      </label>
      <label>
        {t('windowStart')} <input type="time" value={windowStart} onChange={(e) => setWindowStart(e.target.value)} />
      </label>
      <label>
        {t('windowEnd')} <input type="time" value={windowEnd} onChange={(e) => setWindowEnd(e.target.value)} />
      </label>
      <fieldset className="campaign-days">
        <legend>{t('days')}</legend>
        {DAY_NAMES.map((day, index) => (
          <label key={day}>
            <input
              type="checkbox"
              checked={days.includes(index)}
              onChange={(e) =>
                setDays(e.target.checked ? [...days, index].toSorted() : days.filter((d) => d !== index))
              }
            />
            {new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(new Date(Date.UTC(2026, 0, 4 + index)))}
          </label>
        ))}
      </fieldset>
      <label>
        {t('holidays')} <input value={holidays} onChange={(e) => setHolidays(e.target.value)} />
      </label>
      {number(maxConcurrent, setMaxConcurrent, t('maxConcurrent'))}
      {number(callsPerSecond, setCallsPerSecond, t('callsPerSecond'), 0.1)}
      <label>
        {t('optOutKey')} <input value={optOutKey} maxLength={1} onChange={(e) => setOptOutKey(e.target.value)} />
      </label>
      <fieldset className="campaign-rules">
        <legend>{t('retries')}</legend>
        {RESULTS.map((result) => (
          <div key={result} className="campaign-rule">
            <span>{t(`result_${result}`)}</span>
            {number(
              rules[result].retryAfterMinutes,
              (n) => setRules({ ...rules, [result]: { ...rules[result], retryAfterMinutes: n } }),
              t('retryAfter'),
            )}
            {number(
              rules[result].maxAttempts,
              (n) => setRules({ ...rules, [result]: { ...rules[result], maxAttempts: n } }),
              t('maxAttempts'),
            )}
            <label>
              <input
                type="checkbox"
                checked={rules[result].smsFallback}
                onChange={(e) => setRules({ ...rules, [result]: { ...rules[result], smsFallback: e.target.checked } })}
              />
              {t('smsFallback')}
            </label>
          </div>
        ))}
      </fieldset>
      <label>
        {t('smsTemplate')} <textarea value={sms} onChange={(e) => setSms(e.target.value)} />
      </label>
      <button type="submit">{t('create')}</button>
      {error && (
        <p role="alert" className="campaign-error">
          {error}
        </p>
      )}
    </form>
  );
}
