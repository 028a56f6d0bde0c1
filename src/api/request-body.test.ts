import { describe, expect, it } from 'vitest';
import { requestErrorFrom } from './request-body.js';

/** An error as raw-body and Express's JSON parser throw them (http-errors): a status, a type, a message. */
function httpError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, type, expose: status < 500 });
}

describe('requestErrorFrom', () => {
  it('makes a body that is not JSON a 400 BAD_REQUEST that says where it stops being JSON', () => {
    let syntaxError: unknown;
    try {
      JSON.parse('{"query": ');
    } catch (error) {
      syntaxError = error;
    }
    const { status, error } = requestErrorFrom(syntaxError);
    expect(status).toBe(400);
    expect(error.extensions.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^The request body is not valid JSON: /);
  });

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
