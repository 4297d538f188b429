// Renders a parsed credit in the house style: the site's template for photographer and agency, then
// fixed conventions for what a template cannot say (provider, Handout, Pool, File Photo, via, courtesy,
// assignment, client).
import type { CreditStyle } from '../model';
import { type CreditDraft, shapeOf } from './draft';

type Field = 'photographer' | 'agency' | 'provider' | 'via';
const PLACEHOLDER = /\{(photographer|agency|provider|via)\}/g;

/**
 * Fills `format` ("{photographer}/{agency}") with the fields present. A missing field takes its
 * separator with it: two present fields are joined by the text just before the later one, so there
 * is never a dangling "/". Text before the first and after the last placeholder is kept when any
 * field is present, then brackets left unmatched by a dropped field are removed
 * ("{photographer} ({agency})" without agency -> "Name", without photographer -> "Agency").
 */
export function renderCreditTemplate(format: string, fields: Partial<Record<Field, string>>): string {
  const { literals, names, trailing } = parsedTemplate(format);
  let body = '';
  let previousPresent = -1;
  for (let i = 0; i < names.length; i++) {
    const value = fields[names[i]!];
    if (value === undefined || value === '') continue;
    // The separator before a field is the literal just before it, when a field precedes it at all.
    if (previousPresent >= 0) body += literals[i] ?? '';
    body += value;
    previousPresent = i;
  }
  if (previousPresent < 0) return '';
  return dropUnmatchedBrackets(`${literals[0] ?? ''}${body}${trailing}`).trim();
}

interface ParsedTemplate {
  /** The text before each placeholder. */
  literals: string[];
  names: Field[];
  trailing: string;
}

// A site has one or two formats: each is split into literals and placeholders once, not per credit.
const TEMPLATES = new Map<string, ParsedTemplate>();
const MAX_TEMPLATES = 64;

function parsedTemplate(format: string): ParsedTemplate {
  const known = TEMPLATES.get(format);
  if (known !== undefined) return known;
  const literals: string[] = [];
  const names: Field[] = [];
  let from = 0;
  for (const match of format.matchAll(PLACEHOLDER)) {
    literals.push(format.slice(from, match.index));
    names.push(match[1] as Field);
    from = match.index + match[0].length;
  }
  const parsed = { literals, names, trailing: format.slice(from) };
  if (TEMPLATES.size >= MAX_TEMPLATES) TEMPLATES.clear();
  TEMPLATES.set(format, parsed);
  return parsed;
}

function dropUnmatchedBrackets(text: string): string {
  if (!text.includes('(') && !text.includes(')')) return text;
  const chars = [...text];
  const open: number[] = [];
  const drop = new Set<number>();
  chars.forEach((char, i) => {
    if (char === '(') open.push(i);
    else if (char === ')') {
      if (open.length === 0) drop.add(i);
      else open.pop();
    }
  });
  for (const i of open) drop.add(i);
  return chars.filter((_c, i) => !drop.has(i)).join('');
}

/** The display string of a draft the rules have run over. */
export function renderCreditDisplay(draft: CreditDraft, style: CreditStyle): string {
  const shape = shapeOf(draft);
  if (shape === 'unknown') return draft.collapsed;
  if (shape === 'prefixed') return draft.stripped ?? draft.collapsed;

  const parts: string[] = [];
  if (draft.courtesy) {
    parts.push(`Courtesy of ${draft.provider ?? ''}`.trim());
  } else if (draft.assignment) {
    // "Jane Doe for The Washington Post": on assignment, not staff; the template would lose the "for".
    parts.push(`${draft.photographer ?? ''} for ${draft.agency ?? ''}`);
  } else {
    const core = renderCreditTemplate(style.format, {
      photographer: draft.photographer,
      agency: draft.agency,
      provider: draft.provider,
      via: draft.via,
    });
    // The client stays beside the agency it hired ("Getty Images for Tribeca"), before Handout/Pool.
    parts.push(draft.client === undefined ? core : `${core} for ${draft.client}`.trim());
    if (draft.provider !== undefined && !style.format.includes('{provider}')) parts.push(draft.provider);
  }
  if (draft.handout) parts.push('Handout');
  if (draft.pool) parts.push('Pool');
  if (draft.filePhoto) parts.push('File Photo');
  if (draft.labelSegment !== undefined) parts.push(draft.labelSegment);
  // A wire code stays on the side of the agency where it stood: "STR/AFP", "AFP/STR".
  if (draft.wireCode !== undefined) {
    if (draft.wireCodeFirst) parts.unshift(draft.wireCode);
    else parts.splice(1, 0, draft.wireCode);
  }
  const joined = parts.filter((p) => p !== '').join('/');
  const main = draft.label === undefined || joined === '' ? joined : `${draft.label} ${joined}`;
  const via = draft.via !== undefined && (draft.courtesy || draft.assignment || !style.format.includes('{via}')) ? draft.via : undefined;
  const display = via === undefined ? main : `${main} via ${via}`.trim();
  // A prefix with nothing after it ("Photo:") leaves nothing to show: keep the line as it came.
  return display === '' ? draft.collapsed : display;
}
