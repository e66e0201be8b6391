const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The words an SSML document speaks, for the text channels: tags dropped, breaks as spaces, entities decoded. */
export function ssmlToText(ssml: string): string {
  return ssml
    .replace(/<break\b[^>]*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_match, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a value looks like an unfilled template placeholder (`REPLACE_WITH_...`, `YOUR_...`, `${VAR}`, `<instance-alias>`). */
export function isPlaceholderValue(value: string): boolean {
  return /REPLACE_WITH|YOUR_[A-Z_]+|\$\{[^}]+\}|<[a-z][\w-]*>/.test(value);
}
