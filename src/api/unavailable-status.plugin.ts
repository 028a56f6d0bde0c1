import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode } from '../errors/error-codes.js';

const graphqlResponseJson = 'application/graphql-response+json';

/**
 * HTTP 503 for an operation that got nothing because the database is down, when the client reads
 * `application/graphql-response+json`: under that media type the GraphQL-over-HTTP spec lets a response
 * without data carry a 5xx, and proxies, load balancers and retrying clients act on it. Plain
 * `application/json` clients keep the 200 that spec requires of them; so does any answer with some data.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data != null || !errors?.some((error) => error.extensions?.code === ErrorCode.ServiceUnavailable)) return;
          if (!prefersGraphQLResponse(request.http?.headers.get('accept'))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}

/** Apollo Server's own choice between the two media types (it uses negotiator too), so status and type agree. */
function prefersGraphQLResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(['application/json', graphqlResponseJson]) === graphqlResponseJson;
}
