import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutatedSeedPage } from '../../../tests/page-mutations.js';
import { PageFormatError } from '../page-format.error.js';
import { decodePage } from '../read/page.decoder.js';
import { parseRolePage } from './page.parser.js';

/**
 * Property: a seed page with random edits is read as a page, or refused with a PageFormatError that names the
 * file and a line of it. Anything else (a TypeError, a RangeError, a line outside the file) is a crash.
 */
// A hundred pages take a few seconds: a parse that hangs fails the test by its timeout.
describe('a seed page with random edits', () => {
  it('parses, or fails naming file:line', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(mutatedSeedPage, ({ file, bytes }) => {
        let page;
        try {
          page = parseRolePage(decodePage(bytes, file), file);
        } catch (error) {
          expect(error).toBeInstanceOf(PageFormatError);
          const { line, message } = error as PageFormatError;
          const lines = new TextDecoder().decode(bytes).split('\n').length;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines);
          expect(message).toMatch(new RegExp(`^${file}:${line}: \\S`));
          return;
        }
        expect(page.file).toBe(file);
        expect(page.role.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
      { numRuns: 100 },
    );
  });
});
