import { useState } from 'react';
import { CHANNELS, type FlowTestCase } from '@omniflow/flow-schema';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useFlowTestsStore } from '../../flowTests/useFlowTestsStore.ts';
import { flowTestsClient, type TestRunView, type TestSuggestionView } from '../../flowTests/flowTestsClient.ts';
import { useFlowTestsT } from '../../flowTests/flowTestMessages.ts';
import { TestStepsEditor } from '../TestStepsEditor/TestStepsEditor.tsx';
import { uniqueTestId as uniqueId } from '../../flowTests/uniqueTestId.ts';

/**
 * The Tests tab: the flow's conversation tests (edit, add, delete), running them on the runtime in every channel,
 * results per test and channel with the failing step and node, the coverage overlay and suggested tests.
 */
export function TestsPanel({ flowId }: { flowId: string }) {
  const t = useFlowTestsT();
  const flow = useFlowStore((s) => s.flow);
  const report = useFlowTestsStore((s) => s.report);
  const showCoverage = useFlowTestsStore((s) => s.showCoverage);
  const picked = useFlowTestsStore((s) => s.picked);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [suggestions, setSuggestions] = useState<TestSuggestionView[] | null>(null);
  const tests = flow?.tests ?? [];

  const setTests = (next: FlowTestCase[], gesture?: string) =>
    useFlowStore.getState().edit((current) => ({ ...current, tests: next }), gesture);
  const updateTest = (index: number, change: Partial<FlowTestCase>, gesture?: string) =>
    setTests(
      tests.map((test, i) => (i === index ? { ...test, ...change } : test)),
      gesture,
    );

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const run = () =>
    act(async () => {
      const current = useFlowStore.getState().flow;
      if (!current) return;
      const next = await flowTestsClient.run(flowId, current);
      useFlowTestsStore.getState().setReport(next);
    });
  const suggest = () => act(async () => setSuggestions(await flowTestsClient.suggestions(flowId)));
  const pick = (r: TestRunView) => useFlowTestsStore.getState().pick(r);
  // Opens the node in the inspector; the Tests tab shows the same failure again when reopened.
  const showNode = (nodeId: string) => useFlowStore.getState().focusNode(nodeId);

  const nodeCount = flow?.nodes.length ?? 0;
  return (
    <div className="tests-panel">
      <div className="tests-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          {busy ? t('running') : t('runTests')}
        </button>
        <button type="button" disabled={busy} onClick={() => void suggest()}>
          {t('suggestions')}
        </button>
        <label className="inline">
          <input
            type="checkbox"
            checked={showCoverage}
            onChange={(e) => useFlowTestsStore.getState().setShowCoverage(e.target.checked)}
          />{' '}
          {t('coverage')}
        </label>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {report && (
        <p role="status" className={report.passed ? 'status-text tests-passed' : 'error-text tests-failed'}>
          {report.passed
            ? t('suitePassed', { total: report.total })
            : t('suiteFailed', { failed: report.failed, total: report.total })}{' '}
          <span className="muted">
            {t('coverageSummary', { covered: report.coverage.nodes.length, total: nodeCount })}
          </span>
        </p>
      )}
      {suggestions && (
        <ul className="test-suggestions" aria-label={t('suggestions')}>
          {suggestions.length === 0 && <li className="muted">{t('noSuggestions')}</li>}
          {suggestions.map((s) => (
            <li key={s.nodeId}>
              {s.test.name} {!s.complete && <span className="badge">{t('needsAnswer')}</span>}{' '}
              <button
                type="button"
                onClick={() => {
                  setTests([...tests, { ...s.test, id: uniqueId(tests, s.test.id) }]);
                  setSuggestions(suggestions.filter((other) => other !== s));
                }}
              >
                {t('addSuggestion')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {tests.length === 0 && <p className="muted">{t('noTests')}</p>}
      {tests.map((test, index) => {
        const runs = report?.runs.filter((r) => r.testId === test.id) ?? [];
        const failedStep = picked?.testId === test.id && picked.failedStep !== undefined ? picked.failedStep : null;
        return (
          <details key={test.id} className="test-case" data-test-id={test.id} open={failedStep !== null}>
            <summary>
              <span className="test-name">{test.name}</span>
              {runs.map((r) => (
                <button
                  key={r.channel}
                  type="button"
                  className={r.passed ? 'badge run-passed' : 'badge run-failed'}
                  title={r.message ?? ''}
                  onClick={() => pick(r)}
                >
                  {r.passed ? '✓' : '✗'} {r.channel}
                </button>
              ))}
            </summary>
            {picked?.testId === test.id && !picked.passed && (
              <p className="error-text test-failure" role="alert">
                [{picked.channel}]{' '}
                {picked.failedStep !== undefined && picked.failedStep >= 0 ? `#${picked.failedStep + 1} ` : ''}
                {picked.message}{' '}
                {picked.failedNodeId && (
                  <button type="button" onClick={() => showNode(picked.failedNodeId ?? '')}>
                    {t('showNode')}
                  </button>
                )}
              </p>
            )}
            <label>
              {t('testName')}{' '}
              <input
                value={test.name}
                onChange={(e) => updateTest(index, { name: e.target.value }, `test-name-${test.id}`)}
              />
            </label>
            <fieldset className="test-channels">
              <legend>{t('channels')}</legend>
              {CHANNELS.map((channel) => {
                const on = (test.channels ?? CHANNELS).includes(channel);
                return (
                  <label key={channel} className="inline">
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={() => {
                        const next = CHANNELS.filter((c) =>
                          c === channel ? !on : (test.channels ?? CHANNELS).includes(c),
                        );
                        if (next.length > 0) updateTest(index, { channels: next });
                      }}
                    />{' '}
                    {channel}
                  </label>
                );
              })}
            </fieldset>
            <TestStepsEditor
              steps={test.steps}
              failedStep={failedStep}
              onChange={(steps) => updateTest(index, { steps }, `test-steps-${test.id}`)}
            />
            <MocksField
              test={test}
              onChange={(mocks) => updateTest(index, mocks === undefined ? { mocks: {} } : { mocks })}
            />
            <button type="button" className="danger" onClick={() => setTests(tests.filter((_, i) => i !== index))}>
              {t('deleteTest')}
            </button>
          </details>
        );
      })}
    </div>
  );
}

/** The test's mocks as JSON text; applied once it parses to an object. */
function MocksField({ test, onChange }: { test: FlowTestCase; onChange(mocks: FlowTestCase['mocks']): void }) {
  const t = useFlowTestsT();
  const [text, setText] = useState(JSON.stringify(test.mocks ?? {}, null, 1));
  return (
    <label className="test-mocks">
      {t('mocks')}
      <textarea
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseObject(e.target.value);
          if (parsed !== null) onChange(parsed);
        }}
      />
    </label>
  );
}

function parseObject(text: string): FlowTestCase['mocks'] | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as FlowTestCase['mocks'])
      : null;
  } catch {
    // Half-typed JSON is normal while editing; the last valid mocks stay in the flow.
    return null;
  }
}
