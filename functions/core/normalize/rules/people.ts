import { cleanText } from './text';

/** "A and B", "A, B", "By A & B", or a list: names trimmed, "By " dropped, duplicates removed (case-insensitive). */
export function splitAuthors(value: unknown): string[] {
  const items = listOf(value);
  if (items.length === 0) return [];
  const parts = items.flatMap((item) => item.replace(/^by\s+/i, '').split(/\s*(?:,|;|&|\band\b)\s*/i));
  return dedupe(parts.map(cleanText).filter((name) => name !== ''));
}

/** Tags from a list or a comma string: trimmed, de-duplicated case-insensitively, first spelling and order kept. */
export function splitTags(value: unknown): string[] {
  const items = listOf(value);
  if (items.length === 0) return [];
  const parts = items.flatMap((item) => item.split(','));
  return dedupe(parts.map((tag) => cleanText(tag).replace(/^#/, '')).filter((tag) => tag !== ''));
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  return [];
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const folded = item.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}
