/**
 * Counts a caller's contacts since a moment (`contact.previousContacts`, over the last 7 days); the contacts store
 * answers it from its records. Called once per session start that knows the caller's number.
 */
export type PreviousContactsLookup = (callerNumber: string, since: Date) => Promise<number>;

/** How far back `contact.previousContacts` counts. */
export const PREVIOUS_CONTACTS_DAYS = 7;

/**
 * The default lookup while no contact store is wired in: sessions do not store the caller's number outside their
 * sealed snapshot, so there is nothing to count and every caller reads as new (0).
 */
export const noPreviousContacts: PreviousContactsLookup = async () => 0;
