import type { CreditRule } from '../draft';

// "Pool photo by Jane Doe", "Handout photo: Ministry of Defence", "File photo: REUTERS/Jane Doe".
const FLAG_PREFIX = /^(pool|handout|file)\s+(?:photo(?:graph)?s?|images?|pictures?)\s*(?:by\b|:)\s*/iu;

/** A flag word before a credit label: the flag is set and the label stripped (the draft is prefixed). */
export const markFlagPrefix: CreditRule = (draft) => {
  const match = FLAG_PREFIX.exec(draft.text);
  if (match === null) return draft;
  const flag = match[1]!.toLowerCase();
  const text = draft.text.slice(match[0].length).trim();
  if (text === '') return draft;
  return {
    ...draft,
    text,
    prefixed: true,
    pool: draft.pool || flag === 'pool',
    handout: draft.handout || flag === 'handout',
    filePhoto: draft.filePhoto || flag === 'file',
  };
};
