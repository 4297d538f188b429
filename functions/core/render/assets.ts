// Static assets: the site stylesheet and the XSLT that shows feed.xml as a readable page in a browser.
import type { SiteConfig } from '../model';
import { escapeHtml } from './html';
import { homeUrl, stylesheetUrl } from './urls';

export const STYLE_CSS = `/* feedpub: small, readable defaults */
:root { color-scheme: light dark; --text: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --text: #e8eaed; --muted: #9aa0a6; --rule: #3c4043; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1.05rem/1.6 system-ui, sans-serif; color: var(--text); }
a { color: var(--accent); }
header.site { padding-bottom: .5rem; border-bottom: 1px solid var(--rule); font-weight: 600; }
header.site a { text-decoration: none; }
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

/** XSLT 1.0 (what browsers run) turning feed.xml into a page that says what a feed is and lists the items. */
export function feedXsl(site: SiteConfig): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:media="http://search.yahoo.com/mrss/" exclude-result-prefixes="atom dc media">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/rss/channel">
    <html lang="{language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/> (RSS feed)</title>
        <link rel="stylesheet" href="${escapeHtml(stylesheetUrl(site, 'stylesheet'))}"/>
      </head>
      <body>
        <header class="site"><a href="${escapeHtml(homeUrl(site))}"><xsl:value-of select="title"/></a></header>
        <main>
          <p class="notice">This is a web feed. Copy its address into a feed reader to follow
            <strong><xsl:value-of select="title"/></strong>.</p>
          <h1><xsl:value-of select="title"/></h1>
          <p class="description"><xsl:value-of select="description"/></p>
          <ol class="articles">
            <xsl:for-each select="item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <xsl:text> </xsl:text><time><xsl:value-of select="pubDate"/></time>
                <!-- description is HTML-escaped text (RSS readers render it as HTML): unescape it to show it as text -->
                <p><xsl:call-template name="html-text"><xsl:with-param name="s" select="description"/></xsl:call-template></p>
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
