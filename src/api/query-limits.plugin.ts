import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { validate, type DocumentNode, type GraphQLSchema } from 'graphql';
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
  // Apollo hands the same parsed document for the same query text (its document store), so what the checks
  // find is kept per document: the depth, and the complexity per operation name and variables (lists cost
  // what their `first` asks): the same text need not be walked twice more on every request.
  const known = new WeakMap<DocumentNode, { depth: number; complexity: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let checked = known.get(document);
          if (!checked) {
            checked = { depth: depthOf(schema, document, limits.maxDepth), complexity: new Map() };
            known.set(document, checked);
          }
          if (checked.depth > limits.maxDepth) throw new QueryTooComplexError('depth', checked.depth, limits.maxDepth);

          const key = JSON.stringify([request.operationName ?? null, request.variables ?? {}]);
          let complexity = checked.complexity.get(key);
          if (complexity === undefined) {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
            // Bounded: a document asked with ever new variables keeps the last thousand.
            if (checked.complexity.size >= 1000) checked.complexity.clear();
            checked.complexity.set(key, complexity);
          }
          if (complexity > limits.maxComplexity) throw new QueryTooComplexError('complexity', complexity, limits.maxComplexity);
        },
      };
    },
  };
}

/** The depth of the operation's deepest field, fragments included. */
function depthOf(schema: GraphQLSchema, document: DocumentNode, maxDepth: number): number {
  let depth = 0;
  validate(schema, document, [
    maxDepthRule({
      n: maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onAccept: [(_context, details) => (depth = Math.max(depth, details.n))],
      onReject: [(_context, error) => (depth = Math.max(depth, Number(/found (\d+)/.exec(error.message)?.[1] ?? maxDepth + 1)))],
    }),
  ]);
  return depth;
}
