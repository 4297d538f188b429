// The image figure (picture, caption, credit) shared by the feeds' HTML content and the permalink page.
import type { Article, ArticleImage, Credit, SiteConfig } from '../model';
import { cutAtBlock, utf8Bytes } from './budget';
import { escapeHtml } from './html';

/** The credit as shown to readers: the house-style display, else the raw line (never invented). */
export function creditText(credit: Credit | undefined): string {
  if (credit === undefined) return '';
  return (credit.display.trim() || credit.raw.trim());
}

/** `<figure>` with the image (when it has a URL) and a figcaption of caption and credit. Empty when there is nothing to show. */
export function figureHtml(site: SiteConfig, image: ArticleImage): string {
  const credit = creditText(image.credit);
  const parts: string[] = [];
  if (image.url !== undefined) {
    const size =
      (image.width !== undefined ? ` width="${image.width}"` : '') + (image.height !== undefined ? ` height="${image.height}"` : '');
    parts.push(`<img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}"${size}>`);
  }
  const caption = image.caption.trim();
  if (caption !== '' || credit !== '') {
    const creditHtml = credit === '' ? '' : `<span class="credit">${escapeHtml(site.creditStyle.prefix + credit)}</span>`;
    parts.push(`<figcaption>${[caption === '' ? '' : escapeHtml(caption), creditHtml].filter(Boolean).join(' ')}</figcaption>`);
  }
  return parts.length === 0 ? '' : `<figure>${parts.join('')}</figure>`;
}

/** The article's full HTML: its figures (caption and credit first), then the sanitized body. */
export function contentWithFigures(site: SiteConfig, article: Article): string {
  return [...article.images.map((image) => figureHtml(site, image)), article.contentHtml].filter((part) => part !== '').join('\n');
}

/** How much of an article a feed item carries: all of it (up to the item budget), or its summary and a link. */
export type ItemForm = 'full' | 'summary';

function continueLink(article: Article, words: string): string {
  return `<p class="continue"><a href="${escapeHtml(article.url)}">${words}</a></p>`;
}

/**
 * The HTML a feed item carries. Full: figures and body, cut at the last top-level block that fits in
 * site.itemContentBytes, then a link to the page. Summary: the summary and the link (head feeds over budget).
 */
export function feedItemHtml(site: SiteConfig, article: Article, form: ItemForm): string {
  if (form === 'summary') {
    const summary = article.summary.trim() === '' ? '' : `<p>${escapeHtml(article.summary)}</p>\n`;
    return `${summary}${continueLink(article, 'Read the article')}`;
  }
  const full = contentWithFigures(site, article);
  const link = continueLink(article, 'Continue reading');
  // A body the index cut (contentCut) was over the budget whole: it takes the cut path, as it did then.
  if (article.contentCut !== true && utf8Bytes(full) <= site.itemContentBytes) return full;
  const cut = cutAtBlock(full, site.itemContentBytes - utf8Bytes(link) - 1);
  return cut === '' ? link : `${cut}\n${link}`;
}
