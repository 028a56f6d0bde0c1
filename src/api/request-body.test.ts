import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readRequestBody, requestErrorFrom, requireUtf8, type RequestBody, type RequestError } from './request-body.js';

/** An error as raw-body and Express's JSON parser throw them (http-errors): a status, a type, a message. */
function httpError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type, expose: status < 500 });
}

/** What readRequestBody makes of a request sent over HTTP: the body it read, or the error the API answers with. */
async function read(body: string | Blob, headers: Record<string, string>): Promise<RequestBody | RequestError> {
  let outcome: RequestBody | RequestError | undefined;
  const server = createServer((request, response) => {
    readRequestBody(request, response).then(
      (read) => (outcome = read),
      (cause: unknown) => (outcome = requestErrorFrom(cause)),
    ).finally(() => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body })).arrayBuffer();
    return outcome!;
  } finally {
    server.close();
  }
}

describe('readRequestBody', () => {
  const json = '{"query":"{ role(id: \\"vp\\") { id } }"}';

  it('reads a JSON body: its bytes, and what they parse to', async () => {
    expect(await read(json, { 'content-type': 'application/json' })).toEqual({ bytes: Buffer.from(json), json: { query: '{ role(id: "vp") { id } }' } });
  });

  it('reads the bytes a compressed body inflates to', async () => {
    expect(await read(new Blob([gzipSync(json)]), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toMatchObject({ bytes: Buffer.from(json) });
  });

  it('leaves a body of another media type unread', async () => {
    expect(await read(json, { 'content-type': 'text/plain' })).toEqual({ bytes: null, json: undefined });
  });

  it('makes a body that is not JSON a 400 BAD_REQUEST that says where it stops being JSON', async () => {
    const { status, error } = (await read('{"query": "x" "y"}', { 'content-type': 'application/json' })) as RequestError;
    expect(status).toBe(400);
    expect(error.extensions.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^The request body is not valid JSON: .*position 14/);
  });
});

describe('requestErrorFrom', () => {
  it('keeps the status of what the body reader refused, in the API\'s words for a body too large', () => {
    expect(requestErrorFrom(httpError(413, 'entity.too.large', 'request entity too large'))).toMatchObject({
      status: 413,
      error: { message: 'The request body is larger than the limit of 102400 bytes.', extensions: { code: 'BAD_REQUEST' } },
    });
    expect(requestErrorFrom(httpError(415, 'charset.unsupported', 'unsupported charset "LATIN1"'))).toMatchObject({
      status: 415,
      error: { message: 'unsupported charset "LATIN1"', extensions: { code: 'BAD_REQUEST' } },
    });
    expect(requestErrorFrom(httpError(400, 'entity.parse.failed', 'Unexpected end of JSON input'))).toMatchObject({
      status: 400,
      error: { message: 'The request body is not valid JSON: Unexpected end of JSON input' },
    });
  });

  it('says nothing of a failure on the server\'s side: a 500 INTERNAL_SERVER_ERROR', () => {
    for (const cause of [httpError(500, 'stream.not.readable', 'stream is not readable'), new Error('socket hang up'), undefined]) {
      const { status, error } = requestErrorFrom(cause);
      expect(status).toBe(500);
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.message).not.toMatch(/stream|socket/);
    }
  });
});

describe('requireUtf8', () => {
  const json = '{"query":"{ role(id: \\"vp\\") { id } }"}';
  const refusal = (body: Buffer, charset?: string) => {
    try {
      requireUtf8(body, charset);
      return null;
    } catch (cause) {
      return requestErrorFrom(cause);
    }
  };

  it('lets JSON in UTF-8 through, whatever it contains', () => {
    expect(refusal(Buffer.from(json))).toBeNull();
    expect(refusal(Buffer.from('{"query":"{ search(text: \\"Führung ünd 管理\\") { __typename } }"}'), 'UTF-8')).toBeNull();
  });

  it.each([
    ['UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
    ['UTF-16LE without one', Buffer.from(json, 'utf16le')],
    ['UTF-16BE', Buffer.from(json, 'utf16le').swap16()],
    ['UTF-32LE', Buffer.from([...json].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))],
  ])('refuses a body in %s as 415 BAD_REQUEST', (_, body) => {
    expect(refusal(body)).toMatchObject({ status: 415, error: { extensions: { code: 'BAD_REQUEST' }, message: 'The request body is in UTF-16 or UTF-32: send it in UTF-8.' } });
  });

  it('refuses a charset other than UTF-8 that the JSON parser would have decoded', () => {
    expect(refusal(Buffer.from(json, 'utf16le'), 'utf-16le')).toMatchObject({ status: 415, error: { message: 'unsupported charset "UTF-16LE": send the body in UTF-8' } });
  });
});
