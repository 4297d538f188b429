// The image figure (picture, caption, credit) shared by the feeds' HTML content and the permalink page.
import type { Article, ArticleImage, Credit, SiteConfig } from '../model';
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

/** The article's full HTML as feeds carry it: its figures, then the sanitized body. */
export function contentWithFigures(site: SiteConfig, article: Article): string {
  return [...article.images.map((image) => figureHtml(site, image)), article.contentHtml].filter((part) => part !== '').join('\n');
}
