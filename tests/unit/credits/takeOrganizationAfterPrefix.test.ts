import { describe, expect, it } from 'vitest';
import { type CreditDraft, draftOf } from '../../../functions/core/credits/draft';
import { takeOrganizationAfterPrefix } from '../../../functions/core/credits/rules/takeOrganizationAfterPrefix';

const draft = (segments: string[], extra: Partial<CreditDraft> = { prefixed: true }): CreditDraft => ({
  ...draftOf(segments.join('/')),
  text: '',
  segments,
  split: true,
  ...extra,
});

describe('takeOrganizationAfterPrefix', () => {
  it.each([
    [['Sara Lindgren', 'City Library'], 'Sara Lindgren', 'City Library'],
    [['Sara Lindgren', 'The Daily Ledger'], 'Sara Lindgren', 'The Daily Ledger'],
    [['Jane Doe', 'Ministry of Defence'], 'Jane Doe', 'Ministry of Defence'],
    [['JANE DOE', 'NEW YORK TIMES'], 'JANE DOE', 'NEW YORK TIMES'],
  ])('after a prefix, %j -> photographer %j, agency %j', (segments, photographer, agency) => {
    expect(takeOrganizationAfterPrefix(draft(segments))).toMatchObject({ segments: [], photographer, agency });
  });

  it.each([
    ['no prefix', draft(['Sara Lindgren', 'City Library'], {})],
    ['organization first', draft(['City Library', 'Sara Lindgren'])],
    ['two people', draft(['Jane Doe', 'John Roe'])],
    ['a sentence, not a name', draft(['the author', 'City Library'])],
    ['three segments', draft(['Jane Doe', 'City Library', 'Archive'])],
    ['an agency already known', draft(['Jane Doe', 'City Library'], { prefixed: true, agency: 'Reuters' })],
  ])('leaves it alone: %s', (_why, before) => {
    expect(takeOrganizationAfterPrefix(before)).toBe(before);
  });
});
