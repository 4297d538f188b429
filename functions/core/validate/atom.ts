// Atom 1.0 (RFC 4287): required feed and entry elements, RFC 3339 dates, links and URLs.
import { hasFractionalSeconds, isRfc3339Date } from './dates';
import { attrOf, childOf, isPresent, listOf, textOf } from './xml';
import type { FeedCheck, FeedSummary, Violation } from './types';

const ARCHIVE_RELS = new Set(['prev-archive', 'next-archive', 'current']);

export function checkAtom(path: string, doc: Record<string, unknown>): FeedCheck {
  const violations: Violation[] = [];
  const report = (rule: string, message: string): void => {
    violations.push({ path, rule, message });
  };
  const feed = doc.feed;
  const summary: FeedSummary = { path, format: 'atom', archiveLinks: [], items: [], urls: [] };
  const checkDates = (node: unknown, where: string): void => {
    for (const name of ['updated', 'published']) {
      const value = textOf(childOf(node, name));
      if (value && !isRfc3339Date(value)) report('rfc3339-date', `${where} <${name}> is not an RFC 3339 date: "${value}"`);
      else if (value && hasFractionalSeconds(value)) report('whole-seconds', `${where} <${name}> has a fraction of a second: "${value}"`);
    }
  };

  for (const name of ['id', 'title', 'updated']) {
    if (!isPresent(childOf(feed, name))) report('atom-required', `feed has no <${name}>`);
  }
  checkDates(feed, 'feed');
  for (const name of ['icon', 'logo']) {
    const url = textOf(childOf(feed, name));
    if (url) summary.urls.push({ where: `feed <${name}>`, url });
  }
  for (const link of listOf(childOf(feed, 'link'))) {
    const rel = attrOf(link, 'rel') ?? 'alternate';
    const href = attrOf(link, 'href') ?? '';
    summary.urls.push({ where: `feed <link rel="${rel}">`, url: href });
    if (rel === 'self') summary.selfUrl = href;
    if (ARCHIVE_RELS.has(rel)) summary.archiveLinks.push({ rel, href });
  }

  listOf(childOf(feed, 'entry')).forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    for (const name of ['id', 'title', 'updated']) {
      if (!isPresent(childOf(entry, name))) report('atom-required', `${where} has no <${name}>`);
    }
    checkDates(entry, where);
    let alternate: string | undefined;
    const links = listOf(childOf(entry, 'link'));
    for (const link of links) {
      const rel = attrOf(link, 'rel') ?? 'alternate';
      const href = attrOf(link, 'href') ?? '';
      summary.urls.push({ where: `${where} <link rel="${rel}">`, url: href });
      if (rel === 'alternate') alternate ??= href;
    }
    if (alternate === undefined) report('atom-required', `${where} has no <link rel="alternate">`);
    for (const media of listOf(childOf(entry, 'media:content'))) {
      summary.urls.push({ where: `${where} <media:content>`, url: attrOf(media, 'url') ?? '' });
    }
    const id = textOf(childOf(entry, 'id'));
    summary.items.push({ ...(id && { id }), ...(alternate && { link: alternate }) });
  });
  return { violations, summary };
}
