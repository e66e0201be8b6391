import type { FlowBuilder } from '../shared/FlowBuilder.ts';
import { partsToExpression, partsToTemplate, type ValuePart } from '../shared/expressionText.ts';
import { splitLiquidPath, studioVariableName } from './studioVariableName.ts';

const TOKEN = /(\{\{[\s\S]*?\}\}|\{%-?[\s\S]*?-?%\})/;
const PATH = /^[A-Za-z_][\w-]*(?:\.[A-Za-z0-9_][\w-]*|\[\s*(?:\d+|'[^']*'|"[^"]*")\s*\])*$/;

type Token =
  { kind: 'text'; text: string } | { kind: 'output'; body: string } | { kind: 'tag'; name: string; args: string };

/** Translates a Liquid template to Omniflow `{{var}}` template text, reporting what Liquid does that a template cannot. */
export function liquidToTemplate(source: string, builder: FlowBuilder, sourceRef: string): string {
  return tidy(partsToTemplate(liquidToParts(source, builder, sourceRef)));
}

/** Translates a Liquid value (`{{flow.data.x}}`, `Hello {{name}}`) to an expression. */
export function liquidToExpression(source: string, builder: FlowBuilder, sourceRef: string): string {
  return partsToExpression(liquidToParts(source, builder, sourceRef));
}

/** Liquid → literal text and declared variables; tags and filters are approximated and reported. */
export function liquidToParts(source: string, builder: FlowBuilder, sourceRef: string): ValuePart[] {
  const tokens = tokenize(source);
  const state = { index: 0 };
  return readBlock(tokens, state, builder, sourceRef, new Set()).parts;
}

function tokenize(source: string): Token[] {
  return source.split(TOKEN).flatMap((piece): Token[] => {
    if (piece === '') return [];
    if (piece.startsWith('{{')) return [{ kind: 'output', body: piece.slice(2, -2).trim() }];
    if (piece.startsWith('{%')) {
      const inner = piece.replace(/^\{%-?\s*/, '').replace(/\s*-?%\}$/, '');
      const [name = '', ...args] = inner.split(/\s+/);
      return [{ kind: 'tag', name, args: args.join(' ') }];
    }
    return [{ kind: 'text', text: piece }];
  });
}

const BLOCK_END: Readonly<Record<string, string>> = {
  case: 'endcase',
  if: 'endif',
  unless: 'endunless',
  for: 'endfor',
  capture: 'endcapture',
  comment: 'endcomment',
  raw: 'endraw',
};

function readBlock(
  tokens: readonly Token[],
  state: { index: number },
  builder: FlowBuilder,
  sourceRef: string,
  stops: ReadonlySet<string>,
): { parts: ValuePart[]; stop: Token | undefined } {
  const parts: ValuePart[] = [];
  while (state.index < tokens.length) {
    const token = tokens[state.index++];
    if (token === undefined) break;
    if (token.kind === 'text') parts.push({ kind: 'text', text: token.text });
    else if (token.kind === 'output') parts.push(...outputParts(token.body, builder, sourceRef));
    else if (stops.has(token.name)) return { parts, stop: token };
    else parts.push(...tagParts(token, tokens, state, builder, sourceRef));
  }
  return { parts, stop: undefined };
}

function tagParts(
  token: Extract<Token, { kind: 'tag' }>,
  tokens: readonly Token[],
  state: { index: number },
  builder: FlowBuilder,
  sourceRef: string,
): ValuePart[] {
  const end = BLOCK_END[token.name];
  if (token.name === 'raw' && end !== undefined) {
    let text = '';
    while (state.index < tokens.length) {
      const next = tokens[state.index++];
      if (next === undefined || (next.kind === 'tag' && next.name === end)) break;
      text +=
        next.kind === 'text'
          ? next.text
          : next.kind === 'output'
            ? `{{${next.body}}}`
            : `{% ${next.name} ${next.args} %}`;
    }
    return [{ kind: 'text', text }];
  }
  if (token.name === 'case' || token.name === 'if' || token.name === 'unless') {
    const branchTags = new Set(['when', 'elsif', 'else', end ?? '']);
    const labels: string[] = [];
    let kept: ValuePart[] = [];
    let current = readBlock(tokens, state, builder, sourceRef, branchTags);
    if (token.name !== 'case') labels.push(`if ${token.args}`);
    let keptElse = false;
    while (current.stop !== undefined && current.stop.kind === 'tag' && current.stop.name !== end) {
      const branch = current.stop;
      const body = readBlock(tokens, state, builder, sourceRef, branchTags);
      if (branch.name === 'else') {
        kept = body.parts;
        keptElse = true;
      } else labels.push(`${branch.name} ${branch.args}`);
      current = body;
    }
    builder.note(
      'approximate',
      sourceRef,
      `Liquid {% ${token.name} ${token.args} %} cannot be expressed in a prompt; ${keptElse ? 'its else branch was kept' : 'it was dropped'} (other branches: ${labels.join('; ') || 'none'}). Split it into a condition node and one message per branch.`,
    );
    return kept;
  }
  if (end !== undefined) {
    skipBlock(tokens, state, token.name, end);
    if (token.name !== 'comment')
      builder.note(
        'unsupported',
        sourceRef,
        `Liquid {% ${token.name} %} … {% ${end} %} was dropped; templates have no loops or captures.`,
      );
    return [];
  }
  builder.note(
    'unsupported',
    sourceRef,
    `Liquid tag {% ${token.name} ${token.args} %} was dropped; use a set node for assignments.`,
  );
  return [];
}

// Skips a dropped block without translating (or declaring) anything inside it; nested blocks of the same tag count.
function skipBlock(tokens: readonly Token[], state: { index: number }, name: string, end: string): void {
  let depth = 1;
  while (state.index < tokens.length && depth > 0) {
    const token = tokens[state.index++];
    if (token?.kind !== 'tag') continue;
    if (token.name === name) depth++;
    else if (token.name === end) depth--;
  }
}

function outputParts(body: string, builder: FlowBuilder, sourceRef: string): ValuePart[] {
  const [subject = '', ...filters] = body.split('|').map((piece) => piece.trim());
  if (filters.length > 0) {
    builder.note(
      'approximate',
      sourceRef,
      `Liquid filters (${filters.join(' | ')}) on "${subject}" were dropped; the value is shown as is.`,
    );
  }
  const quoted = /^(['"])(.*)\1$/.exec(subject);
  if (quoted) return [{ kind: 'text', text: quoted[2] ?? '' }];
  if (/^-?\d+(\.\d+)?$/.test(subject)) return [{ kind: 'text', text: subject }];
  if (!PATH.test(subject)) {
    builder.note('unsupported', sourceRef, `Liquid output {{ ${body} }} is not a variable path; it was dropped.`);
    return [];
  }
  const segments = splitLiquidPath(subject);
  const mapped = studioVariableName(segments);
  if (mapped.source === 'system') {
    builder.noteOnce(
      mapped.name.startsWith('contact.attributes.') ? 'approximate' : 'info',
      sourceRef,
      `{{${subject}}} became the read-only system variable ${mapped.name}${systemNote(mapped.name)}.`,
    );
    return [{ kind: 'variable', name: mapped.name }];
  }
  if (!builder.isDeclared(mapped.name)) {
    if (mapped.source === 'parentParameter')
      builder.note(
        'info',
        sourceRef,
        `{{${subject}}} is a parameter of the calling flow's run-subflow widget; it became the variable "${mapped.name}", which the calling flow's subflow node passes in.`,
      );
    else if (mapped.source === 'callerData') {
      builder.note(
        'approximate',
        sourceRef,
        `{{${subject}}} is Twilio trigger/contact data; it became the variable "${mapped.name}", which the caller data must supply.`,
      );
    } else if (mapped.source === 'widgetOther') {
      builder.note(
        'approximate',
        sourceRef,
        `{{${subject}}} is a widget value no imported node sets; it became the variable "${mapped.name}".`,
      );
    }
  }
  const type = mapped.name === 'flow_data' || mapped.resultPath === '$' ? 'object' : 'string';
  return [{ kind: 'variable', name: builder.declare(mapped.name, type, `Twilio Studio {{${subject}}}`) }];
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function systemNote(name: string): string {
  if (name === 'contact.channel')
    return " (Omniflow's channel is dtmf, voice or chat: comparisons with voice and with message channels are translated)";
  if (name.startsWith('contact.attributes.'))
    return ', which the channel supplies with the call or message that starts the conversation (empty when it does not)';
  return '';
}
