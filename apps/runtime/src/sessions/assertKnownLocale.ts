import { ApiError } from '../http/ApiError.ts';

/**
 * Throws a 400 naming the flow's locales when a session asks for one the flow does not have (issue 14: `xx-YY` was
 * accepted). Matching ignores case, as BCP 47 tags do.
 */
export function assertKnownLocale(locales: readonly string[], requested: string | undefined): void {
  if (requested === undefined) return;
  const wanted = requested.toLowerCase();
  if (locales.some((locale) => locale.toLowerCase() === wanted)) return;
  throw new ApiError(400, {
    code: 'UNKNOWN_LOCALE',
    message: `The flow has no locale "${requested}"; use one of ${locales.map((l) => `"${l}"`).join(', ')}.`,
    pointer: '/locale',
  });
}
