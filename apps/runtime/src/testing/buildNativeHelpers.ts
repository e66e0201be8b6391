import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: builds `omniflow-psdecoder` (the long-lived pocketsphinx decoders, `apps/runtime/native`)
 * once before the tests, so the voice tests run the decoders the runtime runs. `make` rebuilds only when the source
 * changed; a machine without the compiler or `libpocketsphinx-dev` gets make's message saying what to install.
 */
export default function buildNativeHelpers(): void {
  const dir = fileURLToPath(new URL('../../native', import.meta.url));
  try {
    execFileSync('make', ['-s', '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`could not build the pocketsphinx decoder helper (make -C ${dir}): ${stderr.trim()}`, {
      cause: error,
    });
  }
}
