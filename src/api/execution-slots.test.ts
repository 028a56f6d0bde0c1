import { describe, expect, it } from 'vitest';
import { ExecutionSlots } from './execution-slots.js';

/** Whether a promise has settled, after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('ExecutionSlots', () => {
  it('lets as many operations run as it has slots, and the next one when one ends', async () => {
    const slots = new ExecutionSlots(2);
    const first = await slots.take();
    await slots.take();
    const third = slots.take();
    expect(await settled(third)).toBe(false);
    first();
    expect(await settled(third)).toBe(true);
  });

  it('serves those waiting in the order they came', async () => {
    const slots = new ExecutionSlots(1);
    const free = await slots.take();
    const order: string[] = [];
    const waiting = ['a', 'b', 'c'].map((name) => slots.take().then((freeIt) => (order.push(name), freeIt)));
    free();
    for (const turn of waiting) (await turn)();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('frees a slot once, however often its operation says it ended', async () => {
    const slots = new ExecutionSlots(1);
    const free = await slots.take();
    const second = slots.take();
    const third = slots.take();
    free();
    free();
    expect(await settled(second)).toBe(true);
    expect(await settled(third)).toBe(false);
  });

  it('refuses a limit that lets nothing run', () => {
    expect(() => new ExecutionSlots(0)).toThrow(RangeError);
    expect(() => new ExecutionSlots(1.5)).toThrow(RangeError);
  });
});
