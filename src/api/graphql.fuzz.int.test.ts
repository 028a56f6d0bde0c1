import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testApiToken, useSeededApi } from '../../tests/api-server.js';
import { fuzzedOperations } from '../../tests/graphql-operations.js';
import { ErrorCode } from '../errors/error-codes.js';
import { buildApiSchema } from './schema.js';

const api = useSeededApi();
const codes = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Property: whatever operation and variables a client sends, the API answers data or errors that each carry a
 * code the API documents, never a 5xx, an internal error or a stack trace.
 */
describe('fuzzed GraphQL operations and variables', () => {
  it('get data or coded client errors', { timeout: 300_000 }, async () => {
    const schema = await buildApiSchema();
    await fc.assert(
      fc.asyncProperty(fuzzedOperations(schema), async ({ query, variables, curator }) => {
        const response = await fetch(`${api.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(curator ? { authorization: `Bearer ${testApiToken}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const text = await response.text();
        expect(response.status, text).toBeLessThan(500);
        expect(text).not.toMatch(/node_modules|\bat \w[\w.]* \(|Neo4jError|Cypher/);
        const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
        expect('data' in body || 'errors' in body, text).toBe(true);
        for (const error of body.errors ?? []) {
          expect(codes, `${error.extensions?.code}: ${error.message}`).toContain(error.extensions?.code);
          expect(error.extensions?.code, error.message).not.toBe(ErrorCode.Internal);
        }
      }),
      { numRuns: 150 },
    );
  });
});
