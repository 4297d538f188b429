// The build benchmark's corpus, written twice from the same articles: plain-text uploads for
// `feedpub build` and Markdown pages for Hugo (bench/hugo). ~55 articles a month (10k articles span
// ~180 months), each with a caption and a credit line and ~2.5 KB of body leading with real news prose.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, SiteConfig } from '../functions/core/model';
import { syntheticArticles } from '../tests/fixtures/articles';

export const CORPUS_SEED = 1;
/** Days per article: 10,000 articles cover ~5,500 days, ~180 months. */
export const SPREAD_DAYS = 0.55;
/** Credit lines as they arrive, one per article in turn (the parser normalizes each). */
const RAW_CREDITS = [
  'REUTERS/Maher Abou Taleb',
  'Andrew Leyden/NurPhoto',
  'Inter-Services Public Relations (ISPR)/Handout via REUTERS',
  '(AP Photo/Jane Doe)',
  'JOHN SMITH/AFP via Getty Images',
];

// Real news prose for the bodies: the seed scrape's paragraphs (word salad from the generator would send
// every article down the slow path of language detection, which real English prose does not take).
const SEED_PROSE = readFileSync(new URL('../content/000_47caeb000f8095de.txt', import.meta.url), 'utf8')
  .split('\n\n')
  .slice(2)
  .filter((_, i, all) => i < all.findIndex((p) => p.startsWith('More from')))
  .map((p) => p.trim());

interface CorpusArticle {
  title: string;
  author: string;
  date: string;
  tags: string[];
  caption: string;
  credit: string;
  paragraphs: string[];
}

function corpusArticles(n: number, site: SiteConfig): CorpusArticle[] {
  const articles = syntheticArticles(n, CORPUS_SEED, { site, spreadDays: SPREAD_DAYS });
  return articles.map((article, i) => {
    const extra = articles[(i * 7 + 3) % n] as Article;
    // About 2.5 KB, like a short news story: real prose rotated per article (first, as a story's lead is
    // what language detection reads), then the article's own synthetic paragraphs, so no two bodies match.
    const shift = article.title.length % SEED_PROSE.length;
    const prose = [...SEED_PROSE.slice(shift), ...SEED_PROSE.slice(0, shift)].slice(0, 4);
    const place = article.title.slice(article.title.lastIndexOf(' in ') + 4, article.title.lastIndexOf(' ('));
    return {
      title: article.title,
      author: article.authors.join(', '),
      date: article.published,
      tags: article.tags,
      caption: article.images[0]?.caption ?? `A street in ${place} on the day of the story.`,
      credit: RAW_CREDITS[i % RAW_CREDITS.length] as string,
      paragraphs: [...prose, ...article.contentText.split('\n\n'), extra.contentText.split('\n\n')[0] as string],
    };
  });
}

/** An upload as an editor would make it: header lines, the lead image's caption and credit, body. */
function uploadText(a: CorpusArticle): string {
  const headers = [`Title: ${a.title}`, `Author: ${a.author}`, `Date: ${a.date}`, `Tags: ${a.tags.join(', ')}`, `Caption: ${a.caption}`, `Credit: ${a.credit}`];
  return `${headers.join('\n')}\n\n${a.paragraphs.join('\n\n')}\n`;
}

/** The same article as a Hugo page: YAML front matter (JSON strings are valid YAML), Markdown body. */
function hugoPage(a: CorpusArticle): string {
  const q = (s: string) => JSON.stringify(s);
  const front = [`title: ${q(a.title)}`, `date: ${a.date}`, `author: ${q(a.author)}`, `tags: [${a.tags.map(q).join(', ')}]`, `caption: ${q(a.caption)}`, `credit: ${q(a.credit)}`];
  return `---\n${front.join('\n')}\n---\n\n${a.paragraphs.join('\n\n')}\n`;
}

export interface Corpus {
  /** `feedpub build --content` folder: site.json and N .txt uploads in folders of 1,000. */
  feedpub: string;
  /** Hugo --contentDir: posts/NNN/NNNNNN.md. */
  hugo: string;
  /** Input bytes of the feedpub uploads. */
  bytes: number;
  /**
   * The build clock (`--now`): a day after the newest article. The corpus runs years past today, and
   * feedpub holds articles dated after its clock (Hugo's bench site has buildFuture), so without it a
   * build publishes only what is dated before today: 3,960 of 10,000 articles on 2026-12-02.
   */
  now: string;
}

/** Writes the corpus of `n` articles under `work` once (a marker file says it is complete) and returns its folders. */
export function writeCorpus(work: string, n: number, site: SiteConfig): Corpus {
  const dir = join(work, `corpus-${n}-seed${CORPUS_SEED}-v2`);
  const articles = corpusArticles(n, site);
  const newest = articles.reduce((max, a) => Math.max(max, Date.parse(a.date)), 0);
  const now = new Date(newest + 86_400_000).toISOString().replace('.000Z', 'Z');
  const corpus = { feedpub: join(dir, 'feedpub'), hugo: join(dir, 'hugo'), bytes: 0, now };
  const marker = join(dir, '.complete');
  const fresh = !existsSync(marker);
  if (fresh) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(corpus.feedpub, { recursive: true });
    writeFileSync(join(corpus.feedpub, 'site.json'), JSON.stringify(site));
  }
  articles.forEach((article, i) => {
    const text = uploadText(article);
    corpus.bytes += Buffer.byteLength(text);
    if (!fresh) return;
    const folder = String(Math.floor(i / 1000)).padStart(3, '0');
    const name = String(i).padStart(6, '0');
    if (i % 1000 === 0) {
      mkdirSync(join(corpus.feedpub, folder), { recursive: true });
      mkdirSync(join(corpus.hugo, 'posts', folder), { recursive: true });
    }
    writeFileSync(join(corpus.feedpub, folder, `${name}.txt`), text);
    writeFileSync(join(corpus.hugo, 'posts', folder, `${name}.md`), hugoPage(article));
  });
  if (fresh) writeFileSync(marker, '');
  return corpus;
}
