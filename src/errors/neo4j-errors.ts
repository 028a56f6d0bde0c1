import type { GraphQLError } from 'graphql';
import { Neo4jError, isRetriableError } from 'neo4j-driver';
import { ConflictError, InternalError, QueryTimeoutError, ServiceUnavailableError } from './error-codes.js';

/**
 * The one place where an error that is not already an API error becomes one. Driver messages, Cypher and
 * stack traces stay in the server log; the client gets a code and a sentence.
 */
export function toApiError(cause: Error): GraphQLError {
  if (isDatabaseUnavailable(cause)) return new ServiceUnavailableError();
  if (isTimedOut(cause)) return new QueryTimeoutError();
  if (cause instanceof Neo4jError && cause.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('That would create a second node with an id that already exists.');
  }
  return new InternalError();
}

/** Neo4j ended a transaction that ran over the timeout it was given (or, on a server, its own limit). */
export function isTimedOut(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** Connection refused, a lost session, a database restarting: all that the driver would retry. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || isRetriableError(error));
}

/** A transaction that would hold more memory than the database allows one (dbms.memory.transaction.total.max). */
export function isOutOfTransactionMemory(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
}
