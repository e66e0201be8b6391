/**
 * What a keypad option is called, read from the menu prompt ("Press 1 to cancel your request" → "cancel
 * your request", "For sales, press 2" → "sales"); `Option N` when the prompt does not say.
 */
export function menuOptionLabel(promptText: string, key: string): string {
  const text = promptText.replace(/\s+/g, ' ');
  const after = new RegExp(`press\\s+${key}\\s+(?:to|for)\\s+(.+?)(?=[.,;!?]|\\s+or\\s+press|\\s+press|$)`, 'i').exec(
    text,
  );
  const before = new RegExp(`(?:^|[.;!?]\\s*)(?:if\\s+|for\\s+|to\\s+)?([^.,;!?]+?),?\\s+press\\s+${key}\\b`, 'i').exec(
    text,
  );
  const label = (after?.[1] ?? before?.[1] ?? '').trim();
  return label === '' ? `Option ${key}` : label;
}
