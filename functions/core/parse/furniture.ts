// Page furniture in scrapes: lines a publisher's page wraps around the article (advertisement markers,
// share bars, reprint links, agencies' footers, wire end marks, newsletter promos, inline teasers) and
// mid-article blocks (a "Most read" list). Each rule is one small named test of a whole, trimmed line:
// only the line (or the block's list) goes, never the rest of the article.

export interface FurnitureRule {
  name: string;
  /** True when the trimmed line, standing alone on its line, is this kind of furniture (`lower`: it lower-cased). */
  test(line: string, lower?: string): boolean;
}

// Furniture is short: a longer line is body text, whatever it starts with.
const MAX_FURNITURE_LINE = 250;

// Decoration around markers: "— Advertisement —", "[Advertisement]", "*** ADVERTISEMENT ***".
const DECORATION = /^[\s\-–—*_=·•|[\]()<>]+|[\s\-–—*_=·•|[\]()<>]+$/gu;
// Screen-reader text scraped with a link: "Purchase Licensing Rights, opens new tab".
const OPENS_NEW_TAB = /,?\s*opens (?:in )?(?:a )?new (?:tab|window)$/iu;
const DECORATION_CHARS = ' -–—*_=·•|[]()<>';
/** The line without decoration and screen-reader tails; the regexes run only when there is something to strip. */
function undecorated(line: string): string {
  const tail = line.includes('new tab') || line.includes('new window') ? line.replace(OPENS_NEW_TAB, '') : line;
  return DECORATION_CHARS.includes(tail[0] ?? 'x') || DECORATION_CHARS.includes(tail.at(-1) ?? 'x') ? tail.replace(DECORATION, '') : tail;
}

const ADVERTISEMENT =
  /^(?:advertisements?|advertising|advert|ads?|sponsored(?: content| post| links?)?|paid (?:content|post|partner content)|promoted(?: content)?|partner content|story continues below(?: this)? (?:advertisement|ad)|article continues below(?: this)?(?: advertisement| ad)?|(?:story|article|text|content) continues after(?: (?:this|the))? (?:advertisement|ad)|weiterlesen nach der anzeige|content continues below|continue reading (?:the main story|below)|scroll to continue(?: with content)?|advertisement\s*[-–—:]?\s*scroll to continue(?: with content)?|skip (?:advertisement|ad)|anzeige|werbung|publicité|pubblicità|publicidad|reklame|advertentie)$/iu;

// Words a share bar is made of; a line of nothing else is a share bar ("Share on Facebook", "Facebook Twitter Email").
const SHARE_ACTIONS = new Set([
  'share', 'shares', 'sharing', 'facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'email', 'e-mail', 'mail', 'print', 'tweet',
  'reddit', 'pinterest', 'telegram', 'messenger', 'bluesky', 'threads', 'flipboard', 'sms', 'copy', 'link', 'copied', 'save',
  'gift', 'comments', 'comment', 'teilen', 'partager', 'condividi', 'compartir',
]);
const SHARE_FILLERS = new Set(['on', 'via', 'to', 'this', 'the', 'article', 'story', 'page', 'post', 'link', 'for', 'later', 'a', 'friend', 'by']);
const SHARE_SEPARATOR = /[\s|·•,/]+/u;
const MAX_SHARE_WORDS = 12;

const MAX_SHARE_LINE = 80;

function isShareBar(line: string): boolean {
  if (line.length > MAX_SHARE_LINE) return false;
  // Most lines fail on their first word: settle those before splitting the whole line.
  const space = line.indexOf(' ');
  const first = (space < 0 ? line : line.slice(0, space)).toLowerCase().replace(/[|·•,/]+$/u, '');
  if (first !== '' && !SHARE_ACTIONS.has(first) && !SHARE_FILLERS.has(first) && !/^\d+$/.test(first)) return false;
  const words = line.toLowerCase().split(SHARE_SEPARATOR).filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_SHARE_WORDS) return false;
  let actions = 0;
  for (const word of words) {
    if (SHARE_ACTIONS.has(word)) actions++;
    else if (!SHARE_FILLERS.has(word) && !/^\d+$/.test(word)) return false;
  }
  return actions > 0;
}

