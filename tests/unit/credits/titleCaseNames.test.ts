import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { titleCaseNames } from '../../../functions/core/credits/rules/titleCaseNames';

describe('titleCaseNames', () => {
  it.each([
    ['MAHER ABOU TALEB', 'Maher Abou Taleb'],
    ['JOHN SMITH', 'John Smith'],
    ['Maher Abou Taleb', 'Maher Abou Taleb'],
    ['Jane McDONALD', 'Jane McDONALD'], // mixed case is how the person writes it
  ])('photographer %j -> %j', (photographer, after) => {
    expect(titleCaseNames({ ...draftOf(''), photographer }).photographer).toBe(after);
  });

  it.each([
    ['WHITE HOUSE', 'White House'],
    ['ISRAELI ARMY', 'Israeli Army'],
    ['ISPR', 'ISPR'], // one word: an acronym, kept
    ['NASA', 'NASA'],
  ])('provider %j -> %j', (provider, after) => {
    expect(titleCaseNames({ ...draftOf(''), provider }).provider).toBe(after);
  });

  it('title-cases the client of a commissioned shoot', () => {
    expect(titleCaseNames({ ...draftOf(''), client: 'TRIBECA FESTIVAL' }).client).toBe('Tribeca Festival');
  });
});
