import type { ApolloServerPlugin } from '@apollo/server';
import { scopeIn } from './request-scope.js';

/** Names the request's GraphQL operation, for its log line, its metrics and its Neo4j transactions' metadata. */
export function operationNamePlugin(): ApolloServerPlugin<object> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ contextValue, operation }) => {
        const scope = scopeIn(contextValue);
        if (scope) scope.operation = operation?.name?.value ?? null;
      },
    }),
  };
}
