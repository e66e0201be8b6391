import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The runtime's pino logger. Request headers that carry tokens are redacted; flow variables are never logged
 * by the runtime (the engine masks sensitive ones in what it hands out).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'omniflow-runtime' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'token', '*.token'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
