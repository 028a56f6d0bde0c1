/** A value of one request that Apollo's plugins read from its GraphQL context. */
export interface ContextSlot<T> {
  put(context: object, value: T): void;
  /** From the context, or a plugin's copy of it; undefined if none was put. */
  get(context: object): T | undefined;
}

/**
 * A slot of the GraphQL context, under a symbol of its own: Apollo gives plugins a shallow copy of the
 * context, which keeps its own properties, a symbol's included, and resolvers never see it.
 */
export function contextSlot<T>(name: string): ContextSlot<T> {
  const key = Symbol(name);
  return {
    put: (context, value) => Object.defineProperty(context, key, { value, enumerable: true }),
    get: (context) => (context as Record<symbol, T | undefined>)[key],
  };
}
