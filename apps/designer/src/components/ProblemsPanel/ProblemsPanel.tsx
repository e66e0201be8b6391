import { configPointerOf } from '../../core/issuePointers.ts';
import { plainIssue } from '../../core/plainIssue.ts';
import { useFlowStore } from '../../store/useFlowStore.ts';
import { useT, useUiLanguage } from '../../i18n/useT.ts';

/** The problems panel: live validation issues; clicking one selects its node and focuses the field. */
export function ProblemsPanel() {
  const t = useT();
  const issues = useFlowStore((s) => s.issues);
  const flow = useFlowStore((s) => s.flow);
  const catalog = useFlowStore((s) => s.catalog);
  const language = useUiLanguage((s) => s.language);
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <section className="problems" aria-label={t('problems')}>
      <h2>
        {t('problems')} <span className={`count ${errors ? 'has-errors' : ''}`}>{issues.length}</span>
      </h2>
      {issues.length === 0 ? (
        <p className="muted">{t('noProblems')}</p>
      ) : (
        <ul>
          {issues.map((issue, i) => {
            const { nodeId, nodeTitle, text } = plainIssue(issue, flow, catalog, language);
            return (
              <li key={`${issue.code}-${issue.pointer}-${i}`} className={`problem ${issue.severity}`}>
                <button
                  type="button"
                  className="problem-button"
                  disabled={!nodeId}
                  onClick={() => {
                    if (!nodeId || !flow) return;
                    const nodeIndex = flow.nodes.findIndex((n) => n.id === nodeId);
                    const pointer = configPointerOf(issue.pointer, nodeIndex);
                    useFlowStore.getState().focusNode(nodeId, pointer || undefined);
                  }}
                >
                  <span className="problem-severity" aria-label={issue.severity}>
                    {issue.severity === 'error' ? '⛔' : '⚠'}
                  </span>
                  <code>{issue.code}</code> {nodeTitle && <strong>{nodeTitle}</strong>} {text}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
