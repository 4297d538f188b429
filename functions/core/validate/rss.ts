// RSS 2.0: required channel and item elements, RFC 822 dates, and the links and URLs the cross-file checks need.
import { isRfc822Date } from './dates';
import { attrOf, childOf, isPresent, listOf, textOf } from './xml';
import type { FeedCheck, FeedSummary, Violation } from './types';

const ARCHIVE_RELS = new Set(['prev-archive', 'next-archive', 'current']);

export function checkRss(path: string, doc: Record<string, unknown>): FeedCheck {
  const violations: Violation[] = [];
  const report = (rule: string, message: string): void => {
    violations.push({ path, rule, message });
  };
  const channel = childOf(doc.rss, 'channel');
  if (channel === undefined) {
    report('rss-required', '<rss> has no <channel>');
    return { violations };
  }
  const summary: FeedSummary = { path, format: 'rss', archiveLinks: [], items: [], urls: [] };
  const channelLink = textOf(listOf(childOf(channel, 'link'))[0]);
  for (const name of ['title', 'link', 'description']) {
    if (!isPresent(listOf(childOf(channel, name))[0])) report('rss-required', `channel has no <${name}>`);
  }
  if (channelLink) summary.urls.push({ where: 'channel <link>', url: channelLink });
  for (const name of ['pubDate', 'lastBuildDate']) {
    const value = textOf(childOf(channel, name));
    if (value && !isRfc822Date(value)) report('rss-date', `channel <${name}> is not an RFC 822 date: "${value}"`);
  }
  const imageUrl = textOf(childOf(childOf(channel, 'image'), 'url'));
  if (imageUrl) summary.urls.push({ where: 'channel <image><url>', url: imageUrl });
  for (const link of listOf(childOf(channel, 'atom:link'))) {
    const rel = attrOf(link, 'rel') ?? 'alternate';
    const href = attrOf(link, 'href') ?? '';
    summary.urls.push({ where: `channel <atom:link rel="${rel}">`, url: href });
    if (rel === 'self') summary.selfUrl = href;
    if (ARCHIVE_RELS.has(rel)) summary.archiveLinks.push({ rel, href });
  }

  listOf(childOf(channel, 'item')).forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (!isPresent(childOf(item, 'title')) && !isPresent(childOf(item, 'description'))) {
      report('rss-required', `${where} has neither <title> nor <description>`);
    }
    const guid = textOf(childOf(item, 'guid'));
    if (!guid) report('rss-required', `${where} has no <guid>`);
    const link = textOf(listOf(childOf(item, 'link'))[0]);
    const pubDate = textOf(childOf(item, 'pubDate'));
    if (pubDate && !isRfc822Date(pubDate)) report('rss-date', `${where} <pubDate> is not an RFC 822 date: "${pubDate}"`);
    if (link) summary.urls.push({ where: `${where} <link>`, url: link });
    for (const enclosure of listOf(childOf(item, 'enclosure'))) {
      summary.urls.push({ where: `${where} <enclosure>`, url: attrOf(enclosure, 'url') ?? '' });
    }
    for (const media of listOf(childOf(item, 'media:content'))) {
      summary.urls.push({ where: `${where} <media:content>`, url: attrOf(media, 'url') ?? '' });
    }
    summary.items.push({ ...(guid && { id: guid }), ...(link && { link }) });
  });
  return { violations, summary };
}
