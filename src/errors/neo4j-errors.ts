import type { GraphQLError } from 'graphql';
import { Neo4jError, isRetriableError } from 'neo4j-driver';
import { ConflictError, InternalError, ServiceUnavailableError } from './error-codes.js';

/**
 * The one place where an error that is not already an API error becomes one. Driver messages, Cypher and
 * stack traces stay in the server log; the client gets a code and a sentence.
 */
export function toApiError(cause: Error): GraphQLError {
  if (isDatabaseUnavailable(cause)) return new ServiceUnavailableError();
  if (cause instanceof Neo4jError && cause.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('That would create a second node with an id that already exists.');
  }
  return new InternalError();
}

/** Connection refused, a lost session, a database restarting: all that the driver would retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || isRetriableError(error));
}
