import type {
  ConditionCase,
  ConditionConfig,
  MessageConfig,
  SetConfig,
  SubflowConfig,
  TransactionConfig,
} from '@omniflow/flow-engine/specs';
import { quoteString, sanitizeIdentifier } from '../shared/expressionText.ts';
import { arrayAt, numberAt, stringAt } from '../shared/jsonGuards.ts';
import { isPlaceholderValue } from '../shared/ssmlText.ts';
import { liquidToExpression, liquidToTemplate } from './liquidTemplate.ts';
import type { StudioContext, StudioWidget } from './StudioContext.ts';
import { studioConditionExpression } from './studioCondition.ts';

/** Handler name of the transaction node a `run-function` widget becomes; the runtime registers it. */
export const TWILIO_FUNCTION_HANDLER = 'twilio.function';

/** `split-based-on` → a `condition` node: one case per `match` transition (its conditions AND-ed), `noMatch` on `default`. */
export function mapSplit(widget: StudioWidget, ctx: StudioContext): void {
  const input = stringAt(widget.properties, 'input') ?? '';
  const matches = widget.transitions.filter((transition) => transition.event === 'match');
  const cases: ConditionCase[] = matches.map((transition, index) => {
    const expressions = transition.conditions.map((condition) =>
      studioConditionExpression(condition, input, ctx.builder, widget.name),
    );
    const label = transition.conditions
      .map((condition) => stringAt(condition, 'friendly_name') ?? '')
      .filter((name) => name !== '')
      .join(' and ');
    return {
      id: `case${index + 1}`,
      ...(label ? { label } : {}),
      when: expressions.length === 0 ? 'false' : expressions.join(' && '),
    };
  });
  const config: ConditionConfig = { cases };
  const id = ctx.addWidgetNode(widget, 'condition', { ...config });
  matches.forEach((transition, index) =>
    ctx.builder.connect(id, `case${index + 1}`, ctx.target(transition.next, widget.name), widget.name),
  );
  ctx.builder.connect(id, 'default', ctx.target(ctx.next(widget, 'noMatch'), widget.name), widget.name);
  if (matches.some((transition) => transition.conditions.length === 0)) {
    ctx.builder.note('approximate', widget.name, 'A match branch without conditions never matches.');
  }
}

/** `set-variables` → a `set` node. */
export function mapSetVariables(widget: StudioWidget, ctx: StudioContext): void {
  const assignments: SetConfig['assignments'] = [];
  for (const item of arrayAt(widget.properties, 'variables')) {
    const key = stringAt(item, 'key');
    if (key === undefined || key === '') continue;
    const variable = ctx.builder.declare(sanitizeIdentifier(key), 'string', `Twilio Studio flow.variables.${key}`);
    assignments.push({ variable, value: liquidToExpression(stringAt(item, 'value') ?? '', ctx.builder, widget.name) });
  }
  const config: SetConfig = { assignments };
  const id = ctx.addWidgetNode(widget, 'set', { ...config });
  ctx.builder.connect(id, 'next', ctx.target(ctx.next(widget, 'next'), widget.name), widget.name);
}

/** `make-http-request` → the built-in `http` node, its `parsed` fields read by the flow mapped from the JSON reply. */
export function mapHttpRequest(widget: StudioWidget, ctx: StudioContext): void {
  const method = (stringAt(widget.properties, 'method') ?? 'GET').toUpperCase();
  const supported = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? method : 'POST';
  if (supported !== method)
    ctx.builder.note('approximate', widget.name, `HTTP method ${method} is not supported; POST is used.`);
  const contentType = stringAt(widget.properties, 'content_type') ?? 'application/x-www-form-urlencoded;charset=utf-8';
  const parameters = arrayAt(widget.properties, 'parameters');
  let url = liquidToTemplate(stringAt(widget.properties, 'url') ?? '', ctx.builder, widget.name);
  let body = stringAt(widget.properties, 'body');
  const form = parameters
    .map(
      (item) =>
        `${encodeURIComponent(stringAt(item, 'key') ?? '')}=${liquidToTemplate(stringAt(item, 'value') ?? '', ctx.builder, widget.name)}`,
    )
    .join('&');
  if (form !== '' && (supported === 'GET' || supported === 'DELETE')) url += (url.includes('?') ? '&' : '?') + form;
  else if (form !== '' && body === undefined) body = form;
  const json = contentType.includes('json');
  const config: Record<string, unknown> = { method: supported, url: url === '' ? 'https://' : url, timeoutMs: 10000 };
  if (body !== undefined && supported !== 'GET') {
    config['body'] = liquidToTemplate(body, ctx.builder, widget.name);
    config['bodyType'] = json ? 'json' : 'text';
    if (!json) config['headers'] = { 'content-type': contentType };
  }
  const fields = ctx.resultFields(widget);
  const mapping = fields
    .filter((field) => field.path !== 'status')
    .map((field) => ({
      variable: ctx.builder.declare(field.variable, field.path === '$' ? 'object' : 'string'),
      value: responseBodyExpression(field.path),
    }));
  if (mapping.length > 0) config['responseMapping'] = mapping;
  const status = fields.find((field) => field.path === 'status');
  if (status) config['statusVariable'] = ctx.builder.declare(status.variable, 'number');
  const id = ctx.addWidgetNode(widget, 'http', config);
  const failed = ctx.next(widget, 'failed');
  ctx.builder.connect(id, 'success', ctx.target(ctx.next(widget, 'success'), widget.name), widget.name);
  ctx.builder.connect(id, 'error', ctx.target(failed, widget.name), widget.name);
  ctx.builder.connect(id, 'timeout', ctx.target(failed, widget.name), widget.name);
  if (isPlaceholderValue(url))
    ctx.builder.note('approximate', widget.name, `The URL "${url}" holds a placeholder to fill in.`);
}

