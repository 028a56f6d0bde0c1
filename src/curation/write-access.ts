import { createHash, timingSafeEqual } from 'node:crypto';
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

export function requireWriteAccess(access: WriteAccess): void {
  if (access === 'disabled') throw new ForbiddenError('This server is read-only: start it with API_TOKEN set to enable mutations.');
  if (access === 'denied') throw new UnauthenticatedError();
}
