// A small valid site written by hand (not by our renderer), so the validator is checked against the specs,
// not against its twin. Three articles over two months: a, c in 2024-10 and b in 2024-09.
const BASE = 'https://news.example.com';

interface Item {
  slug: string;
  id: string;
  title: string;
  rfc822: string;
  rfc3339: string;
}

const A: Item = { slug: 'a', id: 'urn:uuid:00000000-0000-5000-8000-00000000000a', title: 'Cease-fire talks', rfc822: 'Thu, 31 Oct 2024 00:00:00 GMT', rfc3339: '2024-10-31T00:00:00Z' };
const C: Item = { slug: 'c', id: 'urn:uuid:00000000-0000-5000-8000-00000000000c', title: 'Markets & rates', rfc822: 'Wed, 02 Oct 2024 09:30:00 GMT', rfc3339: '2024-10-02T09:30:00Z' };
const B: Item = { slug: 'b', id: 'urn:uuid:00000000-0000-5000-8000-00000000000b', title: 'Harvest season', rfc822: 'Sun, 15 Sep 2024 12:00:00 GMT', rfc3339: '2024-09-15T12:00:00Z' };

interface Links {
  self: string;
  prev?: string;
  next?: string;
  current?: string;
}

function rss(links: Links, items: Item[]): string {
  const rel = (name: string, href?: string): string => (href ? `\n    <atom:link rel="${name}" href="${BASE}/${href}"/>` : '');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Example News</title>
    <link>${BASE}/</link>
    <description>News from the example desk</description>
    <lastBuildDate>${items[0]?.rfc822 ?? A.rfc822}</lastBuildDate>
    <atom:link rel="self" type="application/rss+xml" href="${BASE}/${links.self}"/>${rel('prev-archive', links.prev)}${rel('next-archive', links.next)}${rel('current', links.current)}
${items
  .map(
    (i) => `    <item>
      <title>${i.title.replace('&', '&#x26;')}</title>
      <link>${BASE}/articles/${i.slug}/</link>
      <guid isPermaLink="false">${i.id}</guid>
      <pubDate>${i.rfc822}</pubDate>
      <description>Summary of ${i.slug}</description>
      <content:encoded>&lt;p&gt;Body of ${i.slug}&lt;/p&gt;</content:encoded>
      <media:content url="${BASE}/images/${i.slug}.jpg" type="image/jpeg" medium="image">
        <media:description type="plain">Caption of ${i.slug}</media:description>
        <media:credit role="photographer" scheme="urn:ebu">Ana Ruiz</media:credit>
      </media:content>
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>
`;
}

function atom(links: Links, items: Item[]): string {
  const rel = (name: string, href?: string): string => (href ? `\n  <link rel="${name}" href="${BASE}/${href}"/>` : '');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${BASE}/atom.xml</id>
  <title>Example News</title>
  <updated>${items[0]?.rfc3339 ?? A.rfc3339}</updated>
  <link rel="self" href="${BASE}/${links.self}"/>
  <link rel="alternate" type="text/html" href="${BASE}/"/>${rel('prev-archive', links.prev)}${rel('next-archive', links.next)}${rel('current', links.current)}
${items
  .map(
    (i) => `  <entry>
    <id>${i.id}</id>
    <title>${i.title.replace('&', '&amp;')}</title>
    <link rel="alternate" type="text/html" href="${BASE}/articles/${i.slug}/"/>
    <published>${i.rfc3339}</published>
    <updated>${i.rfc3339}</updated>
    <content type="html">&lt;p&gt;Body of ${i.slug}&lt;/p&gt;</content>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}

function jsonFeed(links: { self: string; next?: string }, items: Item[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example News',
      home_page_url: `${BASE}/`,
      feed_url: `${BASE}/${links.self}`,
      ...(links.next && { next_url: `${BASE}/${links.next}` }),
      language: 'en',
      authors: [{ name: 'Staff' }],
      items: items.map((i) => ({
        id: i.id,
        url: `${BASE}/articles/${i.slug}/`,
        title: i.title,
        content_html: `<p>Body of ${i.slug}</p>`,
        image: `${BASE}/images/${i.slug}.jpg`,
        date_published: i.rfc3339,
        date_modified: i.rfc3339,
        tags: ['world'],
        _feedpub: { images: [{ caption: 'A caption', credit: { display: 'Maher Abou Taleb/Reuters' } }] },
      })),
    },
    null,
    2,
  )}\n`;
}

function page(i: Item): string {
  return `<!doctype html>\n<html lang="en"><head><title>${i.title}</title></head><body><h1>${i.title}</h1></body></html>\n`;
}

/** A fresh copy of the valid site: path -> text. */
export function goodSite(): Map<string, string> {
  const files = new Map<string, string>();
  const head = [A, C, B];
  files.set('feed.xml', rss({ self: 'feed.xml', prev: 'archive/2024-10/feed.xml' }, head));
  files.set('atom.xml', atom({ self: 'atom.xml', prev: 'archive/2024-10/atom.xml' }, head));
  // The head holds every item, so JSON Feed paging has nowhere further to go (each item once).
  files.set('feed.json', jsonFeed({ self: 'feed.json' }, head));
  files.set('archive/2024-10/feed.xml', rss({ self: 'archive/2024-10/feed.xml', prev: 'archive/2024-09/feed.xml', current: 'feed.xml' }, [A, C]));
  files.set('archive/2024-10/atom.xml', atom({ self: 'archive/2024-10/atom.xml', prev: 'archive/2024-09/atom.xml', current: 'atom.xml' }, [A, C]));
  files.set('archive/2024-10/feed.json', jsonFeed({ self: 'archive/2024-10/feed.json', next: 'archive/2024-09/feed.json' }, [A, C]));
  files.set('archive/2024-09/feed.xml', rss({ self: 'archive/2024-09/feed.xml', next: 'archive/2024-10/feed.xml', current: 'feed.xml' }, [B]));
  files.set('archive/2024-09/atom.xml', atom({ self: 'archive/2024-09/atom.xml', next: 'archive/2024-10/atom.xml', current: 'atom.xml' }, [B]));
  files.set('archive/2024-09/feed.json', jsonFeed({ self: 'archive/2024-09/feed.json' }, [B]));
  for (const item of head) files.set(`articles/${item.slug}/index.html`, page(item));
  files.set('index.html', '<!doctype html>\n<html lang="en"><head><title>Example News</title></head><body></body></html>\n');
  files.set('status.json', '{"articles":3,"lastPublish":null,"quarantined":[]}\n');
  return files;
}
