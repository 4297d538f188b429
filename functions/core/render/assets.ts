// Static assets: the site stylesheet and the XSLT that shows an RSS or Atom feed as a readable page in a browser.
import type { SiteConfig } from '../model';
import { escapeHtml } from './html';
import { siteUrl } from '../site';
import { SUBSCRIBE_LOCATION } from './subscribe';
import { homeUrl, stylesheetUrl } from './urls';

export const STYLE_CSS = `/* feedpub: small, readable defaults */
:root { color-scheme: light dark; --text: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --text: #e8eaed; --muted: #9aa0a6; --rule: #3c4043; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1.05rem/1.6 system-ui, sans-serif; color: var(--text); }
a { color: var(--accent); }
header.site { padding-bottom: .5rem; border-bottom: 1px solid var(--rule); font-weight: 600; }
header.site a { text-decoration: none; }
header.site:has(nav) { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .25rem 1rem; }
header.site nav { font-weight: 400; }
.count { color: var(--muted); font-size: .9rem; }
h1 { line-height: 1.25; }
.byline, .feeds, time, .description { color: var(--muted); font-size: .9rem; }
figure { margin: 1.5rem 0; }
figure img { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .875rem; margin-top: .4rem; }
figcaption .credit { font-style: italic; }
ol.articles { padding-left: 1.2rem; }
ol.articles li { margin-bottom: 1rem; }
ol.articles p { margin: .25rem 0 0; }
ul.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
ul.tags li { border: 1px solid var(--rule); border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .4rem; text-align: left; vertical-align: top; }
dl.status { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.status dd { margin: 0; }
.notice { border: 1px solid var(--rule); padding: .75rem 1rem; border-radius: .5rem; }
`;

/**
 * XSLT 1.0 (what browsers run) turning an RSS or Atom feed, head or archive, into a page that says what
 * a feed is, gives its address and the subscribe page, and lists the items. Browsers run it only where
 * the feed is served with an XML type they render (a static host's text/xml or application/xml): where
 * feedpub serves feeds (CloudFront, the dev server) a browser is sent to /subscribe/ before it gets here.
 */
export function feedXsl(site: SiteConfig): string {
  const home = escapeHtml(homeUrl(site));
  const subscribe = escapeHtml(siteUrl(site, SUBSCRIBE_LOCATION.slice(1)));
  const css = escapeHtml(stylesheetUrl(site, 'stylesheet'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:media="http://search.yahoo.com/mrss/" exclude-result-prefixes="atom dc media">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <!-- One page for both formats: each step selects the RSS name and the Atom name, only one is there. -->
  <xsl:template match="/rss/channel | /atom:feed">
    <xsl:variable name="format"><xsl:choose><xsl:when test="self::atom:feed">Atom</xsl:when><xsl:otherwise>RSS</xsl:otherwise></xsl:choose></xsl:variable>
    <html lang="{language | @xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:apply-templates select="title | atom:title" mode="text"/> (<xsl:value-of select="$format"/> feed)</title>
        <link rel="stylesheet" href="${css}"/>
      </head>
      <body>
        <header class="site"><a href="${home}"><xsl:apply-templates select="title | atom:title" mode="text"/></a></header>
        <main>
          <xsl:call-template name="subscribe-hint">
            <xsl:with-param name="title" select="title | atom:title"/>
            <xsl:with-param name="address" select="atom:link[@rel='current']/@href | atom:link[@rel='self'][not(../atom:link[@rel='current'])]/@href"/>
          </xsl:call-template>
          <h1><xsl:apply-templates select="title | atom:title" mode="text"/></h1>
          <p class="description"><xsl:apply-templates select="description | atom:subtitle" mode="text"/></p>
          <ol class="articles">
            <xsl:for-each select="item | atom:entry">
              <li>
                <a href="{link}{atom:link[@rel='alternate']/@href}"><xsl:apply-templates select="title | atom:title" mode="text"/></a>
                <xsl:text> </xsl:text><time><xsl:value-of select="pubDate | atom:published"/></time>
                <p><xsl:apply-templates select="description | atom:summary" mode="text"/></p>
                <xsl:if test=".//media:credit">
                  <p class="byline">Image: <xsl:value-of select="(.//media:credit)[1]"/></p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
          <xsl:if test="atom:link[@rel='prev-archive']">
            <p><a href="{atom:link[@rel='prev-archive']/@href}">Older items</a></p>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>
  <!-- An RSS item's description is HTML-escaped text (readers render it as HTML): unescaped, it shows as text. -->
  <xsl:template match="item/description" mode="text">
    <xsl:call-template name="html-text"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>
  <!-- A title or text as text: Atom's type="html" is escaped HTML (feedpub writes no tags in it), else plain. -->
  <xsl:template match="*" mode="text">
    <xsl:choose>
      <xsl:when test="@type = 'html'"><xsl:call-template name="html-text"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="subscribe-hint">
    <xsl:param name="title"/>
    <!-- The feed to follow: an archive's rel="current" (the head feed), else the feed itself. -->
    <xsl:param name="address"/>
    <div class="notice">
      <p>This is a web feed. Copy its address into a feed reader to follow
        <strong><xsl:value-of select="$title"/></strong>:</p>
      <p><code><xsl:value-of select="$address"/></code></p>
      <p><a href="${subscribe}">How to subscribe</a>, with one-click links for web feed readers.</p>
    </div>
  </xsl:template>
  <!-- &amp;lt; &amp;gt; &amp;amp; -> the characters, as text (disable-output-escaping is not supported everywhere). -->
  <xsl:template name="html-text">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&amp;')">
        <xsl:value-of select="substring-before($s, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($s, '&amp;')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'lt;')">
            <xsl:text>&lt;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 4)"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')">
            <xsl:text>&gt;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 4)"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="starts-with($rest, 'amp;')">
            <xsl:text>&amp;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="substring($rest, 5)"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>&amp;</xsl:text>
            <xsl:call-template name="html-text"><xsl:with-param name="s" select="$rest"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
`;
}
