/**
 * Thrown by a {@link VoiceSessionFactory} to refuse a call with a WebSocket close code of its own (e.g. 4429, too
 * many live sessions), so the far end can tell a retryable refusal from a bad token; other errors close with 1008.
 */
export class VoiceCallRefused extends Error {
  readonly closeCode: number;

  constructor(closeCode: number, reason: string) {
    super(reason);
    this.name = 'VoiceCallRefused';
    this.closeCode = closeCode;
  }
}
