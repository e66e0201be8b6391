import type { JsonSchema } from '../nodeTypeSpec.ts';

/** The size limits of what a channel may tell about a contact (the snapshot carries it on every turn). */
export const CONTACT_LIMITS = {
  maxNumberLength: 32,
  maxAttributes: 32,
  maxAttributeNameLength: 64,
  maxAttributeValueLength: 512,
} as const;

const phoneNumber = { type: 'string', minLength: 1, maxLength: CONTACT_LIMITS.maxNumberLength };

/**
 * An attribute name: a letter or `_`, then letters, digits, `_` or `-` (read as `contact.attributes.segment`, or
 * `contact.attributes["call-type"]`), never an object-model name.
 */
export const CONTACT_ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** JSON Schema of the contact's channel attributes: a small map of strings. */
export const contactAttributesJsonSchema: JsonSchema = {
  type: 'object',
  maxProperties: CONTACT_LIMITS.maxAttributes,
  propertyNames: {
    pattern: CONTACT_ATTRIBUTE_NAME.source,
    maxLength: CONTACT_LIMITS.maxAttributeNameLength,
    not: { enum: ['__proto__', 'constructor', 'prototype'] },
  },
  additionalProperties: { type: 'string', maxLength: CONTACT_LIMITS.maxAttributeValueLength },
};

const inputProperties: { [name: string]: JsonSchema } = {
  direction: { enum: ['inbound', 'outbound'] },
  callerNumber: phoneNumber,
  dialedNumber: phoneNumber,
  attributes: contactAttributesJsonSchema,
};

/**
 * JSON Schema of what a channel (or an API client) tells about a contact when its session starts: direction, the
 * two numbers and attributes (`SessionService.start({ contact })`).
 */
export const contactInputJsonSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: inputProperties,
};

/** JSON Schema of a flow test's `contact`: the channel's facts plus what the runtime or a verification would add. */
export const testContactJsonSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...inputProperties,
    previousContacts: { type: 'integer', minimum: 0, maximum: 100000 },
    customerId: { type: 'string', minLength: 1, maxLength: 128 },
  },
};
