import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses an operation of a type the schema has no root for (this API has no subscriptions) while validating:
 * graphql-js checks fields only against roots that exist, and only fails such an operation when executing it,
 * which Apollo reports as an internal error.
 */
export function supportedOperationTypeRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API has no ${node.operation} operations: only queries and mutations.`, { nodes: node }));
      }
    },
  };
}
