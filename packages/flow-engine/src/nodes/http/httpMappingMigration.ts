import { isRecord, parseExpression, type ExpressionAst, type NodeConfigMigration } from '@omniflow/flow-schema';

/**
 * `http` version 2: response mappings are expressions over `response` (`response.body.a.b[0]`) in the flow's own
 * expression language instead of a JSONPath subset (`$.a.b[0]`) or JSONata; `path` becomes `value` and
 * `responseLanguage` goes. Only plain paths have an equivalent; anything else fails the migration with a hint.
 */
export const httpMappingMigration: NodeConfigMigration = {
  version: 2,
  up(config) {
    const { responseLanguage, responseMapping, ...rest } = config;
    const jsonata = responseLanguage === 'jsonata';
    if (!Array.isArray(responseMapping)) return rest;
    const mapping = responseMapping.map((item: unknown) => {
      if (!isRecord(item)) return item;
      const { path, ...others } = item;
      if (typeof path !== 'string') return item;
      const steps = jsonata ? parseJsonataPath(path) : parseJsonPath(path);
      if (steps === null) {
        const language = jsonata ? 'JSONata expression' : 'JSONPath';
        throw new Error(
          `the ${language} ${JSON.stringify(path)} is not a plain path; write it as an expression over response, as in response.body.items[0].id`,
        );
      }
      return { ...others, value: responseExpression(steps) };
    });
    return { ...rest, responseMapping: mapping };
  },
  down(config) {
    const { responseMapping } = config;
    if (!Array.isArray(responseMapping)) return config;
    const mapping = responseMapping.map((item: unknown) => {
      if (!isRecord(item)) return item;
      const { value, ...others } = item;
      if (typeof value !== 'string') return item;
      const steps = responseBodySteps(value);
      if (steps === null)
        throw new Error(
          `the mapping ${JSON.stringify(value)} reads more than a path into response.body; version 1 cannot express it`,
        );
      return { ...others, path: jsonPath(steps) };
    });
    return { ...config, responseMapping: mapping };
  },
};

/** One step into the reply body: an object member or an array index. */
type PathStep = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// Version 1's JSONPath subset: `$`, then `.name`, `['name']` / `["name"]` or `[0]` steps.
const JSONPATH_STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;

function parseJsonPath(path: string): PathStep[] | null {
  const trimmed = path.trim();
  if (!trimmed.startsWith('$')) return null;
  return parseSteps(trimmed.slice(1), JSONPATH_STEP, ([, member, index, single, double]) =>
    index !== undefined ? Number(index) : (member ?? single ?? double ?? ''),
  );
}

// JSONata's plain paths: `a.b[0]`, optionally from `$`, with `` `odd name` `` members.
const JSONATA_STEP = /^(?:\.([A-Za-z_]\w*)|\.`([^`]*)`|\[(\d+)\])/;

function parseJsonataPath(path: string): PathStep[] | null {
  const trimmed = path.trim();
  if (trimmed === '$') return [];
  return parseSteps(
    trimmed.startsWith('$.') ? trimmed.slice(1) : `.${trimmed}`,
    JSONATA_STEP,
    ([, member, quoted, index]) => (index !== undefined ? Number(index) : (member ?? quoted ?? '')),
  );
}

function parseSteps(source: string, step: RegExp, read: (match: RegExpExecArray) => PathStep): PathStep[] | null {
  const steps: PathStep[] = [];
  let rest = source;
  while (rest.length > 0) {
    const match = step.exec(rest);
    if (match === null) return null;
    steps.push(read(match));
    rest = rest.slice(match[0].length);
  }
  return steps;
}

function responseExpression(steps: readonly PathStep[]): string {
  let text = 'response.body';
  for (const step of steps) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += IDENTIFIER.test(step) ? `.${step}` : `[${quote(step)}]`;
  }
  return text;
}

function jsonPath(steps: readonly PathStep[]): string {
  let text = '$';
  for (const step of steps) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += /^[A-Za-z_$][\w$-]*$/.test(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
  }
  return text;
}

// A string literal of the expression language, which knows the escapes \\ \" \n \r \t only.
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** The steps of `response.body…` when the expression is nothing but a path into the body, else `null`. */
function responseBodySteps(source: string): PathStep[] | null {
  const parsed = parseExpression(source);
  if (!parsed.ok) return null;
  const steps: PathStep[] = [];
  let node: ExpressionAst = parsed.ast;
  for (;;) {
    if (node.kind === 'member') {
      steps.unshift(node.property);
      node = node.object;
    } else if (node.kind === 'index' && node.index.kind === 'literal' && isPathStep(node.index.value)) {
      steps.unshift(node.index.value);
      node = node.object;
    } else {
      break;
    }
  }
  const [first] = steps;
  return node.kind === 'identifier' && node.name === 'response' && first === 'body' ? steps.slice(1) : null;
}

function isPathStep(value: unknown): value is PathStep {
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
}
