/**
 * The part of an issue's JSON pointer inside node `index`'s config (`/nodes/3/config/prompt/text/zh-CN` →
 * `/prompt/text/zh-CN`); `''` for the node itself, `null` when the pointer is about something else.
 */
export function configPointerOf(pointer: string, index: number): string | null {
  const nodePrefix = `/nodes/${index}`;
  if (pointer === nodePrefix) return '';
  if (!pointer.startsWith(`${nodePrefix}/`)) return null;
  const rest = pointer.slice(nodePrefix.length);
  if (rest === '/config') return '';
  return rest.startsWith('/config/') ? rest.slice('/config'.length) : '';
}

/** The node index an issue pointer points into, or null. */
export function nodeIndexOf(pointer: string): number | null {
  const match = /^\/nodes\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : null;
}
