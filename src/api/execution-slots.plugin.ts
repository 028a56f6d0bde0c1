import type { ApolloServerPlugin } from '@apollo/server';
import type { ExecutionSlots } from './execution-slots.js';

/** Runs each operation's execution in a slot: from just before its first resolver to its last. */
export function executionSlotsPlugin(slots: ExecutionSlots): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          const free = await slots.take();
          return { executionDidEnd: async () => free() };
        },
      };
    },
  };
}
