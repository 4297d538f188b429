// status.json and status/index.html: article count, last publish, quarantined uploads with reasons.
import type { Article, QuarantineRecord, SiteConfig, SiteStatus } from '../model';
import { siteChrome } from './discovery';
import { escapeHtml, htmlDocument, timeHtml } from './html';
import { stylesheetUrl } from './urls';
import { stripInvalidXmlChars } from './xml';

function byKey(a: QuarantineRecord, b: QuarantineRecord): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** status.json: the SiteStatus plus `generated` (= lastPublish: the page changes only when the site does). */
export function renderStatusJson(status: SiteStatus, latest: Article[]): string {
  const body = {
    generated: status.lastPublish,
    articles: status.articles,
    lastPublish: status.lastPublish,
    quarantined: [...status.quarantined].sort(byKey),
    latest: latest.map((article) => ({ id: article.id, title: article.title, url: article.url, updated: article.updated })),
  };
  return `${JSON.stringify(body, (_key, value: unknown) => (typeof value === 'string' ? stripInvalidXmlChars(value) : value), 2)}\n`;
}

export function renderStatusPage(site: SiteConfig, status: SiteStatus, latest: Article[]): string {
  const rows = [...status.quarantined].sort(byKey).map(
    (record) =>
      `<tr><td><code>${escapeHtml(record.key)}</code></td><td>${escapeHtml(record.code)}</td><td>${escapeHtml(record.reason)}</td><td>${timeHtml(record.time, site.timeZone)} <code>${escapeHtml(record.time)}</code></td><td>${record.size} bytes</td></tr>`,
  );
  const quarantine =
    rows.length === 0
      ? '<p>No quarantined uploads.</p>'
      : [
          '<table class="quarantine">',
          '<thead><tr><th>Upload key</th><th>Code</th><th>Reason</th><th>Time</th><th>Size</th></tr></thead>',
          `<tbody>\n${rows.join('\n')}\n</tbody>`,
          '</table>',
        ].join('\n');
  const latestList =
    latest.length === 0
      ? ''
      : `<h2>Latest</h2>\n<ol>\n${latest.map((a) => `<li><a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a></li>`).join('\n')}\n</ol>`;
  const body = [
    siteChrome(site).header,
    '<main>',
    '<h1>Status</h1>',
    '<dl class="status">',
    `<dt>Articles</dt><dd>${status.articles}</dd>`,
    `<dt>Last publish</dt><dd>${status.lastPublish === null ? 'never' : `${timeHtml(status.lastPublish, site.timeZone)} <code>${escapeHtml(status.lastPublish)}</code>`}</dd>`,
    `<dt>Quarantined uploads</dt><dd>${status.quarantined.length}</dd>`,
    '</dl>',
    `<h2>Quarantine</h2>\n${quarantine}`,
    latestList,
    '</main>',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return htmlDocument({
    lang: site.language,
    title: `Status – ${site.title}`,
    head: ['<meta name="robots" content="noindex">'],
    body,
    stylesheetHref: stylesheetUrl(site, 'stylesheet'),
  });
}
