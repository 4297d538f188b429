// status.json and status/index.html: the PUBLIC status of the site, counts and the last publish time
// only. Which uploads were rejected and why (their keys, reasons that quote file content), held
// articles, warnings and repairs are private: `feedpub status` reads them from _feedpub/.
import type { SiteConfig, SiteStatus } from '../model';
import { siteChrome } from './discovery';
import { escapeHtml, htmlDocument, timeHtml } from './html';
import { stylesheetUrl } from './urls';

/** status.json: `generated` = lastPublish, so the file changes only when the site does. */
export function renderStatusJson(status: SiteStatus): string {
  const body = {
    generated: status.lastPublish,
    articles: status.articles,
    lastPublish: status.lastPublish,
    quarantined: status.quarantined.length,
    // Image copies already deleted from the site whose CDN invalidation is pending (paths only).
    ...(status.takedownsPending !== undefined && { takedownsPending: status.takedownsPending }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Taken-down image copies still awaiting the CDN invalidation: paths only, nothing unpublished. */
function takedownsHtml(pending: string[] | undefined): string {
  if (pending === undefined || pending.length === 0) return '';
  return [
    `<h2>Takedowns pending</h2>`,
    `<p>${pending.length} image cop${pending.length === 1 ? 'y' : 'ies'} deleted from the site, CDN invalidation not yet accepted (retried at each publish):</p>`,
    `<ul class="takedowns">\n${pending.map((path) => `<li><code>/${escapeHtml(path)}</code></li>`).join('\n')}\n</ul>`,
  ].join('\n');
}

export function renderStatusPage(site: SiteConfig, status: SiteStatus): string {
  const body = [
    siteChrome(site).header,
    '<main>',
    '<h1>Status</h1>',
    '<dl class="status">',
    `<dt>Articles</dt><dd>${status.articles}</dd>`,
    `<dt>Last publish</dt><dd>${status.lastPublish === null ? 'never' : `${timeHtml(status.lastPublish, site.timeZone)} <code>${escapeHtml(status.lastPublish)}</code>`}</dd>`,
    `<dt>Quarantined uploads</dt><dd>${status.quarantined.length}</dd>`,
    '</dl>',
    '<p>Editors: <code>feedpub status</code> lists quarantined uploads with their reasons, held articles, and each article’s warnings and repairs.</p>',
    takedownsHtml(status.takedownsPending),
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
