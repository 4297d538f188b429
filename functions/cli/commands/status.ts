// `feedpub status`: what editors see and the public site does not: held (scheduled) articles with
// their titles and times, quarantined uploads with their reasons, and what happened to recent uploads
// (each article's warnings and repairs, "duplicate of <key>"), read from the private index (the head
// manifest and the notes under _feedpub/ in the site bucket) of the local stack or, with --endpoint aws, of AWS.
import type { Command } from 'commander';
import type { EditorNote } from '../../core/site-index/notes';
import type { HeadManifest } from '../../core/site-index/types';

export interface EditorStatus {
  scheduled: { key: string; title: string; at: string }[];
  quarantined: { key: string; code: string; reason: string; time: string }[];
  /** The latest outcome of recent uploads, newest first (see core/site-index/notes.ts for the bound). */
  recent: EditorNote[];
}

/** Soonest first; ties by key, so the listing is stable. `recent`: the notes (pipeline/editor-notes.ts readRecentNotes). */
export function editorStatusOf(head: Pick<HeadManifest, 'scheduled' | 'quarantine'> | undefined, recent: readonly EditorNote[]): EditorStatus {
  const scheduled = (head?.scheduled ?? [])
    .map(({ key, title, at }) => ({ key, title, at }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const quarantined = (head?.quarantine ?? []).map(({ key, code, reason, time }) => ({ key, code, reason, time }));
  return { scheduled, quarantined, recent: [...recent] };
}

/** One note: its outcome line, then one indented line per warning and repair. */
export function formatNote(note: EditorNote): string[] {
  const lines = [`  ${note.time}  ${note.outcome}  ${note.key}${note.title !== undefined ? `  ${JSON.stringify(note.title)}` : ''}`];
  if (note.reason !== undefined) lines.push(`    reason: ${note.reason}`);
  if (note.at !== undefined) lines.push(`    publishes at ${note.at}`);
  for (const w of note.warnings) lines.push(`    warning: ${w}`);
  for (const r of note.repairs) lines.push(`    repair (${r.rule}): ${JSON.stringify(r.before)} -> ${JSON.stringify(r.after)}`);
  if (note.omitted) lines.push(`    ... and ${note.omitted.warnings} more warning(s), ${note.omitted.repairs} more repair(s)`);
  return lines;
}

export function formatEditorStatus(status: EditorStatus): string {
  const lines = [`scheduled: ${status.scheduled.length}`];
  for (const s of status.scheduled) lines.push(`  ${s.at}  ${s.key}  ${JSON.stringify(s.title)}`);
  lines.push(`quarantined: ${status.quarantined.length}`);
  for (const q of status.quarantined) lines.push(`  ${q.key}  ${q.code}: ${q.reason}`);
  lines.push(`recent: ${status.recent.length}`);
  for (const note of status.recent) lines.push(...formatNote(note));
  return `${lines.join('\n')}\n`;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('list scheduled (held) articles, quarantined uploads with reasons, and recent uploads with their warnings and repairs, from the private index')
    .option('--bucket <bucket>', 'site bucket', 'feedpub-site')
    .option('--endpoint <url>', 'S3 API endpoint, or "aws" for AWS itself (default: the local stack)')
    .option('--json', 'print JSON')
    .action(async (opts: { bucket: string; endpoint?: string; json?: boolean }) => {
      const { s3Target } = await import('../s3target');
      const { readHead } = await import('../upload-outcomes');
      const { readRecentNotes } = await import('../../pipeline/editor-notes');
      const target = s3Target({ bucket: opts.bucket, ...(opts.endpoint !== undefined && { endpoint: opts.endpoint }) });
      try {
        const head = await readHead(target.store);
        const status = editorStatusOf(head, await readRecentNotes(target.store, head));
        process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatEditorStatus(status));
      } catch (error) {
        process.stderr.write(`feedpub status: ${target.explain(error)}\n`);
        process.exitCode = 1;
      } finally {
        target.close();
      }
    });
}
