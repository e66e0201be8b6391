import { CHANNELS } from '../flowDocument.ts';
import { parseExpression } from '../expression/parseExpression.ts';
import { expressionVariables } from '../expression/expressionVariables.ts';
import { exhaustive } from '../exhaustive.ts';
import { jsonPointer } from '../jsonPointer.ts';
import { templatePlaceholders } from '../template/renderTemplate.ts';
import { CONTACT_ROOT, DEFAULT_SENSITIVE_CONTACT_FIELDS, contactFieldOf } from '../contact/contactFields.ts';
import { rootFieldReads } from '../expression/rootFieldReads.ts';
import { checkSsml } from '../ssml/checkSsml.ts';
import { checkContactField, checkNotContactWrite } from './checkContactUse.ts';
import { collectConfigFields } from './collectConfigFields.ts';
import type { ConfigField } from './collectConfigFields.ts';
import type { ValidationContext } from './validationContext.ts';

/**
 * Checks the annotated fields of every node with a known type: prompt locales (FLOW014), declared variables
 * (FLOW015), expressions (FLOW016), sensitive variables in templates (FLOW018), flow ids (FLOW022) and node ids
 * (FLOW029); then runs the node type's own `check` hook on each config that passed its schema.
 */
export function checkFields(context: ValidationContext): void {
  for (const [i, spec] of context.specs) {
    const node = context.flow.nodes[i];
    if (node === undefined) continue;
    const at = `${jsonPointer('nodes', i)}/config`;
    for (const field of collectConfigFields(spec.configSchema, node.config)) {
      checkField(context, field, `${at}${field.pointer}`, node.id);
    }
    const definition = context.catalog.get(node.type);
    // Only a config that passed its schema (its ports are known) has the shape the hook is typed for.
    if (definition?.check !== undefined && context.ports.has(i)) {
      definition.check(node.config, {
        nodeId: node.id,
        locales: context.flow.locales,
        variable: (name) => context.declared.get(name),
        report: (code, pointer, message) => context.report(code, `${at}${pointer}`, message, node.id),
      });
    }
  }
}

function checkField(context: ValidationContext, field: ConfigField, pointer: string, nodeId: string): void {
  const { value } = field;
  switch (field.kind) {
    case 'prompt':
      checkPrompt(context, value, pointer, nodeId);
      return;
    case 'expression':
      if (typeof value === 'string') checkExpression(context, value, pointer, nodeId, field.implicit ?? []);
      return;
    case 'template':
      if (typeof value === 'string') checkTemplate(context, value, pointer, nodeId);
      return;
    case 'variable':
      if (typeof value !== 'string' || value === '' || checkNotContactWrite(context, value, pointer, nodeId)) return;
      if (!context.isDeclared(value)) {
        context.report('FLOW015', pointer, undeclaredMessage(value), nodeId);
      }
      return;
    case 'node':
      if (typeof value === 'string' && !context.nodeIndex.has(value)) {
        context.report(
          'FLOW029',
          pointer,
          `node "${value}" does not exist in this flow; pick an existing node id`,
          nodeId,
        );
      }
      return;
    case 'flow': {
      const known = context.options.knownFlowIds;
      if (typeof value === 'string' && known !== undefined && !known.has(value)) {
        context.report(
          'FLOW022',
          pointer,
          `flow "${value}" is not known to this runtime; publish it first or pick an existing flow id`,
          nodeId,
        );
      }
      return;
    }
    case 'secret':
      return;
    default:
      exhaustive(field.kind);
  }
}

