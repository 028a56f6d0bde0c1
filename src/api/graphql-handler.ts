import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** Answers one GraphQL request; fails only where Apollo itself could not answer. */
export type GraphqlHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Apollo Server on Node's own request and response, built as Apollo's guide to integrations builds one
 * (executeHTTPGraphQLRequest): the request's method, headers, query string and parsed body (`request.body`,
 * which the HTTP front sets) in; the status, headers and body of Apollo's answer out. The HTTP front hands it
 * GraphQL POSTs without Express, and Express hands it the rest of /graphql (GET).
 */
export function graphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (request: IncomingMessage, response: ServerResponse) => Promise<TContext>,
  /** Told each whole answer's body before it is sent (the response cache keeps the bytes it sent). */
  answered?: (request: IncomingMessage, body: string) => void,
): GraphqlHandler {
  return async (request, response) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = request.url ?? '';
    const query = url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (request.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body: (request as { body?: unknown }).body,
      },
      context: () => context(request, response),
    });
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      answered?.(request, answer.body.string);
      response.setHeader('content-length', Buffer.byteLength(answer.body.string));
      response.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
