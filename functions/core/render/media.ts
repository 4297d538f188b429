// Media RSS (https://www.rssboard.org/media-rss) elements for an article's images, shared by RSS and Atom.
import type { Credit } from '../model';
import type { FeedItem } from './feed-item';
import { creditText } from './figure';
import { escapeHtmlText } from './html';
import { looksLikeHtml } from './plaintext';
import type { XmlNode } from './xml';

export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/** EBU role of the agency or distributor: "distributor" is not in the EBU list the validator checks. */
const AGENCY_ROLE = 'distribution company';

/**
 * Credit mapping (EBU role scheme, the Media RSS default): the photographer gets role="photographer"
 * and the agency (or the "via" distributor) role="distribution company". With no photographer, the
 * whole display credit goes first without a role, so a reader showing one credit still shows who to credit.
 */
export function mediaCredits(credit: Credit | undefined): XmlNode[] {
  if (credit === undefined) return [];
  const credits: XmlNode[] = [];
  const display = creditText(credit);
  if (credit.photographer) credits.push({ '@_role': 'photographer', '@_scheme': 'urn:ebu', '#text': credit.photographer });
  else if (display !== '') credits.push({ '#text': display });
  const distributor = credit.agency ?? credit.via;
  // An agency-only credit ("AP") is already the whole display: not repeated as distributor.
  if (distributor && (credit.photographer || distributor !== display)) {
    credits.push({ '@_role': AGENCY_ROLE, '@_scheme': 'urn:ebu', '#text': distributor });
  }
  return credits;
}

/** media:title / media:description: type="plain", or type="html" with escaped text when it would pass for HTML. */
function mediaText(text: string): XmlNode | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return looksLikeHtml(trimmed) ? { '@_type': 'html', '#text': escapeHtmlText(trimmed) } : { '@_type': 'plain', '#text': trimmed };
}

/**
 * Media RSS children of an item/entry, placed after the summary and content: feedparser files any
 * media:description it meets before them as the entry summary. One media:content per image with a
 * URL (its caption and credit nested in it, one caption per media:content), then media:thumbnail
 * for the lead image. An image without a file gets no item-level caption (its figure in the content
 * carries caption and credit); its credit stays as item-level media:credit.
 */
export function mediaElements(item: Pick<FeedItem, 'images' | 'lead'>): XmlNode {
  const contents: XmlNode[] = [];
  const itemCredits: XmlNode[] = [];
  for (const image of item.images) {
    if (image.url !== undefined) {
      const title = mediaText(image.alt);
      const caption = mediaText(image.caption);
      contents.push({
        '@_url': image.url,
        ...(image.type !== undefined && { '@_type': image.type }),
        '@_medium': 'image',
        ...(image.width !== undefined && { '@_width': String(image.width) }),
        ...(image.height !== undefined && { '@_height': String(image.height) }),
        ...(title !== undefined && { 'media:title': title }),
        ...(caption !== undefined && { 'media:description': caption }),
        'media:credit': mediaCredits(image.credit),
      });
    } else {
      itemCredits.push(...mediaCredits(image.credit));
    }
  }
  const { lead } = item;
  return {
    'media:content': contents,
    ...(lead !== undefined && {
      'media:thumbnail': {
        '@_url': lead.url as string,
        ...(lead.width !== undefined && { '@_width': String(lead.width) }),
        ...(lead.height !== undefined && { '@_height': String(lead.height) }),
      },
    }),
    'media:credit': itemCredits,
  };
}
