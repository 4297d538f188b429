// Which upload keys are articles and which are images, by extension: one table and one case rule, read
// by the parser, the image step, sidecar pairing, the build, the republish listing and the stack's S3
// event filters. tests/repo/one-definition.test.ts fails when an extension list is written elsewhere.
//
// The case rule: an extension counts written in lower case or in upper case ("a.txt", "IMG_1.JPG"), not
// mixed ("b.Jpg"). S3 event filters are case-sensitive suffixes, so the deployed pipeline can be told of
// two spellings of each extension, not of every mix (".markdown" alone has 256), and sidecar pairing looks
// up the same two. `feedpub build`, the dev stack and `feedpub parse` follow the same rule, so a file is
// an upload everywhere or nowhere: one the deployed pipeline would never hear of is reported, not published.

export type ArticleFormat = 'txt' | 'md';

/** Article extensions, lower case, and the parser each one goes to. */
const ARTICLE_FORMATS: Readonly<Record<string, ArticleFormat>> = { txt: 'txt', md: 'md', markdown: 'md' };

export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(ARTICLE_FORMATS);
/** Image extensions, lower case: the web types the image step publishes (core/images.ts reads the real type from the bytes). */
export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif'];

/** The spellings of an extension that count: lower case, then upper case. */
export function extensionSpellings(extension: string): string[] {
  return [extension.toLowerCase(), extension.toUpperCase()];
}

/** Every suffix an upload may end with (".txt" ... ".AVIF"): the S3 event filters. Lower-case spellings first. */
export const UPLOAD_SUFFIXES: readonly string[] = [0, 1].flatMap((spelling) =>
  [...ARTICLE_EXTENSIONS, ...IMAGE_EXTENSIONS].map((extension) => `.${extensionSpellings(extension)[spelling]}`),
);

/** The extension as written after the file name's last dot ("" without one). Like an S3 suffix filter, a dotfile "news/.png" ends in .png. */
export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** True for an extension in mixed case ("Jpg"): the case rule says it is no upload. */
export function isMixedCase(extension: string): boolean {
  return extension !== extension.toLowerCase() && extension !== extension.toUpperCase();
}

export type UploadKind = { kind: 'article'; format: ArticleFormat } | { kind: 'image' };

/** What a key is by its extension, under the case rule; undefined for anything else. */
export function uploadKind(key: string): UploadKind | undefined {
  const extension = extensionOf(key);
  if (isMixedCase(extension)) return undefined;
  const lower = extension.toLowerCase();
  const format = Object.hasOwn(ARTICLE_FORMATS, lower) ? ARTICLE_FORMATS[lower] : undefined;
  if (format !== undefined) return { kind: 'article', format };
  return IMAGE_EXTENSIONS.includes(lower) ? { kind: 'image' } : undefined;
}

export function isImageKey(key: string): boolean {
  return uploadKind(key)?.kind === 'image';
}

/** An article or an image: a key the deployed pipeline is notified of. */
export function isUploadKey(key: string): boolean {
  return uploadKind(key) !== undefined;
}
