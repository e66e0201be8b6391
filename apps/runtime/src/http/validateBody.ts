import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { RequestHandler } from 'express';
import { ApiError, type ApiProblem } from './ApiError.ts';
import { REQUEST_SCHEMAS, type RequestSchemaName } from './requestSchemas.ts';

const ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
const compiled = new Map<RequestSchemaName, ValidateFunction>();

/** The compiled validator of a named request body schema. */
export function bodyValidator(name: RequestSchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(REQUEST_SCHEMAS[name]);
    compiled.set(name, validate);
  }
  return validate;
}

/** Checks `value` against a named schema and throws a 400 listing every problem with its JSON pointer. */
export function assertBody(name: RequestSchemaName, value: unknown): void {
  const validate = bodyValidator(name);
  if (!validate(value)) throw new ApiError(400, problemsOf(validate.errors ?? []));
}

/** Express middleware validating `req.body` against a named schema (also published in the OpenAPI document). */
export function validateBody(name: RequestSchemaName): RequestHandler {
  return (req, _res, next) => {
    // No body (or not JSON) is checked as `{}` so a missing required field is named with its pointer.
    assertBody(name, req.body ?? {});
    next();
  };
}

/** Turns ajv errors into API problems, each with its JSON pointer and what to fix. */
export function problemsOf(errors: ErrorObject[]): ApiProblem[] {
  return errors.map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
    const pointer = `${error.instancePath}${missing}${extra}`;
    const where = pointer === '' ? 'the body' : pointer;
    let message = `${where} ${error.message ?? 'is invalid'}`;
    if (error.keyword === 'enum') message += `: ${JSON.stringify(error.params['allowedValues'])}`;
    if (error.keyword === 'additionalProperties') message = `${where} is not a known property; remove it`;
    const name = error.params['propertyName'];
    if (typeof name === 'string')
      message = `${where} has the name ${JSON.stringify(name)}, which ${error.message ?? 'is invalid'}; use letters, digits, _ and - (a letter or _ first)`;
    return { code: `BODY_${error.keyword.toUpperCase()}`, message, pointer };
  });
}
