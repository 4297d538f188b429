import { describe, expect, it } from 'vitest';
import { renderCreditDisplay, renderCreditTemplate } from '../../../functions/core/credits/display';
import { type CreditDraft, draftOf } from '../../../functions/core/credits/draft';

describe('renderCreditTemplate', () => {
  const both = { photographer: 'Jane Doe', agency: 'Reuters' };
  it.each([
    ['{photographer}/{agency}', both, 'Jane Doe/Reuters'],
    ['{photographer}/{agency}', { agency: 'Reuters' }, 'Reuters'],
    ['{photographer}/{agency}', { photographer: 'Jane Doe' }, 'Jane Doe'],
    ['{photographer}/{agency}', {}, ''],
    ['{agency}/{photographer}', both, 'Reuters/Jane Doe'],
    ['{photographer} / {agency}', { agency: 'Reuters' }, 'Reuters'],
    ['{photographer} ({agency})', both, 'Jane Doe (Reuters)'],
    ['{photographer} ({agency})', { agency: 'Reuters' }, 'Reuters'],
    ['{photographer} ({agency})', { photographer: 'Jane Doe' }, 'Jane Doe'],
    ['Photo: {photographer}/{agency}', { agency: 'Reuters' }, 'Photo: Reuters'],
    ['{photographer}/{agency}/{via}', { photographer: 'Jane Doe', via: 'Getty Images' }, 'Jane Doe/Getty Images'],
    ['{photographer}, {agency}', { photographer: 'Jane Doe', agency: '' }, 'Jane Doe'],
    ['{provider} for {agency}', { provider: 'ISPR (Army)', agency: 'AP' }, 'ISPR (Army) for AP'],
    ['{unknown}/{agency}', both, '{unknown}/Reuters'],
  ])('%j with %j -> %j', (format, fields, display) => {
    expect(renderCreditTemplate(format, fields)).toBe(display);
  });
});

const structured = (fields: Partial<CreditDraft>): CreditDraft => ({ ...draftOf('x'), text: '', segments: [], split: true, ...fields });
const houseStyle = { format: '{photographer}/{agency}', prefix: '' };

describe('renderCreditDisplay house conventions', () => {
  it.each([
    [{ photographer: 'Jane Doe', agency: 'Reuters' }, 'Jane Doe/Reuters'],
    [{ provider: 'ISPR', handout: true, via: 'Reuters' }, 'ISPR/Handout via Reuters'],
    [{ handout: true }, 'Handout'],
    [{ pool: true, via: 'Reuters' }, 'Pool via Reuters'],
    [{ photographer: 'Evelyn Hockstein', agency: 'Reuters', pool: true }, 'Evelyn Hockstein/Reuters/Pool'],
    [{ photographer: 'John Smith', agency: 'AFP', via: 'Getty Images' }, 'John Smith/AFP via Getty Images'],
    [{ provider: 'NASA', courtesy: true }, 'Courtesy of NASA'],
    [{ provider: 'NASA', courtesy: true, via: 'Reuters' }, 'Courtesy of NASA via Reuters'],
    [{ photographer: 'Jane Doe', agency: 'The Washington Post', assignment: true }, 'Jane Doe for The Washington Post'],
    [{ photographer: 'Jemal Countess', agency: 'Getty Images', client: 'Tribeca Festival' }, 'Jemal Countess/Getty Images for Tribeca Festival'],
    [{ agency: 'Getty Images', client: 'Tribeca', via: 'AP' }, 'Getty Images for Tribeca via AP'],
  ])('%j -> %j', (fields, display) => {
    expect(renderCreditDisplay(structured({ prefixed: true, ...fields }), houseStyle)).toBe(display);
  });

  it('shows an unknown shape verbatim with whitespace collapsed', () => {
    expect(renderCreditDisplay(draftOf('  The   author \n'), houseStyle)).toBe('The author');
  });

  it('shows a prefixed unknown shape without its prefix', () => {
    expect(renderCreditDisplay({ ...draftOf('Photo: Unsplash'), prefixed: true, stripped: 'Unsplash', segments: ['Unsplash'], text: '', split: true }, houseStyle)).toBe(
      'Unsplash',
    );
  });

  it('does not repeat via when the template places it', () => {
    const draft = structured({ photographer: 'John Smith', agency: 'AFP', via: 'Getty Images' });
    expect(renderCreditDisplay(draft, { format: '{photographer}/{agency} ({via})', prefix: '' })).toBe('John Smith/AFP (Getty Images)');
  });

  it('does not repeat the provider when the template places it', () => {
    const draft = structured({ provider: 'ISPR', handout: true, via: 'Reuters' });
    expect(renderCreditDisplay(draft, { format: '{provider}/{agency}', prefix: '' })).toBe('ISPR/Handout via Reuters');
  });
});
