import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { contextSlot } from '../common/context-slot.js';
import type { RequestReads } from '../neo4j/database.js';

type PlannedReads = Pick<RequestReads, 'expectOneRead' | 'queriesRun'>;

const readsSlot = contextSlot<PlannedReads>('requestReads');

/** Hands the request's reads to the plugin through its GraphQL context. */
export const putReadsIn = readsSlot.put;

/**
 * Tells a query's reads to expect one read when its operation read once the last time it ran: most operations
 * read whole in one query (round-trips.int.test.ts), and that read then runs without BEGIN and COMMIT
 * (RequestTransaction). What an operation reads can depend on its variables (an alias to resolve, skills a
 * person has to check), so each execution's count decides the next one's expectation.
 *
 * Kept per operation of each parsed document, which Apollo's document store hands again for the same text and
 * forgets as it forgets the text: the memory follows the store's bound.
 */
export function oneReadPlugin(): ApolloServerPlugin<object> {
  const readOnce = new WeakMap<OperationDefinitionNode, boolean>();
  return {
    requestDidStart: async () => ({
      executionDidStart: async ({ contextValue, operation }) => {
        const reads = readsSlot.get(contextValue);
        if (reads && operation.operation === OperationTypeNode.QUERY && readOnce.get(operation)) reads.expectOneRead();
      },
      willSendResponse: async ({ contextValue, operation }) => {
        const reads = readsSlot.get(contextValue);
        if (reads && operation?.operation === OperationTypeNode.QUERY) readOnce.set(operation, reads.queriesRun() === 1);
      },
    }),
  };
}
