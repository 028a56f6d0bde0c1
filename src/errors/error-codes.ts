import { GraphQLError } from 'graphql';

/** Every `extensions.code` the API answers with. Clients branch on these, never on messages. */
export const ErrorCode = {
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  QueryTimeout: 'QUERY_TIMEOUT',
  /** The HTTP request itself is unusable (a body that is not JSON, too large): Apollo Server's own code for it. */
  BadRequest: 'BAD_REQUEST',
  Conflict: 'CONFLICT',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class NotFoundError extends GraphQLError {
  constructor(kind: string, id: string, suggestions: string[]) {
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    super(`No ${kind} with id "${id}".${hint}`, { extensions: { code: ErrorCode.NotFound, kind, id, suggestions } });
  }
}

export class BadUserInputError extends GraphQLError {
  constructor(argument: string, problem: string) {
    super(`Argument "${argument}" ${problem}.`, { extensions: { code: ErrorCode.BadUserInput, argument } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor() {
    super('This operation needs the header "Authorization: Bearer <API_TOKEN>" with the server\'s token.', {
      extensions: { code: ErrorCode.Unauthenticated },
    });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(reason: string) {
    super(reason, { extensions: { code: ErrorCode.Forbidden } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Conflict } });
  }
}

export class ServiceUnavailableError extends GraphQLError {
  constructor() {
    super('The graph database is unavailable right now. Try again shortly.', { extensions: { code: ErrorCode.ServiceUnavailable } });
  }
}

/** The variables of an operation do not fit the types it declares: refused, as a client's mistake, before it runs. */
export class InvalidVariablesError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } } });
  }
}

export class QueryTooComplexError extends GraphQLError {
  /** actual is null when the check stopped counting at the limit. */
  constructor(measure: 'depth' | 'complexity' | 'fields', actual: number | null, limit: number) {
    const found = actual === null ? `over ${limit}` : `${actual}, over the limit of ${limit}`;
    super(`The query's ${measure === 'fields' ? 'number of fields' : measure} is ${found}. Ask for fewer or shallower fields.`, {
      extensions: { code: ErrorCode.QueryTooComplex, measure, actual, limit, http: { status: 400 } },
    });
  }
}

/** A read went over the time budget of a request: Neo4j ended it. */
export class QueryTimeoutError extends GraphQLError {
  constructor() {
    super("The query took longer than the server's time limit and was stopped. Ask for less at a time.", {
      extensions: { code: ErrorCode.QueryTimeout },
    });
  }
}

export class BadRequestError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BadRequest } });
  }
}

export class InternalError extends GraphQLError {
  constructor() {
    super('Something went wrong on the server.', { extensions: { code: ErrorCode.Internal } });
  }
}
