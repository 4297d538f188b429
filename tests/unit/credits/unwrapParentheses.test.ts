import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { unwrapParentheses } from '../../../functions/core/credits/rules/unwrapParentheses';

describe('unwrapParentheses', () => {
  it.each([
    ['(AP Photo/Evan Vucci)', 'AP Photo/Evan Vucci'],
    ['( AP Photo/Evan Vucci )', 'AP Photo/Evan Vucci'],
    ['[Reuters/Jane Doe]', 'Reuters/Jane Doe'],
    ['((AP))', '(AP)'],
    // Brackets that do not enclose the whole line stay.
    ['(c) Jane Doe (AFP)', '(c) Jane Doe (AFP)'],
    ['Inter-Services Public Relations (ISPR)', 'Inter-Services Public Relations (ISPR)'],
    ['(AP Photo/Evan Vucci', '(AP Photo/Evan Vucci'],
    ['(AP]', '(AP]'],
    ['()', ''],
    ['(', '('],
  ])('%j -> %j', (before, after) => {
    expect(unwrapParentheses(draftOf(before)).text).toBe(after);
  });
});
