import type { Principal } from '../auth/TokenService.ts';
import { ApiError } from '../http/ApiError.ts';
import type { ContactInput } from './contactInput.ts';

/**
 * A customer's own client (a channel token: the web chat page, an app) may tell the contact's attributes only: it
 * cannot vouch for a phone number or a direction, which flows may trust (repeat-caller counts, routing). Management
 * tokens (a server integration, the designer's simulator) may set all of them. `pointer` is where the contact is in
 * the request body.
 */
export function assertContactAllowed(
  principal: Principal | undefined,
  contact: ContactInput | undefined,
  pointer: string,
): void {
  if (contact === undefined || principal?.kind === 'role') return;
  const claimed = (['callerNumber', 'dialedNumber', 'direction'] as const).find(
    (field) => contact[field] !== undefined,
  );
  if (claimed === undefined) return;
  throw new ApiError(403, {
    code: 'CONTACT_FIELD_FORBIDDEN',
    message: `A channel token may set contact.attributes only; contact.${claimed} comes from a telephony channel or a management token. Remove it or start the session from your server.`,
    pointer: `${pointer}/${claimed}`,
  });
}
