import type { ApolloServerPlugin } from '@apollo/server';
import { operationsWaiting } from '../observability/metrics.js';
import type { ExecutionSlots } from './execution-slots.js';

/** Runs each operation's execution in a slot: from just before its first resolver to its last. */
export function executionSlotsPlugin(slots: ExecutionSlots): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          operationsWaiting.inc();
          const free = await slots.take().finally(() => operationsWaiting.dec());
          return { executionDidEnd: async () => free() };
        },
      };
    },
  };
}
