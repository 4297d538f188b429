import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { shortenOrganizationToAcronym } from '../../../functions/core/credits/rules/shortenOrganizationToAcronym';

describe('shortenOrganizationToAcronym', () => {
  it.each([
    ['Inter-Services Public Relations (ISPR)', 'ISPR'],
    ['Israel Defense Forces (IDF)', 'IDF'],
    ['Korean Central News Agency (KCNA)', 'KCNA'],
    ['Ukrainian Presidential Press Service (UPPS)', 'UPPS'],
    ['White House', 'White House'],
    ['ISPR', 'ISPR'],
    ['Army (press office)', 'Army (press office)'],
    ['The (X)', 'The (X)'], // one letter is not an acronym
  ])('%j -> %j', (provider, after) => {
    expect(shortenOrganizationToAcronym({ ...draftOf(''), provider }).provider).toBe(after);
  });

  it('shortens an agency not in the table, never a listed one', () => {
    expect(shortenOrganizationToAcronym({ ...draftOf(''), agency: 'Inter-Services Public Relations (ISPR)' }).agency).toBe('ISPR');
    expect(shortenOrganizationToAcronym({ ...draftOf(''), agency: 'Reuters' }).agency).toBe('Reuters');
  });
});
