import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { toApiError } from '../errors/neo4j-errors.js';
import type { Logger } from '../observability/logger.js';
import { scopeIn } from '../observability/request-scope.js';

/** What went wrong inside the server, as opposed to an API error (ours, or GraphQL's own validation errors). */
function internalCause(error: unknown): Error | null {
  const cause = unwrapResolverError(error);
  return cause instanceof GraphQLError || !(cause instanceof Error) ? null : cause;
}

/**
 * API errors pass as they are; anything else, such as a driver error, is replaced by a coded error that says
 * nothing of the server's internals (resolverErrorLog logs it whole).
 */
export function formatApiError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = internalCause(error);
  if (!cause) return formatted;
  const apiError = toApiError(cause);
  return { message: apiError.message, extensions: apiError.extensions, ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}) };
}

/** Logs each error that formatApiError hides from the client, with the request and the operation it failed in. */
export function resolverErrorLog(logger: Logger): ApolloServerPlugin<object> {
  return {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ contextValue, errors }) => {
        const request = scopeIn(contextValue);
        for (const error of errors) {
          const cause = internalCause(error);
          if (!cause) continue;
          const { code } = toApiError(cause).extensions;
          logger.error({ reqId: request?.id, operation: request?.operation ?? undefined, code, path: error.path?.join('.'), err: cause }, 'resolver error');
        }
      },
    }),
    // The context is made before the request's plugins start: a failure there is logged here, without them.
    contextCreationDidFail: async ({ error }) => {
      logger.error({ err: error }, 'GraphQL context creation failed');
    },
  };
}
