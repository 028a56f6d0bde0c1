/** One error of a GraphQL answer, with the extensions the API puts on it. */
export interface GraphQLErrorItem {
  message: string;
  extensions?: { code?: string; id?: string; kind?: string; suggestions?: string[] };
}

/** The API could not be reached, or answered with something other than GraphQL. */
export class ApiUnreachableError extends Error {}

/** The API answered with errors. */
export class ApiAnswerError extends Error {
  constructor(readonly errors: GraphQLErrorItem[]) {
    super(errors.map((error) => error.message).join(' '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }

  /** The NOT_FOUND error about that id, if the answer has one. */
  notFound(id: string): GraphQLErrorItem | undefined {
    return this.errors.find((error) => error.extensions?.code === 'NOT_FOUND' && error.extensions.id === id);
  }
}

// Relative to the page, so that the page works wherever the server mounts it beside its API.
const endpoint = new URL('graphql', document.baseURI);

export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiUnreachableError(`The page got no answer from the career-graph API at ${endpoint.pathname}.`);
  }
  let body: { data?: T | null; errors?: GraphQLErrorItem[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiUnreachableError(`The career-graph API answered HTTP ${response.status} without a GraphQL response.`);
  }
  if (body.errors?.length) throw new ApiAnswerError(body.errors);
  if (!body.data) throw new ApiUnreachableError(`The career-graph API answered HTTP ${response.status} with no data.`);
  return body.data;
}
