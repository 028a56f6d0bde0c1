import { describe, expect, it } from 'vitest';
import { useSeededApi } from '../../tests/api-server.js';

// One slot and no cache: every operation executes, one at a time.
const api = useSeededApi({ maxConcurrentOperations: 1, responseCacheMb: 0 });

const operations: { query: string; variables?: Record<string, unknown> }[] = [
  { query: 'query ($id: ID!) { role(id: $id) { id title skills { id } } }', variables: { id: 'vp' } },
  { query: 'query ($id: ID!) { role(id: $id) { id title skills { id } } }', variables: { id: 'cto' } },
  // Fails while it executes.
  { query: '{ role(id: "directr") { id } }' },
  // Refused before it executes: its variable is not an Int.
  { query: 'query ($hops: Int!) { transitionPaths(from: "vp", to: "ceo", maxHops: $hops) { hops } }', variables: { hops: 'four' } },
  // Refused before it executes: no such field.
  { query: '{ nothing }' },
  { query: '{ transitionPaths(from: "vp", to: "ceo") { hops roles { id } } }' },
];

describe('operations that arrive together, with one execution slot', () => {
  it('each get the answer they get alone, failures included, and free their slot whatever happened', async () => {
    const alone = [];
    for (const { query, variables } of operations) alone.push(await api.query(query, variables));
    const together = await Promise.all(operations.map(({ query, variables }) => api.query(query, variables)));
    expect(together).toEqual(alone);
    expect(alone.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'ok')).toEqual(['ok', 'ok', 'NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'ok']);
    // A slot that a failure kept would leave this one waiting until the test times out.
    expect(await api.data('{ role(id: "ceo") { id } }')).toEqual({ role: { id: 'ceo' } });
  });
});
