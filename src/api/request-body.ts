import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import getRawBody from 'raw-body';
import { BadRequestError, InternalError } from '../errors/error-codes.js';

/** The largest GraphQL request body the API reads, in bytes. */
export const requestBodyLimit = 100 * 1024;

/** A request's body, as the API's one body reader left it. */
export interface RequestBody {
  /** The bytes of a JSON body (inflated, if it came compressed); null when there was none, or not JSON. */
  bytes: Buffer | null;
  /** What they parsed to, also left in `request.body` for Express and Apollo; undefined without a JSON body. */
  json: unknown;
}

const bytesRead = new WeakMap<IncomingMessage, Buffer>();

/**
 * Express's JSON parser (body-parser): within the limit, exactly the Content-Length announced, gzip, deflate
 * and br inflated, and only in UTF-8. A request of another media type is left unread, with `request.body`
 * undefined, for Apollo to refuse.
 */
const parseJson = express.json({
  limit: requestBodyLimit,
  verify: (request, _response, bytes, charset) => {
    requireUtf8(bytes, charset);
    bytesRead.set(request, bytes);
  },
});

/**
 * The API's only body reader: the HTTP front (http-front.ts) reads every request with it, before the response
 * cache and Express see the request. It fails with what requestErrorFrom turns into the API's answer.
 *
 * What nearly every client sends, JSON in UTF-8 with a Content-Length within the limit and not compressed, it
 * reads with raw-body (what Express's parser reads with) and parses itself: the rest of Express's parser
 * (type-is, decoding through iconv-lite) cost a bare server 40 to 50 µs of CPU a request, a third more
 * (20,000 POSTs at concurrency 16, three rounds on the loaded 2-core machine: 127 to 139 µs a request with
 * raw-body, 169 to 186 µs with Express's parser; bench/README.md). Both ways end in the same checks, and the
 * same coded errors; a body that is JSON but not an object, which Express's parser refuses as not JSON, this
 * way reaches Apollo, which refuses it as BAD_REQUEST too.
 */
export async function readRequestBody(request: IncomingMessage, response: ServerResponse): Promise<RequestBody> {
  if (!isPlainJson(request)) return parseWithExpress(request, response);
  const bytes = await getRawBody(request, { length: request.headers['content-length'], limit: requestBodyLimit });
  requireUtf8(bytes);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw Object.assign(cause as Error, { status: 400, type: 'entity.parse.failed' });
  }
  Object.assign(request, { body: json });
  return { bytes, json };
}

function parseWithExpress(request: IncomingMessage, response: ServerResponse): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    parseJson(request, response, (cause?: unknown) => {
      if (cause) return reject(cause);
      resolve({ bytes: bytesRead.get(request) ?? null, json: (request as { body?: unknown }).body });
    });
  });
}

/** JSON in UTF-8, not compressed, with a length within the limit: what Playground, the career map and other clients send. */
function isPlainJson(request: IncomingMessage): boolean {
  const type = request.headers['content-type']?.replace(/\s+/g, '').toLowerCase();
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = Number(request.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= requestBodyLimit;
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
 * Express's JSON parser fails with http-errors, whose 4xx messages are written for clients (a body that is not
 * JSON is JSON.parse's SyntaxError, which says where it stops being JSON). Anything else is ours.
 */
export function requestErrorFrom(cause: unknown): RequestError {
  const { status, message, type } = (cause ?? {}) as { status?: unknown; message?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof message !== 'string') return { status: 500, error: new InternalError() };
  if (type === 'entity.parse.failed') return { status, error: new BadRequestError(`The request body is not valid JSON: ${message}`) };
  if (type === 'entity.too.large') return { status, error: new BadRequestError(`The request body is larger than the limit of ${requestBodyLimit} bytes.`) };
  return { status, error: new BadRequestError(message) };
}

/** Where a failure on the server's side while reading a request is logged. */
export type RequestErrorLog = (request: IncomingMessage, message: string, error?: unknown) => void;

/**
 * Answers as Apollo Server answers a request it cannot use: the status, and the error in a GraphQL response.
 * A failure on the server's side is logged; the client learns only that there was one.
 */
export function answerRequestError(response: ServerResponse, cause: unknown, log: RequestErrorLog): void {
  const { status, error } = requestErrorFrom(cause);
  if (status >= 500) log(response.req, 'INTERNAL_SERVER_ERROR reading a request', cause);
  if (response.headersSent) return void response.end();
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * Express's error handler for /graphql: what fails there after the front gets the same coded answer, rather
 * than Express's HTML page with a stack trace.
 */
export function requestErrors(log: RequestErrorLog): ErrorRequestHandler {
  return (cause: unknown, _request, response, _next) => answerRequestError(response, cause, log);
}
