/** A short, stable hash of a flow document (FNV-1a over its JSON), naming one flow version. */
export function hashFlow(flow: unknown): string {
  const text = JSON.stringify(flow);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
