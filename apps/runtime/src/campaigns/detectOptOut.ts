/** Phrases with which a callee asks not to be called again, per language (matched inside what they said). */
const OPT_OUT_PHRASES: readonly RegExp[] = [
  /\b(stop|quit|don'?t|do not|never)\s+(calling|call|ringing|phoning)\s+(me|us|this number)\b/i,
  /\b(take|remove|put)\s+(me|my number)\s+(off|from|on)\s+(your|the)\s+(list|do not call list)\b/i,
  /\bunsubscribe\b/i,
  /不要再(给我)?打(电话)?了/,
  /别再(给我)?打(电话)?了/,
  /不要再(给我)?(打|来)电话/,
  /전화\s*(하지|좀\s*하지)\s*마(세요|십시오|라)/,
  /다시는\s*전화\s*하지\s*마/,
  /전화\s*그만/,
];

/** One transcript line as the store keeps it (a subset of the engine's TranscriptEntry). */
interface Line {
  from?: unknown;
  text?: unknown;
  kind?: unknown;
}

/**
 * Whether a call's transcript shows the callee opting out: saying "stop calling me", "不要再打了", "전화하지 마세요"
 * (and close variants), or pressing the campaign's opt-out key as a whole entry.
 */
export function detectOptOut(transcript: readonly unknown[], optOutKey: string | undefined): boolean {
  return transcript.some((entry) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const line = entry as Line;
    if (line.from !== 'caller' || typeof line.text !== 'string') return false;
    const text = line.text.normalize('NFKC');
    if (optOutKey !== undefined && line.kind === 'dtmf') return text.replace(/#$/, '') === optOutKey;
    return OPT_OUT_PHRASES.some((phrase) => phrase.test(text));
  });
}
