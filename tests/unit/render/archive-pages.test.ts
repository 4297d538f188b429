// The HTML archive pages read back with htmlparser2 (not what writes them): /archive/ lists every month
// with its count, /archive/<YYYY-MM>/ that month's articles newest first, and every page of the site
// links home and to the archive; each link names a file the build made.
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig, type SiteStatus } from '../../../functions/core/model';
import { monthOf, newestFirst } from '../../../functions/core/order';
import { renderSite } from '../../../functions/core/render/index';
import { syntheticArticles } from '../../support/articles';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com/edition', feedSize: 10 };
const articles = syntheticArticles(150, 5, { site });
articles[0] = { ...articles[0]!, title: 'Bonds <script>alert(1)</script> & "rates"' };
const status: SiteStatus = { articles: 150, lastPublish: '2024-06-01T00:00:00Z', quarantined: [] };
const files = renderSite(site, articles, status, '2024-06-01T00:00:00Z');
const byPath = new Map(files.map((f) => [f.path, typeof f.body === 'string' ? f.body : Buffer.from(f.body).toString('utf8')]));
const months = [...new Set(articles.map(monthOf))].sort();

/** The site path a link names ("https://news.example.com/edition/archive/" -> "archive/index.html"). */
function pathOf(href: string): string {
  expect(href.startsWith(`${site.baseUrl}/`), href).toBe(true);
  const path = decodeURIComponent(new URL(href).pathname).slice(new URL(site.baseUrl).pathname.length + 1);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function page(path: string) {
  const html = byPath.get(path);
  expect(html, path).toBeDefined();
  return parseDocument(html as string);
}

const links = (root: ReturnType<typeof parseDocument>, selector: (el: any) => boolean) =>
  DomUtils.findAll((el) => el.name === 'a' && selector(el), root.children).map((a) => ({ href: a.attribs.href as string, text: DomUtils.textContent(a).trim(), rel: a.attribs.rel }));
const inside = (name: string, className?: string) => (el: any) => {
  for (let p = el.parent; p; p = p.parent) if (p.name === name && (className === undefined || p.attribs?.class === className)) return true;
  return false;
};

describe('/archive/', () => {
  const doc = page('archive/index.html');

  it('lists every month, newest first, with its article count, each linking to a page that exists', () => {
    const items = DomUtils.findAll((el) => el.name === 'li' && inside('ol', 'months')(el), doc.children);
    const rows = items.map((li) => ({ href: DomUtils.findOne((el) => el.name === 'a', li.children)?.attribs.href as string, count: DomUtils.textContent(li).match(/(\d+) articles?/)?.[1] }));
    expect(rows.map((r) => pathOf(r.href))).toEqual([...months].reverse().map((m) => `archive/${m}/index.html`));
    for (const [i, m] of [...months].reverse().entries()) {
      expect(Number(rows[i]?.count)).toBe(articles.filter((a) => monthOf(a) === m).length);
      expect(byPath.has(pathOf(rows[i]?.href as string))).toBe(true);
    }
  });
});

describe('/archive/<YYYY-MM>/', () => {
  it.each(months)('%s lists that month\'s articles, newest first, each linking to its page', (month) => {
    const doc = page(`archive/${month}/index.html`);
    const listed = links(doc, inside('ol', 'articles')).map((l) => l.href);
    const expected = articles.filter((a) => monthOf(a) === month).sort(newestFirst).map((a) => a.url);
    expect(listed).toEqual(expected);
    for (const href of listed) expect(byPath.has(pathOf(href)), href).toBe(true);
    // Neighbouring months and the month's feeds resolve too.
    const pager = links(doc, inside('nav', 'pager'));
    const i = months.indexOf(month);
    expect(pager.filter((l) => l.rel === 'prev').map((l) => pathOf(l.href))).toEqual(i > 0 ? [`archive/${months[i - 1]}/index.html`] : []);
    expect(pager.filter((l) => l.rel === 'next').map((l) => pathOf(l.href))).toEqual(i < months.length - 1 ? [`archive/${months[i + 1]}/index.html`] : []);
    for (const l of links(doc, inside('footer'))) expect(byPath.has(pathOf(l.href)), l.href).toBe(true);
  });

  it('shows a hostile title as text, not markup', () => {
    const doc = page(`archive/${monthOf(articles[0]!)}/index.html`);
    expect(DomUtils.findAll((el) => el.name === 'script', doc.children)).toHaveLength(0);
    expect(links(doc, inside('ol', 'articles')).map((l) => l.text)).toContain('Bonds <script>alert(1)</script> & "rates"');
  });
});

describe('every page links home and to the archive', () => {
  const htmlPaths = [...byPath.keys()].filter((p) => p.endsWith('.html'));

  it.each(['index.html', '404.html', 'status/index.html', 'subscribe/index.html', 'archive/index.html', `archive/${months[0]}/index.html`, `articles/${articles[3]?.slug}/index.html`])('%s', (path) => {
    const nav = links(page(path), inside('header', 'site')).map((l) => pathOf(l.href));
    expect(nav).toContain('index.html');
    expect(nav).toContain('archive/index.html');
  });

  it('all of them, and the home page also below its list', () => {
    expect(htmlPaths.length).toBeGreaterThan(150);
    for (const path of htmlPaths) expect(links(page(path), inside('header', 'site')).map((l) => pathOf(l.href)), path).toContain('archive/index.html');
    expect(links(page('index.html'), (el) => inside('main')(el) && !inside('ol')(el)).map((l) => pathOf(l.href))).toContain('archive/index.html');
  });
});
