// Media RSS (https://www.rssboard.org/media-rss) elements for an article's images, shared by RSS and Atom.
import type { Article, Credit } from '../model';
import { creditText } from './figure';
import type { XmlNode } from './xml';

export const MEDIA_NS = 'http://search.yahoo.com/mrss/';

/**
 * Credit mapping (EBU role scheme, the Media RSS default): the photographer gets role="photographer"
 * and the agency (or the "via" distributor) role="distributor". With no photographer, the whole
 * display credit goes first without a role, so a reader showing one credit still shows who to credit.
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
    credits.push({ '@_role': 'distributor', '@_scheme': 'urn:ebu', '#text': distributor });
  }
  return credits;
}

function description(caption: string): XmlNode | undefined {
  return caption.trim() === '' ? undefined : { '@_type': 'plain', '#text': caption.trim() };
}

/**
 * Media RSS children of an item/entry: one media:content per image with a URL (credit and caption
 * inside it); images described without a file put media:credit / media:description on the item.
 */
export function mediaElements(article: Article): XmlNode {
  const contents: XmlNode[] = [];
  const itemCredits: XmlNode[] = [];
  const itemDescriptions: XmlNode[] = [];
  for (const image of article.images) {
    const caption = description(image.caption);
    if (image.url !== undefined) {
      contents.push({
        '@_url': image.url,
        ...(image.type !== undefined && { '@_type': image.type }),
        '@_medium': 'image',
        ...(image.width !== undefined && { '@_width': String(image.width) }),
        ...(image.height !== undefined && { '@_height': String(image.height) }),
        ...(image.alt.trim() !== '' && { 'media:title': { '@_type': 'plain', '#text': image.alt.trim() } }),
        ...(caption !== undefined && { 'media:description': caption }),
        'media:credit': mediaCredits(image.credit),
      });
    } else {
      if (caption !== undefined) itemDescriptions.push(caption);
      itemCredits.push(...mediaCredits(image.credit));
    }
  }
  return {
    'media:content': contents,
    ...(itemDescriptions.length > 0 && { 'media:description': itemDescriptions }),
    'media:credit': itemCredits,
  };
}
