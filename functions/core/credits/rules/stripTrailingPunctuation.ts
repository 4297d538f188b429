import type { CreditRule } from '../draft';

// A full stop that ends an initial or an abbreviation belongs to the name: "John Smith Jr.", "Jane Q."
const ABBREVIATION_END = /(?:^|[\s/])(?:\p{Lu}|Jr|Sr|Inc|Co|Ltd|Corp)\.$/u;

/** "Reuters." -> "Reuters"; also trailing "," ";" ":" and runs of them; an initial's full stop stays. */
export function withoutTrailingPunctuation(input: string): string {
  let text = input;
  for (;;) {
    const last = text.at(-1);
    if (last === undefined || !'.,;:'.includes(last)) break;
    if (last === '.' && ABBREVIATION_END.test(text) && !/\.\.$/.test(text)) break;
    text = text.slice(0, -1).trimEnd();
  }
  return text;
}

/** "Name/Reuters." -> "Name/Reuters". */
export const stripTrailingPunctuation: CreditRule = (draft) => {
  const text = withoutTrailingPunctuation(draft.text);
  return text === draft.text ? draft : { ...draft, text };
};
