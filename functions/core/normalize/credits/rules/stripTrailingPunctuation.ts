import type { CreditRule } from '../draft';

// A full stop that ends an initial or an abbreviation belongs to the name: "John Smith Jr.", "Jane Q."
const ABBREVIATION_END = /(?:^|[\s/])(?:\p{Lu}|Jr|Sr|Inc|Co|Ltd|Corp)\.$/u;

/** "Name/Reuters." -> "Name/Reuters"; also trailing "," ";" ":" and runs of them. */
export const stripTrailingPunctuation: CreditRule = (draft) => {
  let text = draft.text;
  for (;;) {
    const last = text.at(-1);
    if (last === undefined || !'.,;:'.includes(last)) break;
    if (last === '.' && ABBREVIATION_END.test(text) && !/\.\.$/.test(text)) break;
    text = text.slice(0, -1).trimEnd();
  }
  return text === draft.text ? draft : { ...draft, text };
};