/** `run-function` → a transaction node (handler `twilio.function`, the function's URL and parameters as args). */
export function mapRunFunction(widget: StudioWidget, ctx: StudioContext): void {
  const url = stringAt(widget.properties, 'url') ?? '';
  const args: Record<string, string> = { url: quoteString(url) };
  const functionSid = stringAt(widget.properties, 'function_sid');
  if (functionSid !== undefined) args['functionSid'] = quoteString(functionSid);
  for (const item of arrayAt(widget.properties, 'parameters')) {
    const key = stringAt(item, 'key');
    if (key !== undefined && key !== '')
      args[key] = liquidToExpression(stringAt(item, 'value') ?? '', ctx.builder, widget.name);
  }
  const results: Record<string, string> = {};
  for (const field of ctx.resultFields(widget)) {
    if (field.path.startsWith('$.')) results[ctx.builder.declare(field.variable)] = field.path.slice(2);
    else
      ctx.builder.note(
        'approximate',
        widget.name,
        `The function's raw ${field.path === 'status' ? 'status code' : 'body'} is not available; "${field.variable}" stays empty.`,
      );
  }
  const config: TransactionConfig = { handler: TWILIO_FUNCTION_HANDLER, args, results, timeoutMs: 10000 };
  const id = ctx.addWidgetNode(widget, 'transaction', { ...config });
  const failed = ctx.next(widget, 'fail', 'failed');
  ctx.builder.connect(id, 'success', ctx.target(ctx.next(widget, 'success'), widget.name), widget.name);
  ctx.builder.connect(id, 'error', ctx.target(failed, widget.name), widget.name);
  ctx.builder.connect(id, 'timeout', ctx.target(failed, widget.name), widget.name);
  ctx.builder.note(
    'approximate',
    widget.name,
    `Twilio Function "${url || functionSid || widget.name}" became a transaction node with handler "${TWILIO_FUNCTION_HANDLER}" (args.url keeps its URL); register that handler or replace the node with an http node.`,
  );
  if (isPlaceholderValue(url) || isPlaceholderValue(functionSid ?? ''))
    ctx.builder.note('approximate', widget.name, 'The function URL or SID holds a placeholder to fill in.');
}

/**
 * `run-subflow` → a `subflow` node calling the imported flow its `flow_sid` names; parameters become inputs and the
 * `widgets.<name>.<variable>` the flow reads become outputs. A flow that was not imported gets a placeholder message
 * that names it and takes the `failed` path.
 */
export function mapRunSubflow(widget: StudioWidget, ctx: StudioContext): void {
  const sid = stringAt(widget.properties, 'flow_sid') ?? '';
  const label = sid || widget.name;
  const reference = { names: [sid].filter((name) => name !== ''), sourceRef: widget.name };
  const resolved = ctx.builder.resolveFlow(reference, label);
  const failed = ctx.target(ctx.next(widget, 'failed'), widget.name);
  if ('unresolved' in resolved) {
    const config: MessageConfig = {
      prompt: ctx.builder.prompt(`(This step ran the flow "${label}", which was not imported.)`),
    };
    const id = ctx.addWidgetNode(widget, 'message', { ...config }, `Missing flow ${label}`);
    ctx.builder.connect(id, 'next', failed, widget.name);
    ctx.builder.flowReferences.push({ nodeId: id, reference, flowId: undefined });
    ctx.builder.note(
      'unsupported',
      widget.name,
      `Subflow "${label}": ${resolved.unresolved}, so a placeholder message names it and the flow goes on by the failed path. Import both flows together (omniflow import a.json b.json) to call it as a subflow.`,
    );
    return;
  }
  const inputs: Record<string, string> = {};
  for (const item of arrayAt(widget.properties, 'parameters')) {
    const key = stringAt(item, 'key');
    if (key !== undefined && key !== '')
      inputs[sanitizeIdentifier(key)] = liquidToExpression(stringAt(item, 'value') ?? '', ctx.builder, widget.name);
  }
  const outputs: Record<string, string> = {};
  for (const field of ctx.widgetFields(widget)) {
    const variable = ctx.builder.declare(
      sanitizeIdentifier(`${sanitizeIdentifier(widget.name)}_${field}`),
      'string',
      `Variable ${field} returned by the subflow ${widget.name}`,
    );
    outputs[variable] = sanitizeIdentifier(field);
  }
  const config: SubflowConfig = { flowId: resolved.flowId, inputs, outputs };
  const id = ctx.addWidgetNode(widget, 'subflow', { ...config });
  ctx.builder.connect(id, 'next', ctx.target(ctx.next(widget, 'completed'), widget.name), widget.name);
  ctx.builder.connect(id, 'error', failed, widget.name);
  ctx.builder.flowReferences.push({ nodeId: id, reference, flowId: resolved.flowId });
  ctx.builder.note(
    'info',
    widget.name,
    `run-subflow "${label}" calls the imported flow "${resolved.flowId}"; its parameters are the inputs${Object.keys(outputs).length > 0 ? ` and widgets.${widget.name}.* are its outputs` : ''}.`,
  );
  const revision = numberAt(widget.properties, 'flow_revision');
  if (revision !== undefined)
    ctx.builder.note('info', widget.name, `Subflow revision ${revision} is not pinned; the published version runs.`);
}

// `$` or `$.a.b` (the `parsed` fields a Studio flow reads) as the http node's expression over the reply body.
function responseBodyExpression(path: string): string {
  const members = path === '$' ? [] : path.slice(2).split('.');
  return members.reduce(
    (text, member) =>
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(member) ? `${text}.${member}` : `${text}[${quoteString(member)}]`,
    'response.body',
  );
}
