import type { EscalationRule, FlowDocument } from '@omniflow/flow-schema';
import { normalizeText } from '../matching/normalizeText.ts';

/** The default mood threshold: a caller whose last turn scored at or below it hears empathetic prompt variants. */
export const DEFAULT_UPSET_AT_MOST = -0.3;

/** An escalation rule ready to run: its phrases normalized once per flow version. */
export interface CompiledEscalation {
  rule: EscalationRule;
  /** Normalized phrases of every locale (a phrase rule); empty for other rules. */
  phrases: readonly string[];
}

/** The flow's escalation rules in order, a `goto` to a missing node dropped (validation reports it as FLOW050). */
export function compileEscalations(flow: FlowDocument, hasNode: (id: string) => boolean): CompiledEscalation[] {
  return (flow.escalation?.rules ?? []).flatMap((rule) => {
    if (rule.action.kind === 'goto' && !hasNode(rule.action.target)) return [];
    const phrases =
      rule.when.kind === 'phrases'
        ? Object.entries(rule.when.phrases).flatMap(([locale, list]) =>
            list.map((phrase) => normalizeText(phrase, locale)).filter((phrase) => phrase !== ''),
          )
        : [];
    return [{ rule, phrases }];
  });
}