// "Advertisement · Scroll to continue": markers joined by a middle dot or a bar are one marker line.
const MARKER_JOIN = /\s+[·•|]\s+/u;
function isAdvertisement(line: string): boolean {
  if (line.length > 80) return false;
  const plain = undecorated(line);
  if (ADVERTISEMENT.test(plain)) return true;
  if (!plain.includes('·') && !plain.includes('•') && !plain.includes('|')) return false;
  return plain.split(MARKER_JOIN).every((part) => ADVERTISEMENT.test(part));
}

const REPRINTS =
  /^(?:reprints?(?: (?:&|and) permissions)?|request (?:a )?reprints?|purchase licensing rights|licensing rights|license this (?:article|content|photo|image)|republish(?: this (?:article|story))?|reuse (?:this )?content|buy (?:this )?(?:photo|image)|order (?:a )?reprint|permissions)[.:]?$/iu;

// Agencies' closing lines: Reuters' trust principles, "Copyright 2024 The Associated Press. All rights reserved."
const AGENCY_FOOTER =
  /^(?:our standards:\s*)?the thomson reuters trust principles\.?$|^all rights reserved\.?$|all rights reserved\.?(?: this material may not be published, broadcast, rewritten,? or redistributed(?: without permission)?\.?)?$|^this material may not be published, broadcast, rewritten,? or redistributed(?: without permission)?\.?$/iu;
const COPYRIGHT_START = /^(?:©|\(c\)|copyright\b)/iu;

