// The real core (parse, normalize, images, render) assembled into the shape the pipeline drives:
// the one core Lambda, `npm start` and the integration tests publish with.
import { attachImages, describeImage, type ImageAsset } from '../core/images';
import { isImageKey } from '../core/upload-keys';
import { ingestUpload } from '../core/ingest';
import { uniqueSlug } from '../core/normalize';
import {
  renderArchiveFeeds,
  renderArchiveMonth,
  renderArticlePage,
  renderHeadFeeds,
  renderHomePage,
  renderSiteIndexes,
  renderStaticAssets,
  renderStatus,
} from '../core/render';
import type { PublishCore } from './core';

export const defaultCore: PublishCore<ImageAsset> = {
  ingestUpload,
  isImageKey,
  describeImage,
  attachImages,
  uniqueSlug,
  renderHeadFeeds,
  renderArchiveFeeds,
  renderArchiveMonth,
  renderArticlePage,
  renderHomePage,
  renderSiteIndexes,
  renderStatus,
  renderStaticAssets,
};
