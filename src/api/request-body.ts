import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import getRawBody from 'raw-body';
import { BadRequestError, InternalError } from '../errors/error-codes.js';

/** The largest GraphQL request body the API reads, in bytes. */
export const requestBodyLimit = 100 * 1024;

/**
 * A request's whole body as bytes, read with raw-body (what Express's JSON parser reads with): no more than
 * the limit, and exactly the Content-Length announced.
 */
export function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  return getRawBody(request, { length: request.headers['content-length'], limit: requestBodyLimit });
}

/**
 * Refuses a body that is not UTF-8, as a 415 that requestErrorFrom turns into the API's answer. JSON between
 * systems is UTF-8 (RFC 8259, 8.1), yet Express's parser decodes any charset named `utf-…` (UTF-16 included),
 * and a client that names none may still send UTF-16 or UTF-32: those show as a byte order mark, or as NUL
 * bytes among the first four, which JSON text in UTF-8 never has (its first character is ASCII).
 */
export function requireUtf8(body: Buffer, charset = 'utf-8'): void {
  const named = charset.toLowerCase();
  const refuse = (message: string) => Object.assign(new Error(message), { status: 415, type: 'charset.unsupported' });
  if (named !== 'utf-8' && named !== 'utf8') throw refuse(`unsupported charset "${charset.toUpperCase()}": send the body in UTF-8`);
  const start = body.subarray(0, 4);
  if ((start[0] === 0xfe && start[1] === 0xff) || (start[0] === 0xff && start[1] === 0xfe) || start.includes(0)) {
    throw refuse('The request body is in UTF-16 or UTF-32: send it in UTF-8.');
  }
}

/** A request whose body could not be read or parsed: the status to answer with and the coded error to say why. */
export interface RequestError {
  status: number;
  error: GraphQLError;
}

/**
 * raw-body and Express's JSON parser fail with http-errors, whose 4xx messages are written for clients;
 * JSON.parse fails with a SyntaxError that says where the body stops being JSON. Anything else is ours.
 */
export function requestErrorFrom(cause: unknown): RequestError {
  const notJson = (reason: string) => new BadRequestError(`The request body is not valid JSON: ${reason}`);
  if (cause instanceof SyntaxError) return { status: 400, error: notJson(cause.message) };
  const { status, message, type } = (cause ?? {}) as { status?: unknown; message?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof message !== 'string') return { status: 500, error: new InternalError() };
  if (type === 'entity.parse.failed') return { status, error: notJson(message) };
  if (type === 'entity.too.large') return { status, error: new BadRequestError(`The request body is larger than the limit of ${requestBodyLimit} bytes.`) };
  return { status, error: new BadRequestError(message) };
}

/** Answers as Apollo Server answers a request it cannot use: the status, and the error in a GraphQL response. */
export function sendRequestError(response: ServerResponse, { status, error }: RequestError): void {
  if (response.headersSent) return void response.end();
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * Express's error handler for /graphql, after its JSON parser: a malformed body, one too large or in an
 * unknown charset gets the API's coded error rather than Express's HTML page with a stack trace.
 */
export function requestBodyErrors(log: (message: string, error?: unknown) => void): ErrorRequestHandler {
  return (cause: unknown, _request, response, _next) => {
    const refusal = requestErrorFrom(cause);
    if (refusal.status >= 500) log('INTERNAL_SERVER_ERROR reading a request', cause);
    sendRequestError(response, refusal);
  };
}
