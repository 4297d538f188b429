// sameCaption settles most pairs without building caption keys: its answer must stay key equality.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionKey, sameCaption } from '../../../functions/core/parse/scrape';

const line = fc.array(fc.constantFrom('R', 'r', 'E', 'e', 'u', 'U', '1', ' ', '  ', '.', '!', '…', '/', 'İ', 'Σ', 'ß', '\t'), { maxLength: 10 }).map((parts) => parts.join(''));

describe('sameCaption', () => {
  it.each([
    ['Rescuers work at a site.', 'Rescuers work at a site.', true],
    ['Rescuers work at a site.', 'rescuers  work at a site', true],
    ['Rescuers work at a site', 'REUTERS/Maher Abou Taleb', false],
    ['Re', 'RE!', true],
  ])('%j vs %j: %s', (a, b, expected) => expect(sameCaption(a, b)).toBe(expected));

  it('is captionKey equality for any lines', () => {
    fc.assert(
      fc.property(line, line, (a, b) => {
        expect(sameCaption(a, b)).toBe(captionKey(a) === captionKey(b));
      }),
      { numRuns: 10000 },
    );
  });
});
