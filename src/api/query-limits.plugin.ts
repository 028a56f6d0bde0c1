import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { validate, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { QueryTooComplexError } from '../errors/error-codes.js';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

/**
 * Refuses operations deeper or costlier than the limits after parsing and validation, before any resolver
 * runs, so an expensive query never reaches the database. Lists declare their cost on their fields.
 */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let depth = 0;
          validate(schema, document, [
            maxDepthRule({
              n: limits.maxDepth,
              flattenFragments: true,
              propagateOnRejection: false,
              onAccept: [(_context, details) => (depth = Math.max(depth, details.n))],
              onReject: [(_context, error) => (depth = Math.max(depth, Number(/found (\d+)/.exec(error.message)?.[1] ?? limits.maxDepth + 1)))],
            }),
          ]);
          if (depth > limits.maxDepth) throw new QueryTooComplexError('depth', depth, limits.maxDepth);

          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > limits.maxComplexity) throw new QueryTooComplexError('complexity', complexity, limits.maxComplexity);
        },
      };
    },
  };
}
