import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { oneReadPlugin, putReadsIn } from './one-read.plugin.js';

/** A request's reads as the plugin sees them: resolvers count queries, the plugin may expect one. */
class CountedReads {
  expected = false;
  queries = 0;
  expectOneRead(): void {
    this.expected = true;
  }
  queriesRun(): number {
    return this.queries;
  }
}

function api() {
  const server = new ApolloServer<{ reads: CountedReads }>({
    typeDefs: 'type Query { role(reads: Int!): Int } type Mutation { rename: Int }',
    resolvers: {
      Query: { role: (_: unknown, { reads }: { reads: number }, { reads: counted }: { reads: CountedReads }) => (counted.queries += reads) },
      Mutation: { rename: (_: unknown, _args: unknown, { reads }: { reads: CountedReads }) => (reads.queries += 1) },
    },
    plugins: [oneReadPlugin()],
  });
  /** Runs the operation; whether its reads were told to expect one. */
  return async (query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<boolean> => {
    const reads = new CountedReads();
    const contextValue = { reads };
    putReadsIn(contextValue, reads);
    const response = await server.executeOperation({ query, variables, operationName }, { contextValue });
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
    return reads.expected;
  };
}

describe('which requests expect one read', () => {
  it('a query whose operation read once the last time it ran, whatever the variables', async () => {
    const ask = api();
    const query = 'query Role($reads: Int!) { role(reads: $reads) }';
    expect(await ask(query, { reads: 1 })).toBe(false);
    expect(await ask(query, { reads: 1 })).toBe(true);
    expect(await ask(query, { reads: 2 })).toBe(true);
    expect(await ask(query, { reads: 1 })).toBe(false);
    expect(await ask(query, { reads: 1 })).toBe(true);
  });

  it('each operation of a document by its own count', async () => {
    const ask = api();
    const document = 'query One { role(reads: 1) } query Two { role(reads: 2) }';
    const run = (operationName: string) => ask(document, {}, operationName);
    await run('One');
    await run('Two');
    expect(await run('One')).toBe(true);
    expect(await run('Two')).toBe(false);
  });

  it('never a mutation, nor a query read nothing before', async () => {
    const ask = api();
    for (let time = 0; time < 2; time++) expect(await ask('mutation { rename }')).toBe(false);
    for (let time = 0; time < 2; time++) expect(await ask('{ role(reads: 0) }')).toBe(false);
  });
});
