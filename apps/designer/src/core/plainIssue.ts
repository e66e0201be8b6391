import type { FlowDocument, FlowIssue, IssueRule } from '@omniflow/flow-schema';
import type { MessageKey, UiLanguage } from '../i18n/messages.ts';
import { translate } from '../i18n/useT.ts';
import { buildFormModel, rebaseFields, type FormField } from './formModel.ts';
import { configPointerOf, nodeIndexOf } from './issuePointers.ts';
import { localizedSpec, nodePorts, type DesignerCatalog } from './nodeCatalog.ts';

/** A problem as the problems panel words it: the node's title and a sentence an analyst can act on. */
export interface PlainIssue {
  nodeId: string | null;
  /** The node's label, else its type's title, else its id; null for a problem of the flow itself. */
  nodeTitle: string | null;
  text: string;
}

/**
 * Words a validation issue for analysts: a config value that breaks its schema reads as the field's label and what
 * to do ("Store answer in: choose a variable"), an unconnected port or an unreachable node says what to draw; every
 * other issue keeps the validator's own sentence.
 */
export function plainIssue(
  issue: FlowIssue,
  flow: FlowDocument | null,
  catalog: DesignerCatalog,
  language: UiLanguage,
): PlainIssue {
  const index = nodeIndexOf(issue.pointer);
  const nodeId = issue.nodeId ?? (index !== null ? flow?.nodes[index]?.id : undefined) ?? null;
  const nodeIndex = flow && nodeId ? flow.nodes.findIndex((n) => n.id === nodeId) : -1;
  const node = nodeIndex >= 0 ? flow?.nodes[nodeIndex] : undefined;
  const served = node ? catalog.byType.get(node.type) : undefined;
  const spec = served ? localizedSpec(served, language) : undefined;
  const nodeTitle = node ? node.label || spec?.title || node.id : nodeId;
  const say: Say = (key, params) => translate(language, key, params);
  if (node && issue.code === 'FLOW013') return { nodeId, nodeTitle, text: say('problem_unreachable') };
  const port = issue.rule?.keyword === 'port' ? issue.rule.params['port'] : undefined;
  if (node && typeof port === 'string') {
    const label = (spec ? nodePorts(node, spec, [], flow?.defaultLocale) : []).find((p) => p.name === port)?.label;
    const key = issue.code === 'FLOW012' ? 'problem_optionalPort' : 'problem_port';
    return { nodeId, nodeTitle, text: say(key, { port: label ?? port }) };
  }
  const pointer = configPointerOf(issue.pointer, nodeIndex);
  if (!issue.rule || !spec || pointer === null) return { nodeId, nodeTitle, text: issue.message };
  const missing = issue.rule.keyword === 'required' ? issue.rule.params['missingProperty'] : undefined;
  const target = typeof missing === 'string' ? `${pointer}/${missing}` : pointer;
  const field = fieldAt(buildFormModel(spec), target);
  const sentence = ruleSentence(issue.rule, field, say);
  if (!field || sentence === null) return { nodeId, nodeTitle, text: issue.message };
  return { nodeId, nodeTitle, text: `${field.label}: ${sentence}` };
}

/** A UI string in the chosen language. */
type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The deepest form field whose pointer covers `pointer`; list items match their `*` segment. */
function fieldAt(fields: readonly FormField[], pointer: string): FormField | null {
  const segments = pointer.split('/');
  let best: FormField | null = null;
  let bestDepth = 0;
  const visit = (list: readonly FormField[]) => {
    for (const field of list) {
      const own = field.pointer.split('/');
      const covers =
        own.length <= segments.length &&
        own.every((part, i) => part === segments[i] || (part === '*' && /^\d+$/.test(segments[i] ?? '')));
      if (!covers) continue;
      if (own.length > bestDepth) {
        best = field;
        bestDepth = own.length;
      }
      if (field.kind === 'group') visit(field.fields);
      if (field.kind === 'list') visit(rebaseFields(field.itemFields, `${field.pointer}/*`));
    }
  };
  visit(fields);
  return best;
}

/** What to do about a broken rule, in the UI language; null when there is nothing plainer than the validator's. */
function ruleSentence(rule: IssueRule, field: FormField | null, say: Say): string | null {
  const limit = rule.params['limit'];
  const n = typeof limit === 'number' ? limit : 0;
  switch (rule.keyword) {
    case 'required':
      return say(field?.kind === 'variable' ? 'problem_chooseVariable' : 'problem_fillIn');
    case 'minLength':
      if (field?.kind === 'variable') return say('problem_chooseVariable');
      return n <= 1 ? say('problem_fillIn') : say('problem_minLength', { n });
    case 'maxLength':
      return say('problem_maxLength', { n });
    case 'minimum':
      return say('problem_minimum', { n });
    case 'maximum':
      return say('problem_maximum', { n });
    case 'minItems':
    case 'minProperties':
      return say('problem_minItems', { n });
    case 'maxItems':
      return say('problem_maxItems', { n });
    case 'pattern':
    case 'format':
      return say('problem_pattern');
    case 'enum':
    case 'const':
      return say('problem_enum');
    case 'type':
      return say('problem_type');
    default:
      return null;
  }
}
