// Image uploads: what they are (real type and size, read from the bytes), where they are published
// (a content-addressed path), and which article images they fill in.
import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { namedImageKeys, resolveUploadKey, sidecarImageKeys } from './site-index/imagerefs';
import type { Article, ArticleImage, Result, SiteConfig, UploadRejected } from './model';
import { contentHashOf } from './normalize';

export interface ImageAsset {
  /** Site path, `images/<sha256 first 16 hex>.<ext by real type>`: same bytes, same path. */
  path: string;
  contentType: string;
  width?: number;
  height?: number;
  bytes: Uint8Array;
}

/** Web image types we publish, by image-size's type name. */
const WEB_TYPES: Record<string, { ext: string; contentType: string }> = {
  jpg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  gif: { ext: 'gif', contentType: 'image/gif' },
  webp: { ext: 'webp', contentType: 'image/webp' },
  avif: { ext: 'avif', contentType: 'image/avif' },
};

export function describeImage(key: string, bytes: Uint8Array): Result<ImageAsset, UploadRejected> {
  const size = bytes.byteLength;
  const reject = (code: UploadRejected['code'], reason: string): Result<ImageAsset, UploadRejected> => ({ ok: false, error: { code, reason, key, size } });
  if (size === 0) return reject('empty', 'empty image file (0 bytes)');
  let info: { width?: number; height?: number; type?: string };
  try {
    info = imageSize(bytes);
  } catch {
    return reject('binary', `not a readable image: no JPEG, PNG, GIF, WebP or AVIF header in ${size} bytes`);
  }
  const web = WEB_TYPES[info.type ?? ''];
  if (!web) {
    return reject('unsupported-type', `${(info.type ?? 'unknown').toUpperCase()} images are not published: convert to JPEG, PNG, GIF, WebP or AVIF`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return {
    ok: true,
    value: {
      path: `images/${hash}.${web.ext}`,
      contentType: web.contentType,
      ...(info.width !== undefined && { width: info.width }),
      ...(info.height !== undefined && { height: info.height }),
      bytes,
    },
  };
}

function published(image: ArticleImage, asset: ImageAsset): ArticleImage {
  const { width, height, ...rest } = image;
  return {
    ...rest,
    url: asset.path,
    ...(asset.width !== undefined && { width: asset.width }),
    ...(asset.height !== undefined && { height: asset.height }),
    type: asset.contentType,
  };
}

/**
 * Fills article images from uploaded assets (keyed by upload key): images that name a file get its URL,
 * size and type; a sidecar (same base name as the article) that no image names fills the first image
 * that describes a picture without a file (caption + credit only), else is appended. Deterministic.
 */
// `_site`: image URLs are site paths now (resolved at render time); kept so every core has one signature.
export function attachImages(article: Article, assets: Map<string, ImageAsset>, _site: SiteConfig): Article {
  const key = article.source.key;
  const images = article.images.map((image) => {
    if (!image.src || /^[a-z][a-z0-9+.-]*:/i.test(image.src)) return image;
    const imageKey = resolveUploadKey(key, image.src);
    const asset = imageKey === undefined ? undefined : assets.get(imageKey);
    return asset ? published(image, asset) : image;
  });
  const named = new Set(namedImageKeys(article));
  for (const sidecarKey of sidecarImageKeys(key)) {
    const asset = assets.get(sidecarKey);
    if (!asset || named.has(sidecarKey)) continue;
    // src names the sidecar, so attaching again finds it named instead of appending it twice.
    const src = sidecarKey.slice(sidecarKey.lastIndexOf('/') + 1);
    const slot = images.findIndex((image) => !image.url && !image.src);
    if (slot >= 0) images[slot] = published({ ...(images[slot] as ArticleImage), src }, asset);
    else images.push(published({ src, alt: article.title, caption: '' }, asset));
  }
  const next = { ...article, images };
  return { ...next, contentHash: contentHashOf(next) };
}
