import { useEffect, useRef, useState } from 'react';
import type { Channel } from '@omniflow/flow-schema';
import {
  EMPTY_CONTACT_DRAFT,
  readContactDraft,
  SimulatorContact,
  type SimulatorContactDraft,
} from '../../contact/SimulatorContact.tsx';
import { SimulatorContactTable } from '../../contact/SimulatorContactTable.tsx';
import { bearerToken, runtimeClient, field, type SessionTurn, type SimOutput } from '../../api/runtimeClient.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useVoiceT } from '../../voice/voiceMessages.ts';
import { VoiceCallPanel } from '../VoiceCallPanel/VoiceCallPanel.tsx';
import { conversationToTest, type RecordedTurn } from '../../flowTests/conversationToTest.ts';
import { useFlowTestsT } from '../../flowTests/flowTestMessages.ts';
import { uniqueTestId } from '../../flowTests/uniqueTestId.ts';

interface Line {
  from: 'bot' | 'caller' | 'system';
  text: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * The simulator: runs the open draft on the runtime in chat, keypad (DTMF) or voice, shows the conversation and
 * the variables, and highlights the active node on the canvas.
 */
export function Simulator({ flowId, beforeStart }: { flowId: string; beforeStart(): Promise<void> }) {
  const t = useT();
  const voiceT = useVoiceT();
  const flow = useFlowStore((s) => s.flow);
  const [channel, setChannel] = useState<Channel>('chat');
  const [locale, setLocale] = useState(flow?.defaultLocale ?? 'en-US');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'active' | 'ended'>('idle');
  const [lines, setLines] = useState<Line[]>([]);
  const [variables, setVariables] = useState<Record<string, unknown>>({});
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const previousVariables = useRef<Record<string, unknown>>({});
  const [choices, setChoices] = useState<{ value: string; label: string }[]>([]);
  const [maxDigits, setMaxDigits] = useState(1);
  const [digits, setDigits] = useState('');
  const [text, setText] = useState('');
  const [speak, setSpeak] = useState(false);
  const [microphone, setMicrophone] = useState(false);
  const [error, setError] = useState('');
  const log = useRef<HTMLOListElement>(null);
  // The conversation as turns, for "Save as test"; reset with each start.
  const recorded = useRef<RecordedTurn[]>([]);
  const testsT = useFlowTestsT();
  const [saved, setSaved] = useState('');
  const [contactDraft, setContactDraft] = useState<SimulatorContactDraft>(EMPTY_CONTACT_DRAFT);
  const [contact, setContact] = useState<Record<string, unknown>>({});

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [lines]);
  useEffect(() => () => useFlowStore.getState().setActiveNode(null), []);

  /** Shows where a session (typed or a microphone call) is: the active node on the canvas and the variables table. */
  const showState = (turn: {
    status: 'active' | 'ended';
    nodeId: string | null;
    variables: Record<string, unknown>;
  }) => {
    const previous = previousVariables.current;
    setChanged(
      new Set(
        Object.keys(turn.variables).filter(
          (name) => JSON.stringify(previous[name]) !== JSON.stringify(turn.variables[name]),
        ),
      ),
    );
    previousVariables.current = turn.variables;
    setVariables(turn.variables);
    useFlowStore.getState().setActiveNode(turn.status === 'ended' ? null : turn.nodeId);
  };

  const resetState = () => {
    setVariables({});
    previousVariables.current = {};
    setChanged(new Set());
  };

  const apply = (turn: SessionTurn) => {
    setSessionId(turn.sessionId);
    setContact(turn.contact);
    setStatus(turn.status);
    showState(turn);
    const added: Line[] = [];
    let nextChoices: { value: string; label: string }[] = [];
    for (const output of turn.outputs) {
      added.push(...render(output, t));
      if (output.type === 'say' && speak && typeof output.text === 'string')
        say(output.text, typeof output.locale === 'string' ? output.locale : locale);
      if (output.type === 'prompt') {
        const expect = field(output, 'expect');
        const c = field(expect, 'choices');
        if (Array.isArray(c))
          nextChoices = c
            .filter((x): x is { value: string; label: string } => typeof field(x, 'value') === 'string')
            .map((x) => ({ value: x.value, label: String(x.label ?? x.value) }));
        const max = field(field(expect, 'dtmf'), 'maxDigits');
        setMaxDigits(typeof max === 'number' ? max : 1);
      }
    }
    setChoices(nextChoices);
    setLines((l) => [...l, ...added]);
  };

