import type { Request } from 'express';
import { ApiError } from './ApiError.ts';

/** A path parameter of the matched route; a 400 if the route did not capture it. */
export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string') throw ApiError.badRequest('BAD_PATH', `Missing path parameter ${name}.`);
  return value;
}
