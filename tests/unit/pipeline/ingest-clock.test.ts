// The ingest stage checks stated dates against the pipeline's injected clock (the one the publish
// stage holds against), not against the upload's own timestamp: a fixed clock, both sides of the
// "more than a year ahead" boundary (366 days), and an upload stamped a month before that clock so
// the two readings differ.
import { describe, expect, it } from 'vitest';
import { preparedRecordKey } from '../../../functions/core/site-index/paths';
import type { PreparedRecord } from '../../../functions/core/site-index/types';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { ingestKey } from '../../../functions/pipeline/ingest';
import { MemoryObjectStore } from '../../../functions/store/memory';

const NOW = new Date('2026-03-01T10:00:00Z');
const UPLOADED = new Date('2026-01-30T10:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function warningsFor(date: string): Promise<string[]> {
  const uploads = new MemoryObjectStore(() => UPLOADED);
  const records = new MemoryObjectStore(() => NOW);
  await uploads.put('desk/a.txt', `A story\nDate: ${date}\n\nBody text of the story.\n`);
  const result = await ingestKey({ uploads, records, config: DEFAULT_SITE, core: defaultCore, now: () => NOW }, 'desk/a.txt');
  expect(result.verdict).toBe('article');
  const head = await uploads.head('desk/a.txt');
  const found = await records.get(preparedRecordKey('desk/a.txt', head?.etag));
  const record = JSON.parse(Buffer.from(found?.bytes ?? []).toString('utf8')) as PreparedRecord;
  if (record.verdict !== 'article') throw new Error('not an article');
  return record.article.warnings;
}

const farFuture = (warnings: string[]) => warnings.filter((w) => /more than a year after/.test(w));

describe('ingest stage: stated dates against the injected clock', () => {
  it('366 days minus an hour after the clock: no warning (it would warn against the upload stamp, a month earlier)', async () => {
    expect(farFuture(await warningsFor(iso(NOW.getTime() + 366 * DAY - 3_600_000)))).toEqual([]);
  });

  it('366 days plus an hour after the clock: warned, naming the clock day', async () => {
    expect(farFuture(await warningsFor(iso(NOW.getTime() + 366 * DAY + 3_600_000)))).toEqual([
      'the date 2027-03-02 is more than a year after the upload (2026-03-01): is the year right?',
    ]);
  });
});
