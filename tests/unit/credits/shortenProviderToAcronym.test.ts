import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/normalize/credits/draft';
import { shortenProviderToAcronym } from '../../../functions/core/normalize/credits/rules/shortenProviderToAcronym';

describe('shortenProviderToAcronym', () => {
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
    expect(shortenProviderToAcronym({ ...draftOf(''), provider }).provider).toBe(after);
  });
});
