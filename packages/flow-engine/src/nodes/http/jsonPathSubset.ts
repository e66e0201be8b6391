/** One step of a parsed JSONPath: an object member or an array index. */
type PathStep = string | number;

// `$`, then `.name`, `['name']` / `["name"]` or `[0]` steps.
const STEP = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;

/** Parses the supported JSONPath subset (`$.a.b[0]['c d']`); `null` when the path is outside it. */
export function parseJsonPath(path: string): PathStep[] | null {
  const trimmed = path.trim();
  if (!trimmed.startsWith('$')) return null;
  const steps: PathStep[] = [];
  let rest = trimmed.slice(1);
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    if (match === null) return null;
    const [whole, member, index, single, double] = match;
    steps.push(index !== undefined ? Number(index) : (member ?? single ?? double ?? ''));
    rest = rest.slice(whole.length);
  }
  return steps;
}

/** Reads `path` (the supported JSONPath subset) from `document`; a missing step yields `undefined`. */
export function readJsonPath(document: unknown, path: string): unknown {
  const steps = parseJsonPath(path);
  if (steps === null) return undefined;
  let current: unknown = document;
  for (const step of steps) {
    if (typeof step === 'number') {
      current = Array.isArray(current) ? current[step] : undefined;
    } else if (typeof current === 'object' && current !== null && !Array.isArray(current) && Object.hasOwn(current, step)) {
      current = Reflect.get(current, step);
    } else {
      return undefined;
    }
  }
  return current;
}
