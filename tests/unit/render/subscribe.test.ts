import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderSubscribePage } from '../../../functions/core/render/subscribe';

describe('the subscribe page (what a browser on feed.xml is shown)', () => {
  const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', title: 'News & <Views>' };
  const html = renderSubscribePage(site);

  it('names the site and gives each feed address to copy', () => {
    expect(html).toContain('<h1>Follow News &amp; &lt;Views&gt;</h1>');
    for (const file of ['feed.xml', 'atom.xml', 'feed.json']) expect(html).toContain(`<code>https://news.example.com/${file}</code>`);
    expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
  });

  it('links one-click subscriptions with the RSS URL percent-encoded', () => {
    expect(html).toContain('href="https://feedly.com/i/subscription/feed/https%3A%2F%2Fnews.example.com%2Ffeed.xml"');
    expect(html).toContain('href="https://www.inoreader.com/?add_feed=https%3A%2F%2Fnews.example.com%2Ffeed.xml"');
  });
});
