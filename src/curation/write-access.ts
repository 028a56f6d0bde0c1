import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors/error-codes.js';

/** Whether a request may write: decided once per request from its Authorization header. */
export type WriteAccess = 'granted' | 'denied' | 'disabled';

/**
 * Writes need `Authorization: Bearer <API_TOKEN>`. Without an API_TOKEN the server runs read-only.
 * Tokens are compared by digest in constant time, so response timing tells nothing about the token.
 */
export function writeAccess(apiToken: string | undefined, authorization: string | undefined): WriteAccess {
  if (!apiToken) return 'disabled';
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!presented) return 'denied';
  const digest = (token: string) => createHash('sha256').update(token).digest();
  return timingSafeEqual(digest(presented), digest(apiToken)) ? 'granted' : 'denied';
}

/**
 * The schema's auth checker: type-graphql runs it before every field marked `@Authorized()`, so access is
 * declared where a mutation is, not called by hand in each service method. It throws our coded errors
 * rather than returning false, which would give type-graphql's own codes.
 */
export const writeAccessChecker: AuthChecker<{ access: WriteAccess }> = ({ context }) => {
  if (context.access === 'disabled') throw new ForbiddenError('This server is read-only: start it with API_TOKEN set to enable mutations.');
  if (context.access === 'denied') throw new UnauthenticatedError();
  return true;
};
