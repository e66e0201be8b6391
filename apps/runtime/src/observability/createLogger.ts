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
  if (destination) return pino(options, destination);
  // Buffered, asynchronous stdout: a synchronous write per turn would stall the event loop whenever the log
  // reader (a pipe, docker, journald) is slow. Flushed every second and on exit; a kill -9 loses at most ~1 s.
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stdout.flush(), 1000).unref();
  return pino(options, stdout);
}
