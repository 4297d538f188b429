import { describe, expect, it } from 'vitest';
import { type CreditDraft, draftOf } from '../../../functions/core/credits/draft';
import { takePhotographerOrProvider } from '../../../functions/core/credits/rules/takePhotographerOrProvider';

const draft = (segments: string[], extra: Partial<CreditDraft> = {}): CreditDraft => ({ ...draftOf(segments.join('/')), text: '', segments, split: true, ...extra });

describe('takePhotographerOrProvider', () => {
  it.each([
    [draft(['Maher Abou Taleb'], { agency: 'Reuters' }), { photographer: 'Maher Abou Taleb' }],
    [draft(['Stringer'], { agency: 'Reuters' }), { photographer: 'Stringer' }],
    [draft(['MAHER ABOU TALEB'], { agency: 'Reuters' }), { photographer: 'MAHER ABOU TALEB' }],
    [draft(['Jane Doe'], { prefixed: true }), { photographer: 'Jane Doe' }],
    [draft(['Jane Doe'], { via: 'Getty Images' }), { photographer: 'Jane Doe' }],
    [draft(['Evelyn Hockstein'], { pool: true }), { photographer: 'Evelyn Hockstein' }],
    [draft(['Ana de Armas'], { agency: 'AFP' }), { photographer: 'Ana de Armas' }],
    [draft(['Inter-Services Public Relations (ISPR)'], { handout: true }), { provider: 'Inter-Services Public Relations (ISPR)' }],
    [draft(['White House'], { handout: true, via: 'Reuters' }), { provider: 'White House' }],
    [draft(['Social Media'], { via: 'Reuters' }), { provider: 'Social Media' }],
    [draft(['Israeli Army'], { agency: 'Reuters' }), { provider: 'Israeli Army' }],
  ])('%#: claims the last segment', (before, fields) => {
    expect(takePhotographerOrProvider(before)).toMatchObject({ segments: [], ...fields });
  });

  it.each([
    ['no marker vouches for the line', draft(['Jane Doe'])],
    ['a single word without an agency', draft(['Unsplash'], { prefixed: true })],
    ['not a name', draft(['the author'], { agency: 'Reuters' })],
    ['digits', draft(['Jane Doe 2'], { agency: 'Reuters' })],
    ['two unclaimed segments', draft(['Jane Doe', 'John Roe'], { agency: 'Reuters' })],
    ['an agency with no place left', draft(['Getty Images'], { agency: 'Reuters', via: 'AFP' })],
    ['a lower-case handout provider', draft(['the army'], { handout: true })],
    ['nothing left', draft([], { agency: 'Reuters' })],
    ['an organization with nothing vouching for it', draft(['Israeli Army'])],
  ])('leaves it alone: %s', (_why, before) => {
    expect(takePhotographerOrProvider(before)).toBe(before);
  });
});