// Wire end marks and desk codes: "-30-", "###", "(END)", "ENDS", "Enditem", "___", AFP's "burs-jm/dl".
const WIRE_END_MARK = /^(?:-\s*30\s*-|#{3,}|_{3,}|\(?END\)?|ENDS|\(ENDS\)|Enditem|EndItem|ENDITEM|XXX|=+ *END *=+)$/u;
const DESK_CODE = /^[a-z]{2,5}(?:[-/][a-z]{2,5}){0,5}\/[a-z]{2,5}(?:[-/][a-z]{2,5}){0,5}$/u;
// Pairs that are words, not initials.
const WORD_PAIRS = new Set(['and/or', 'he/she', 'she/he', 'his/her', 'him/her', 'her/his', 'yes/no', 'on/off', 'in/out', 'she/her', 'he/him', 'they/them', 'his/hers', 'her/him', 'up/down', 'for/against', 'pro/con', 'now/then', 'this/that', 'buy/sell', 'off/on', 'out/in', 'yes/no/maybe']);
// AFP writes its desk codes in initials of two or three letters: "burs-jm/dl", "kms/ach".
const isDeskCode = (line: string): boolean => DESK_CODE.test(line) && !WORD_PAIRS.has(line) && /(?:^|[-/])[a-z]{2,3}(?:$|[-/])/u.test(line);

// "Sign up to First Edition, our free daily newsletter", "skip past newsletter promotion".
const NEWSLETTER_PROMO =
  /^(?:sign up|sign-up|subscribe|get (?:our|the)|join|want|don['’]t miss|receive|register|enter your email|never miss|skip past|after|privacy notice|newsletters?)\b.*\bnewsletters?\b|^newsletters?(?: sign-?up)?:?$|^skip past newsletter promotion$|^after newsletter promotion$/iu;

// "The Morning Briefing: Get the day's top stories in your inbox. Sign up here.": a promo without the word
// "newsletter" offers an inbox (or an email) and ends with the call to sign up.
const SIGN_UP_CALL = /\b(?:sign up|subscribe)(?: (?:here|now|today|for free|free))?[.!]?$/iu;
const OFFERS_INBOX = /\b(?:inbox|e-?mail|newsletter|briefing)\b/iu;
const isSignUpCall = (lower: string): boolean =>
  (lower.includes('sign up') || lower.includes('subscribe')) && SIGN_UP_CALL.test(lower) && OFFERS_INBOX.test(lower);

// "See also: <headline>", "Read more: <headline>", and the same labels in other languages.
const INLINE_TEASER =
  /^(?:see also|read more|also read|read also|related|watch|listen|read next|more|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leggi anche|lea también|lee también|leia também)\s*[:：|]\s*\S/iu;

// Each rule is gated by a cheap check (length, a word the line must contain), so body lines, which are
// most lines, cost a few comparisons each. `lower` is the line lower-cased.
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  { name: 'advertisement-marker', test: isAdvertisement },
  { name: 'share-bar', test: isShareBar },
  { name: 'reprints-and-licensing', test: (line) => line.length <= 80 && REPRINTS.test(undecorated(line)) },
  {
    name: 'agency-footer',
    test: (line, lower = line.toLowerCase()) =>
      (lower.includes('rights reserved') || lower.includes('trust principles') || lower.includes('may not be published')) &&
      AGENCY_FOOTER.test(line) && (COPYRIGHT_START.test(line) || !/^[©(]/u.test(line)),
  },
  { name: 'wire-end-mark', test: (line) => line.length <= 40 && (WIRE_END_MARK.test(line) || isDeskCode(line)) },
  {
    name: 'newsletter-promo',
    test: (line, lower = line.toLowerCase()) => (lower.includes('newsletter') && NEWSLETTER_PROMO.test(line)) || isSignUpCall(lower),
  },
  { name: 'inline-teaser', test: (line) => (line.includes(':') || line.includes('：') || line.includes('|')) && INLINE_TEASER.test(line) },
];

// The first words furniture lines start with (lower-cased): a line starting otherwise, and not with
// decoration, a digit or a desk code, is body, settled without running any rule (most lines are body).
// Kept in step with the rules above by the furniture tests.
const FIRST_WORDS = new Set([
  ...SHARE_ACTIONS, ...SHARE_FILLERS,
  'advertisement', 'advertisements', 'advert', 'ad', 'ads', 'sponsored', 'paid', 'promoted', 'partner', 'story', 'article', 'content',
  'continue', 'scroll', 'skip', 'anzeige', 'werbung', 'publicité', 'pubblicità', 'publicidad', 'reklame', 'advertentie',
  'reprint', 'reprints', 'request', 'purchase', 'licensing', 'license', 'republish', 'reuse', 'buy', 'order', 'permissions',
  'our', 'all', 'end', 'ends', 'enditem', 'xxx', 'copyright', '©', 'sign', 'sign-up', 'subscribe', 'get', 'join', 'want', "don't", 'don’t',
  'receive', 'register', 'enter', 'never', 'skip', 'after', 'privacy', 'newsletter', 'newsletters', 'newsletter:', 'see', 'read', 'also', 'related',
  'watch', 'listen', 'more', 'lesen', 'mehr', 'lire', 'à', 'leggi', 'lea', 'lee', 'leia', 'most', 'trending', 'top', "editor's", 'editor’s',
  'popular', 'in', 'advertising', 'weiterlesen',
]);
const FURNITURE_FIRST_CHAR = /^[\s\-–—*_=·•|[\]()<>#\d©]/u;

// A promo may start with any words ("The Morning Briefing: ..."): its end, the call to sign up, lets it in.
// Plain indexOf on the tail (this runs on every line), in the two cases promos are written in.
function mayBeSignUpPromo(line: string): boolean {
  if (line.length < 20) return false;
  const tail = line.slice(-24);
  return tail.includes('ign up') || tail.includes('ubscribe') || tail.includes('IGN UP') || tail.includes('UBSCRIBE');
}

function mayBeFurniture(line: string): boolean {
  if (FURNITURE_FIRST_CHAR.test(line) || mayBeSignUpPromo(line)) return true;
  const space = line.indexOf(' ');
  const first = (space < 0 ? line : line.slice(0, space)).toLowerCase();
  // "See also:", "Related:", "burs-jm/dl": a colon or a desk code's separators.
  return FIRST_WORDS.has(first) || (endsInWordPunctuation(first) && FIRST_WORDS.has(first.replace(/[:：.,|]+$/u, ''))) || first.includes('/');
}

/** True when the word ends in one of : ： . , | (without one, stripping them changes nothing: no regex per line). */
function endsInWordPunctuation(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === 0x3a || last === 0xff1a || last === 0x2e || last === 0x2c || last === 0x7c;
}

/** The furniture rule a trimmed line matches, or undefined (body text). */
export function furnitureRuleOf(line: string): string | undefined {
  if (line === '' || line.length > MAX_FURNITURE_LINE || !mayBeFurniture(line)) return undefined;
  const lower = line.toLowerCase();
  for (const rule of FURNITURE_RULES) if (rule.test(line, lower)) return rule.name;
  return undefined;
}

// A heading that opens a list of other stories inside the page: the heading and its list go.
const LIST_HEADING =
  /^(?:most (?:read|popular|viewed|shared|watched|commented)(?: (?:stories|articles|now|today|this week))?|trending(?: now| stories| articles| topics)?|related(?: (?:stories|articles|content|coverage|reading|links|news|posts|topics))?|see also|also read|read next|top stories|editor['’]s picks|popular now|more in [\p{L} ]{1,30}|in other news|read more\s*:)[:.]?$/iu;
// A list item: a bullet or a number, or a short line that does not end as prose does.
const BULLET = /^(?:[-•*·▪►‣]|\d{1,2}[.)])\s*\S/u;
const PROSE_END = /[.!…"”’»:;,]$/u;
const MAX_LIST_ITEM = 140;
const MAX_LIST_ITEMS = 15;

function isListItem(line: string): boolean {
  return line.length <= MAX_LIST_ITEM && (BULLET.test(line) || !PROSE_END.test(line));
}

export interface FurnitureRemoval {
  lines: string[];
  /** Each line removed, with the rule that removed it. */
  removed: { rule: string; line: string }[];
}

/**
 * Removes furniture lines at or after `from` (the title line is never one) and each list heading with
 * the list items after it (at most 15, across blank lines, up to the first line of prose). A removed
 * line is replaced by nothing, so a marker inside a paragraph joins the paragraph's two halves.
 */
export function removeFurniture(lines: readonly string[], from = 0): FurnitureRemoval {
  const kept: string[] = lines.slice(0, from);
  const removed: FurnitureRemoval['removed'] = [];
  for (let index = from; index < lines.length; index++) {
    const raw = lines[index]!;
    if (raw.length === 0) {
      kept.push(raw);
      continue;
    }
    const line = raw.trim();
    const rule = furnitureRuleOf(line);
    if (rule !== undefined) {
      removed.push({ rule, line });
      continue;
    }
    if (line.length <= 60 && LIST_HEADING.test(line)) {
      removed.push({ rule: 'list-block', line });
      let items = 0;
      let next = index + 1;
      for (; next < lines.length && items < MAX_LIST_ITEMS; next++) {
        const item = lines[next]!.trim();
        if (item === '') continue;
        if (!isListItem(item)) break;
        removed.push({ rule: 'list-block', line: item });
        items++;
      }
      // Blank lines before the prose that follows are kept: they separate paragraphs.
      while (next - 1 > index && lines[next - 1]!.trim() === '') next--;
      index = next - 1;
      continue;
    }
    kept.push(lines[index]!);
  }
  return { lines: kept, removed };
}
