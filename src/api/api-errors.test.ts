import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, ErrorCode } from '../errors/error-codes.js';
import { createLogger } from '../observability/logger.js';
import { operationNamePlugin } from '../observability/operation.plugin.js';
import { putScopeIn, type RequestScope } from '../observability/request-scope.js';
import { formatApiError, resolverErrorLog } from './api-errors.js';

interface LogLine {
  msg: string;
  reqId?: string;
  operation?: string;
  code?: string;
  path?: string;
  err?: { message: string };
}

function apiWithLog() {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const server = new ApolloServer<object>({
    typeDefs: 'type Query { broken: String, refused: String }',
    resolvers: {
      Query: {
        broken: () => {
          throw new Error('connection to 10.0.0.7:7687 reset');
        },
        refused: () => {
          throw new BadUserInputError('id', 'is not a slug');
        },
      },
    },
    plugins: [operationNamePlugin(), resolverErrorLog(createLogger('info', sink))],
    formatError: formatApiError,
  });
  const ask = async (query: string) => {
    const scope: RequestScope = { id: 'request-7', operation: null, cache: null };
    const contextValue = {};
    putScopeIn(contextValue, scope);
    const response = await server.executeOperation({ query }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };
  return { ask, lines };
}

describe('errors a resolver throws', () => {
  it('hides what failed inside the server from the client, and logs it whole with the request and operation', async () => {
    const { ask, lines } = apiWithLog();
    const result = await ask('query Failing { broken }');
    expect(result.errors).toEqual([{ message: 'Something went wrong on the server.', extensions: { code: ErrorCode.Internal }, path: ['broken'], locations: [{ line: 1, column: 17 }] }]);
    expect(JSON.stringify(result)).not.toContain('10.0.0.7');
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'resolver error', reqId: 'request-7', operation: 'Failing', code: ErrorCode.Internal, path: 'broken', err: expect.objectContaining({ message: 'connection to 10.0.0.7:7687 reset' }) }),
    ]);
  });

  it('passes an API error to the client as it is, and does not log it', async () => {
    const { ask, lines } = apiWithLog();
    const result = await ask('{ refused }');
    expect(result.errors).toEqual([expect.objectContaining({ message: 'Argument "id" is not a slug.', extensions: { code: ErrorCode.BadUserInput, argument: 'id' } })]);
    expect(lines).toEqual([]);
  });
});
