import type { GraphQLRequestContext, GraphQLRequestExecutionListener, GraphQLRequestListener } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { operationsWaiting } from '../observability/metrics.js';
import { ExecutionSlots } from './execution-slots.js';
import { executionSlotsPlugin } from './execution-slots.plugin.js';

type ExecutionListener = GraphQLRequestExecutionListener<object> | void;

const waiting = async () => (await operationsWaiting.get()).values[0]?.value ?? 0;

/** An operation as Apollo runs it through the plugin: `started` settles once the plugin lets its execution start. */
async function startExecution(plugin: ReturnType<typeof executionSlotsPlugin>): Promise<{ started: Promise<ExecutionListener> }> {
  const context = {} as GraphQLRequestContext<object>;
  const listener = (await plugin.requestDidStart?.(context)) as GraphQLRequestListener<object>;
  return { started: listener.executionDidStart?.(context as never) as Promise<ExecutionListener> };
}

describe('executionSlotsPlugin', () => {
  it('holds an execution until a slot is free, and counts it as waiting meanwhile', async () => {
    const plugin = executionSlotsPlugin(new ExecutionSlots(1));
    const before = await waiting();
    const first = await (await startExecution(plugin)).started;
    const second = (await startExecution(plugin)).started;
    await new Promise((resolve) => setImmediate(resolve));
    expect(await waiting()).toBe(before + 1);
    await first?.executionDidEnd?.();
    const secondRunning = await second;
    expect(await waiting()).toBe(before);
    await secondRunning?.executionDidEnd?.();
    // Both ended: the next one starts at once.
    await (await (await startExecution(plugin)).started)?.executionDidEnd?.();
  });
});
