// The generator decision, measured: our renderers (functions/core/render) against the `feed` package
// (6.x, a devDependency for this comparison only) on the same 50 and 1,000 synthetic articles. Prints
// what each can express (namespaces, RFC 5005 links, Media RSS, JSON Feed version) read back from its own
// output with fast-xml-parser, then min and median render time over repeated runs, with the load average.
import { XMLParser } from 'fast-xml-parser';
import { Feed } from 'feed';
import { DEFAULT_SITE, type Article, type SiteConfig } from '../functions/core/model';
import { renderArchiveFeeds } from '../functions/core/render';
import { contentWithFigures } from '../functions/core/render/figure';
import { syntheticArticles } from '../tests/support/articles';
import { loadAverage } from './support/results';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 1000 };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function withFeed(articles: Article[]): Feed {
  const feed = new Feed({
    id: `${site.baseUrl}/atom.xml`,
    title: site.title,
    description: site.description,
    link: `${site.baseUrl}/`,
    language: site.language,
    generator: 'feedpub-bench',
    feedLinks: { rss: `${site.baseUrl}/feed.xml`, atom: `${site.baseUrl}/atom.xml`, json: `${site.baseUrl}/feed.json` },
    copyright: '',
    updated: new Date(articles[0]?.updated ?? 0),
  });
  for (const a of articles) {
    const image = a.images.find((i) => i.url !== undefined);
    feed.addItem({
      title: a.title,
      id: a.id,
      guid: a.id,
      link: a.url,
      date: new Date(a.updated),
      published: new Date(a.published),
      description: a.summary,
      content: contentWithFigures(site, a),
      author: a.authors.map((name) => ({ name })),
      category: a.tags.map((name) => ({ name })),
      ...(image?.url !== undefined && { image: { url: image.url, ...(image.type !== undefined && { type: image.type }) } }),
      // Per-item extension elements (RSS and JSON Feed only): the nearest `feed` gets to media:content.
      extensions: image?.url === undefined ? [] : [{ name: 'media:content', objects: { _attributes: { url: image.url, medium: 'image' } } }],
    });
  }
  return feed;
}

function timed(fn: () => unknown): { min: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  return { min: times[0] as number, median: times[Math.floor(times.length / 2)] as number };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
function capabilities(rss: string, atom: string, json: string) {
  const r = xml.parse(rss).rss;
  const a = xml.parse(atom).feed;
  const namespaces = Object.keys(r).filter((k) => k.startsWith('@_xmlns:')).map((k) => k.slice(8)).sort().join(',');
  const links = [r.channel['atom:link']].flat().filter(Boolean).map((l: any) => l['@_rel']);
  const items = [r.channel.item].flat();
  const entries = [a.entry].flat();
  return {
    rssNamespaces: namespaces,
    rfc5005Links: links.some((rel: string) => rel === 'prev-archive' || rel === 'current') ? 'yes' : 'no',
    rssMediaContent: items.some((i: any) => 'media:content' in i) ? 'yes' : 'no',
    // feed declares no xmlns:media: its media:content is then an unbound prefix, which XML parsers reject.
    rssDeclaresMedia: namespaces.includes('media') ? 'yes' : 'no',
    atomMediaContent: entries.some((e: any) => 'media:content' in e) ? 'yes' : 'no',
    jsonVersion: JSON.parse(json).version,
  };
}

const archiveMonths = ['2024-01'];
console.log(`load average ${loadAverage()}; ${RUNS} runs each`);
for (const n of [50, 1000]) {
  const articles = syntheticArticles(n, 3, { site }).reverse();
  const ours = () => {
    const files = renderArchiveFeeds(site, '2024-01', articles, archiveMonths, '2024-06-01T00:00:00Z');
    return files.map((f) => f.body as string);
  };
  const theirs = () => {
    const feed = withFeed(articles);
    return [feed.rss2(), feed.atom1(), feed.json1()];
  };
  const [or, oa, oj] = ours() as [string, string, string];
  const [tr, ta, tj] = theirs() as [string, string, string];
  console.log(`\n${n} items`);
  console.log('  feedpub  ', JSON.stringify(capabilities(or, oa, oj)));
  console.log('  feed 6.0 ', JSON.stringify(capabilities(tr, ta, tj)));
  const a = timed(ours);
  const b = timed(theirs);
  console.log(`  render RSS+Atom+JSON: feedpub min ${a.min.toFixed(1)} ms, median ${a.median.toFixed(1)} ms; feed min ${b.min.toFixed(1)} ms, median ${b.median.toFixed(1)} ms`);
}
console.log(`load average ${loadAverage()}`);
