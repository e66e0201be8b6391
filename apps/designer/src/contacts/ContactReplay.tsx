import { useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { FlowDocument } from '@omniflow/flow-schema';
import { useFlowStore } from '../store/useFlowStore.ts';
import { useVersionPreview } from '../store/useVersionPreview.ts';
import { Canvas } from '../components/Canvas/Canvas.tsx';
import { ContactInsightsPanel } from '../insights/ContactInsightsPanel.tsx';
import { contactsClient, type ContactEntry, type ContactView } from './contactsClient.ts';
import { useContactsT, type ContactsPageMessageKey } from './contactsPageMessages.ts';
import { useContactReplay } from './useContactReplay.ts';

const PLAY_MS = 900;

/**
 * One contact: its facts, its transcript step by step (step, step back, play), and the exact flow version it ran on,
 * read-only on the canvas with its path lit and the current step's node highlighted.
 */
export function ContactReplay({ contactId }: { contactId: string }) {
  const t = useContactsT();
  const [loaded, setLoaded] = useState<{
    contact: ContactView;
    transcript: ContactEntry[];
    flow: FlowDocument | null;
  }>();
  const [error, setError] = useState('');
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  // The canvas mounts once it shows the contact's version, so it opens fitted to that flow.
  const shown = useVersionPreview((s) => s.preview !== null);

  useEffect(() => {
    contactsClient
      .open(contactId)
      .then(setLoaded, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [contactId]);

  const steps = useMemo(() => (loaded?.transcript ?? []).filter((e) => e.from !== 'system'), [loaded]);
  const current = steps[step];

  // The canvas shows the contact's version in place of any draft, its path lit, while this page is open.
  useEffect(() => {
    if (!loaded?.flow) return;
    useVersionPreview.getState().show({ version: loaded.contact.version, flow: loaded.flow });
    useContactReplay.getState().set(new Set(loaded.contact.path));
    return () => {
      useVersionPreview.getState().close();
      useContactReplay.getState().set(null);
      useFlowStore.getState().setActiveNode(null);
    };
  }, [loaded]);
  useEffect(() => {
    useFlowStore.getState().setActiveNode(current?.nodeId ?? null);
  }, [current]);
  useEffect(() => {
    if (!playing) return;
    if (step >= steps.length - 1) return setPlaying(false);
    const timer = setTimeout(() => setStep((s) => s + 1), PLAY_MS);
    return () => clearTimeout(timer);
  }, [playing, step, steps.length]);

  if (error) return <p role="alert">{error}</p>;
  if (!loaded) return null;
  const { contact } = loaded;
  const facts: [ContactsPageMessageKey, string][] = [
    ['started', new Date(contact.startedAt).toLocaleString()],
    ['flow', `${contact.flowId} v${contact.version}`],
    ['channel', contact.channel],
    ['direction', t(`direction_${contact.direction}` as ContactsPageMessageKey)],
    ['caller', contact.callerNumber ?? '—'],
    ['dialed', contact.dialedNumber ?? '—'],
    ['outcome', t(`outcome_${contact.outcome ?? 'active'}` as ContactsPageMessageKey)],
    ['endNode', contact.endNode ?? '—'],
    ['queue', contact.transferQueue ?? '—'],
    ['duration', contact.durationMs === null ? '—' : t('seconds', { seconds: Math.round(contact.durationMs / 1000) })],
    ['turns', String(contact.turns)],
    ['path', contact.path.join(' → ')],
  ];

  return (
    <main className="contact-replay">
      <section className="contact-side">
        <a href="#/contacts">{t('back')}</a>
        <dl className="contact-facts">
          {facts.map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd data-fact={key}>{value}</dd>
            </div>
          ))}
        </dl>
        <ContactInsightsPanel contactId={contact.id} />
        <h2>{t('replay')}</h2>
        <div className="contact-replay-controls">
          <button type="button" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
            {t('stepBack')}
          </button>
          <button
            type="button"
            onClick={() => setStep((s) => Math.min(steps.length - 1, s + 1))}
            disabled={step >= steps.length - 1}
          >
            {t('step')}
          </button>
          <button type="button" onClick={() => setPlaying((p) => !p)}>
            {playing ? t('pause') : t('play')}
          </button>
          <span role="status">{t('stepOf', { step: step + 1, total: steps.length })}</span>
        </div>
        <h2>{t('transcript')}</h2>
        <ol className="contact-transcript">
          {steps.map((entry, i) => (
            <li
              key={i}
              className={`from-${entry.from}${i === step ? ' is-current' : ''}`}
              aria-current={i === step ? 'step' : undefined}
            >
              <button type="button" onClick={() => setStep(i)}>
                <strong>{t(`from_${entry.from}` as ContactsPageMessageKey)}</strong> {entry.text}
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section className="contact-canvas">
        {loaded.flow && shown ? (
          <ReactFlowProvider>
            <Canvas />
          </ReactFlowProvider>
        ) : (
          !loaded.flow && <p>{t('draftRun')}</p>
        )}
      </section>
    </main>
  );
}
