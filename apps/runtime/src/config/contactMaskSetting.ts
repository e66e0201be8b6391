import {
  CONTACT_FIELDS,
  DEFAULT_SENSITIVE_CONTACT_FIELDS,
  isContactField,
  type ContactField,
} from '@omniflow/flow-schema';
import { ConfigError } from './loadConfig.ts';

/**
 * Reads `OMNIFLOW_CONTACT_MASK` (or the config file's `contactMask`): the contact fields masked wherever they are
 * shown, as a comma-separated list (`callerNumber,customerId`) or `none`; callerNumber, dialedNumber and customerId
 * when unset. An unknown field stops start-up: a misspelt name would leave a number in clear.
 */
export function contactMaskSetting(value: unknown): ContactField[] {
  if (value === undefined || value === null || value === '') return [...DEFAULT_SENSITIVE_CONTACT_FIELDS];
  const names = Array.isArray(value) ? value.map(String) : String(value).split(',');
  const fields = names.map((name) => name.trim()).filter((name) => name !== '');
  if (fields.length === 1 && fields[0] === 'none') return [];
  const unknown = fields.filter((name) => !isContactField(name));
  if (unknown.length > 0)
    throw new ConfigError(
      `OMNIFLOW_CONTACT_MASK names ${unknown.map((name) => JSON.stringify(name)).join(', ')}, which are not contact fields; use some of ${CONTACT_FIELDS.join(', ')}, or "none".`,
    );
  return fields.filter(isContactField);
}
