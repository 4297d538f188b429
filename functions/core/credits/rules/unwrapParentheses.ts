import type { CreditRule } from '../draft';

const CLOSER: Record<string, string> = { '(': ')', '[': ']' };

/** "(AP Photo/Evan Vucci)" -> "AP Photo/Evan Vucci": only when one bracket pair encloses the whole line. */
export const unwrapParentheses: CreditRule = (draft) => {
  const text = draft.text;
  const open = text[0] ?? '';
  const close = CLOSER[open];
  if (close === undefined || !text.endsWith(close) || text.length < 2) return draft;
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === open) depth += 1;
    else if (text[i] === close) depth -= 1;
    // The opening bracket closes before the end: "(c) Jane Doe (AFP)" is not enclosed.
    if (depth === 0 && i < text.length - 1) return draft;
  }
  if (depth !== 0) return draft;
  return { ...draft, text: text.slice(1, -1).trim() };
};
