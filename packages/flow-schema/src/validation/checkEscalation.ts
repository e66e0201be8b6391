import { jsonPointer } from '../jsonPointer.ts';
import type { ValidationContext } from './validationContext.ts';

/**
 * Checks the flow's escalation rules (issue 17): unique rule ids (FLOW051), `goto` targets that exist (FLOW050), and
 * phrase rules with phrases for every locale of the flow (FLOW052), since a caller of that language could not trip them.
 */
export function checkEscalation(context: ValidationContext): void {
  const { flow } = context;
  const ids = new Set<string>();
  (flow.escalation?.rules ?? []).forEach((rule, r) => {
    if (ids.has(rule.id)) {
      context.report(
        'FLOW051',
        jsonPointer('escalation', 'rules', r, 'id'),
        `escalation rule "${rule.id}" is named twice; give each rule its own id`,
      );
    }
    ids.add(rule.id);
    if (rule.action.kind === 'goto' && !context.nodeIndex.has(rule.action.target)) {
      context.report(
        'FLOW050',
        jsonPointer('escalation', 'rules', r, 'action', 'target'),
        `escalation rule "${rule.id}" goes to node "${rule.action.target}", which does not exist; pick an existing node`,
      );
    }
    if (rule.when.kind === 'phrases') {
      const phrases = rule.when.phrases;
      const missing = flow.locales.filter((locale) => (phrases[locale] ?? []).length === 0);
      if (missing.length > 0) {
        context.report(
          'FLOW052',
          jsonPointer('escalation', 'rules', r, 'when', 'phrases'),
          `escalation rule "${rule.id}" has no phrases for ${missing.join(', ')}; add the words callers of that language use`,
        );
      }
    }
  });
}
