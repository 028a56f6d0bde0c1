import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../tests/api-server.js';
import { openTestDatabase } from '../../tests/neo4j.js';

const database = openTestDatabase();
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(database);
});

afterAll(async () => {
  await api.stop();
  await database.close();
});

describe('GraphQL Playground', () => {
  it('opens at /graphql in a browser, loading only from this server', async () => {
    const response = await fetch(`${api.server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphQL Playground');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(assets).toContain('/vendor/graphql-playground/static/js/middleware.js');
    expect(assets.filter((asset) => /^(https?:)?\/\//.test(asset))).toEqual([]);
    for (const asset of assets) {
      expect((await fetch(`${api.server.url}${asset}`)).status, asset).toBe(200);
    }
  });

  it('leaves GraphQL requests to the API', async () => {
    const response = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
