/** The logging the voice gateway needs; a pino logger fits it. Call data that is sensitive never reaches it. */
export interface VoiceLogger {
  debug(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}
