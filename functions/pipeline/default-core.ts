// The real core (parse, normalize, images, render) assembled into the shape the pipeline drives.
// PROVISIONAL: the core modules are landing in parallel; until they do, every call fails with a
// reason saying so, which the queue turns into retries and the DLQ (nothing is published wrongly).
import type { PublishCore } from './core';

const pending = (what: string) => (): never => {
  throw new Error(`feedpub core not assembled yet: ${what} is missing (functions/pipeline/default-core.ts)`);
};

export const defaultCore: PublishCore = {
  ingestUpload: pending('ingestUpload'),
  isImageKey: (key) => /\.(jpe?g|png|gif|webp|avif)$/i.test(key),
  describeImage: pending('describeImage'),
  attachImages: pending('attachImages'),
  uniqueSlug: pending('uniqueSlug'),
  renderHeadFeeds: pending('renderHeadFeeds'),
  renderArchiveFeeds: pending('renderArchiveFeeds'),
  renderArticlePage: pending('renderArticlePage'),
  renderHomePage: pending('renderHomePage'),
  renderStatus: pending('renderStatus'),
  renderStaticAssets: pending('renderStaticAssets'),
};