/** Checks one prompt's locales and its `{{templates}}`; prompts of flow-level settings use it too. */
export function checkPrompt(context: ValidationContext, prompt: unknown, pointer: string, nodeId?: string): void {
  if (typeof prompt !== 'object' || prompt === null) return;
  const text: unknown = Reflect.get(prompt, 'text');
  const missing = context.flow.locales.filter((locale) => {
    const value: unknown =
      typeof text === 'object' && text !== null && Object.hasOwn(text, locale) ? Reflect.get(text, locale) : undefined;
    return typeof value !== 'string' || value.trim() === '';
  });
  if (missing.length > 0) {
    context.report(
      'FLOW014',
      `${pointer}/text`,
      `prompt has no text for ${missing.join(', ')}; the flow declares ${context.flow.locales.join(', ')} — add the translation`,
      nodeId,
    );
  }
  for (const [textPointer, localized] of promptTexts(prompt, pointer)) {
    if (typeof localized !== 'object' || localized === null) continue;
    for (const [locale, template] of Object.entries(localized)) {
      if (typeof template === 'string')
        checkTemplate(context, template, `${textPointer}${jsonPointer(locale)}`, nodeId);
    }
  }
  checkSsml(context, Reflect.get(prompt, 'ssml'), `${pointer}/ssml`, nodeId);
}

function promptTexts(prompt: object, pointer: string): [string, unknown][] {
  const texts: [string, unknown][] = [
    [`${pointer}/text`, Reflect.get(prompt, 'text')],
    [`${pointer}/ssml`, Reflect.get(prompt, 'ssml')],
  ];
  const channels: unknown = Reflect.get(prompt, 'channels');
  if (typeof channels === 'object' && channels !== null) {
    for (const channel of CHANNELS) {
      const override: unknown = Object.hasOwn(channels, channel) ? Reflect.get(channels, channel) : undefined;
      if (typeof override === 'object' && override !== null)
        texts.push([`${pointer}/channels/${channel}/text`, Reflect.get(override, 'text')]);
    }
  }
  return texts;
}

function checkTemplate(context: ValidationContext, template: string, pointer: string, nodeId?: string): void {
  const seen = new Set<string>();
  for (const { variable: name, path } of templatePlaceholders(template)) {
    const field = contactFieldOf(path);
    if (field !== undefined && !context.declared.has(CONTACT_ROOT)) {
      checkContactField(context, field, pointer, nodeId);
      if ((DEFAULT_SENSITIVE_CONTACT_FIELDS as readonly string[]).includes(field))
        context.report(
          'FLOW018',
          pointer,
          `{{${path}}} interpolates sensitive contact information, which is masked when spoken or shown; remove it from the text`,
          nodeId,
        );
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    if (!context.isDeclared(name)) {
      context.report('FLOW015', pointer, undeclaredMessage(name, `{{${name}}}`), nodeId);
    } else if (context.declared.get(name)?.sensitive === true) {
      context.report(
        'FLOW018',
        pointer,
        `{{${name}}} interpolates a sensitive variable, which is always masked when spoken or shown; remove it from the text`,
        nodeId,
      );
    }
  }
}

function checkExpression(
  context: ValidationContext,
  source: string,
  pointer: string,
  nodeId: string,
  implicit: readonly string[],
): void {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    context.report(
      'FLOW016',
      pointer,
      `expression ${JSON.stringify(source)} does not parse at offset ${parsed.error.offset}: ${parsed.error.message}`,
      nodeId,
    );
    return;
  }
  for (const name of expressionVariables(parsed.ast)) {
    if (!implicit.includes(name) && !context.isDeclared(name))
      context.report('FLOW015', pointer, undeclaredMessage(name), nodeId);
  }
  // Only an expression that names the contact can read one of its fields (most do not: skip the second walk).
  if (!source.includes(CONTACT_ROOT) || context.declared.has(CONTACT_ROOT)) return;
  for (const field of rootFieldReads(parsed.ast, CONTACT_ROOT))
    if (field !== null) checkContactField(context, field, pointer, nodeId);
}

function undeclaredMessage(name: string, as?: string): string {
  return `${as ?? `"${name}"`} uses the variable "${name}", which the flow does not declare; add it to variables or fix the name`;
}
