/** One `{{ path }}` placeholder found in a template. */
export interface TemplatePlaceholder {
  /** The dotted path as written, e.g. `customer.name`. */
  path: string;
  /** The variable it reads, e.g. `customer`. */
  variable: string;
  /** Offset of the opening `{{`. */
  offset: number;
}

// A placeholder is `{{ name }}` or `{{ name.field.field }}`; anything else between braces stays literal text.
const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\}\}/g;

/** Replaces each `{{ path }}` placeholder with `lookup(path)` (the full dotted path, e.g. `customer.name`). */
export function renderTemplate(template: string, lookup: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => lookup(path));
}

/** The variable names a template reads (`customer` for `{{ customer.name }}`), each once, in order. */
export function templateVariables(template: string): string[] {
  return [...new Set(templatePlaceholders(template).map((placeholder) => placeholder.variable))];
}

/** Every placeholder of a template with its path, variable and offset. */
export function templatePlaceholders(template: string): TemplatePlaceholder[] {
  const found: TemplatePlaceholder[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const path = match[1] ?? '';
    found.push({ path, variable: path.split('.')[0] ?? path, offset: match.index });
  }
  return found;
}