  const run = async (action: () => Promise<SessionTurn>) => {
    setError('');
    try {
      apply(await action());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const record = (
    input: RecordedTurn['input'],
    waitingNodeId: string | null,
    offered: RecordedTurn['choices'],
    turn: SessionTurn,
  ) => {
    recorded.current.push({
      input,
      waitingNodeId,
      choices: offered,
      status: turn.status,
      nodeId: turn.nodeId,
      outputs: turn.outputs,
    });
    return turn;
  };

  const saveAsTest = () => {
    const current = useFlowStore.getState().flow;
    if (!current) return;
    const tests = current.tests ?? [];
    const name = testsT('conversationName', { n: tests.length + 1 });
    const test = conversationToTest(
      current,
      recorded.current,
      uniqueTestId(tests, `conversation-${tests.length + 1}`),
      name,
    );
    useFlowStore.getState().edit((draft) => ({ ...draft, tests: [...(draft.tests ?? []), test] }));
    setSaved(testsT('savedAsTest', { name }));
  };

  const start = async () => {
    recorded.current = [];
    setSaved('');
    setLines([]);
    resetState();
    setDigits('');
    const read = readContactDraft(contactDraft);
    if (!read.ok) return;
    await run(async () => {
      await beforeStart();
      return record(null, null, [], await runtimeClient.startSession(flowId, channel, locale, read.contact));
    });
  };

  const send = (input: { type: string; [key: string]: unknown }, shown: string) => {
    if (!sessionId || status !== 'active') return;
    setLines((l) => [...l, { from: 'caller', text: shown }]);
    const waiting = useFlowStore.getState().activeNodeId;
    void run(async () => record(input, waiting, choices, await runtimeClient.sendInput(sessionId, input)));
  };

  const press = (key: string) => {
    const next = digits + key;
    if (key === '#' || next.length >= maxDigits) {
      setDigits('');
      send({ type: 'dtmf', digits: next }, next);
    } else setDigits(next);
  };

  return (
    <div className="simulator">
      <div className="simulator-controls">
        <label>
          {t('channel')}{' '}
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)} aria-label={t('channel')}>
            <option value="chat">{t('chat')}</option>
            <option value="dtmf">{t('keypad')}</option>
            <option value="voice">{t('voice')}</option>
          </select>
        </label>
        <label>
          {t('locale')}{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value)} aria-label={t('locale')}>
            {(flow?.locales ?? []).map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void start()}>
          {status === 'idle' ? t('start') : t('restart')}
        </button>
        <SimulatorContact draft={contactDraft} onChange={setContactDraft} />
        <label className="inline">
          <input type="checkbox" checked={speak} onChange={(e) => setSpeak(e.target.checked)} /> {t('speak')}
        </label>
        {channel === 'voice' && (
          <label className="inline">
            <input type="checkbox" checked={microphone} onChange={(e) => setMicrophone(e.target.checked)} />{' '}
            {voiceT('microphone')}
          </label>
        )}
      </div>
      {channel === 'voice' && microphone && (
        <VoiceCallPanel
          flowId={flowId}
          locale={locale}
          getToken={bearerToken}
          beforeStart={async () => {
            resetState();
            await beforeStart();
          }}
          onTurn={showState}
        />
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <ol className="sim-log" ref={log} aria-live="polite" aria-label={t('simulator')}>
        {lines.map((line, i) => (
          <li key={i} className={`sim-line from-${line.from}`}>
            {line.text}
          </li>
        ))}
      </ol>
      {status === 'active' && channel === 'chat' && choices.length > 0 && (
        <div className="sim-choices">
          {choices.map((c) => (
            <button key={c.value} type="button" onClick={() => send({ type: 'text', text: c.value }, c.label)}>
              {c.label}
            </button>
          ))}
        </div>
      )}
      {status === 'active' && channel === 'dtmf' && (
        <div className="keypad" role="group" aria-label={t('keypad')}>
          {KEYS.map((key) => (
            <button key={key} type="button" onClick={() => press(key)} aria-label={`key ${key}`}>
              {key}
            </button>
          ))}
          {digits && <div className="keypad-buffer">{digits}</div>}
        </div>
      )}
      {status === 'active' && channel !== 'dtmf' && (
        <form
          className="sim-input"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            send(
              channel === 'voice'
                ? { type: 'speech', transcript: text.trim(), confidence: 0.9 }
                : { type: 'text', text: text.trim() },
              text.trim(),
            );
            setText('');
          }}
        >
          <input
            aria-label={channel === 'voice' ? t('sayPhrase') : t('typeMessage')}
            placeholder={channel === 'voice' ? t('sayPhrase') : t('typeMessage')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">{t('send')}</button>
        </form>
      )}
      {status === 'active' && (
        <div className="sim-events">
          <button type="button" onClick={() => send({ type: 'noInput' }, `(${t('noInputEvent')})`)}>
            {t('noInputEvent')}
          </button>
          <button type="button" onClick={() => send({ type: 'hangup' }, `(${t('hangup')})`)}>
            {t('hangup')}
          </button>
        </div>
      )}
      {status !== 'idle' && recorded.current.length > 0 && (
        <div className="sim-save-test">
          <button type="button" onClick={saveAsTest}>
            {testsT('saveAsTest')}
          </button>
          {saved && (
            <span role="status" className="status-text">
              {saved}
            </span>
          )}
        </div>
      )}
      <h3>{t('liveVariables')}</h3>
      <table className="sim-variables">
        <tbody>
          {Object.entries(variables).map(([name, value]) => (
            <tr key={name} className={changed.has(name) ? 'is-changed' : ''}>
              <th scope="row">{name}</th>
              <td>{typeof value === 'string' ? value : JSON.stringify(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SimulatorContactTable contact={contact} />
    </div>
  );
}

function render(output: SimOutput, t: ReturnType<typeof useT>): Line[] {
  switch (output.type) {
    case 'say':
      return [{ from: 'bot', text: String(output.text ?? '') }];
    case 'prompt':
      return [];
    case 'transfer':
      return [{ from: 'system', text: t('transferred', { target: String(output.queue ?? output.agent ?? '?') }) }];
    case 'end':
      return [{ from: 'system', text: t('sessionEnded', { reason: String(output.reason ?? '') }) }];
    default:
      return [{ from: 'system', text: JSON.stringify(output) }];
  }
}

function say(text: string, locale: string): void {
  if (typeof speechSynthesis === 'undefined') return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = locale;
  speechSynthesis.speak(utterance);
}
