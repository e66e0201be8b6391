import { CONTACT_FIELDS, CONTACT_ROOT, contactFieldOf, isContactField } from '../contact/contactFields.ts';
import type { ValidationContext } from './validationContext.ts';

/**
 * Reports a read of a `contact` field that does not exist (FLOW033), naming the valid ones; `attributes.<name>` is
 * free (the channel decides the names). `field` is what follows `contact.` (`''` for the whole contact).
 */
export function checkContactField(
  context: ValidationContext,
  field: string,
  pointer: string,
  nodeId: string | undefined,
): void {
  if (field === '' || isContactField(field)) return;
  context.report(
    'FLOW033',
    pointer,
    `"${CONTACT_ROOT}.${field}" is not a contact field; use one of ${CONTACT_FIELDS.map((name) => `contact.${name}`).join(', ')} (contact.attributes.<name> for the channel's attributes)`,
    nodeId,
  );
}

/**
 * Reports a node field that would store into `contact` (FLOW034): the contact is read-only system information, so a
 * set node, an ask or a handler result can only store into a declared flow variable.
 */
export function checkNotContactWrite(
  context: ValidationContext,
  name: string,
  pointer: string,
  nodeId: string | undefined,
): boolean {
  const field = contactFieldOf(name);
  if (field === undefined) return false;
  context.report(
    'FLOW034',
    pointer,
    `"${name}" is read-only system information about the contact and cannot be set by the flow; store the value in a variable of your own (add one under variables) instead`,
    nodeId,
  );
  return true;
}
