// The editor's view on the local dev server's /status/ (`npm start`): what `feedpub status` prints
// (held articles, quarantined uploads with reasons, recent uploads with their warnings, repairs and
// "duplicate of <key>"), from the same private records. Shown only to clients on this machine
// (loopback): the stored status page, as the public site serves it, stays counts only.
import { editorStatusOf, type EditorStatus } from '../cli/commands/status';
import { readHead } from '../cli/upload-outcomes';
import type { EditorNote } from '../core/site-index/notes';
import { escapeHtml } from '../core/render/html';
import { readRecentNotes } from '../pipeline/editor-notes';
import type { ObjectStore } from '../store/types';

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

function noteItems(note: EditorNote): string[] {
  const items: string[] = [];
  if (note.reason !== undefined) items.push(`<li>reason: ${escapeHtml(note.reason)}</li>`);
  if (note.at !== undefined) items.push(`<li>publishes at ${code(note.at)}</li>`);
  for (const w of note.warnings) items.push(`<li>warning: ${escapeHtml(w)}</li>`);
  for (const r of note.repairs) items.push(`<li>repair (${escapeHtml(r.rule)}): ${code(r.before)} → ${code(r.after)}</li>`);
  if (note.omitted) items.push(`<li>… and ${note.omitted.warnings} more warning(s), ${note.omitted.repairs} more repair(s)</li>`);
  return items;
}

export function editorStatusHtml(status: EditorStatus): string {
  const lines = [
    '<section class="editor-status">',
    '<h2>Your uploads (this local server only)</h2>',
    '<p>What <code>feedpub status</code> prints, from the private records: the public site’s status page shows only the counts.</p>',
    `<h3>Scheduled (${status.scheduled.length})</h3>`,
  ];
  if (status.scheduled.length > 0) lines.push('<ul class="scheduled">', ...status.scheduled.map((s) => `<li>${code(s.at)} ${code(s.key)} ${escapeHtml(s.title)}</li>`), '</ul>');
  lines.push(`<h3>Quarantined (${status.quarantined.length})</h3>`);
  if (status.quarantined.length > 0) lines.push('<ul class="quarantined">', ...status.quarantined.map((q) => `<li>${code(q.key)} ${escapeHtml(q.code)}: ${escapeHtml(q.reason)}</li>`), '</ul>');
  lines.push(`<h3>Recent uploads (${status.recent.length})</h3>`);
  if (status.recent.length > 0) {
    lines.push('<ol class="recent">');
    for (const note of status.recent) {
      const title = note.title !== undefined ? ` “${escapeHtml(note.title)}”` : '';
      const items = noteItems(note);
      lines.push(`<li><strong>${escapeHtml(note.outcome)}</strong> ${code(note.key)}${title} <small>${code(note.time)}</small>${items.length > 0 ? `\n<ul>\n${items.join('\n')}\n</ul>` : ''}</li>`);
    }
    lines.push('</ol>');
  }
  lines.push('</section>');
  return lines.join('\n');
}

/** The section for the site bucket as it is now (a head read, a listing and one read per note). */
export async function localEditorStatus(siteStore: ObjectStore): Promise<string> {
  const head = await readHead(siteStore);
  return editorStatusHtml(editorStatusOf(head, await readRecentNotes(siteStore, head)));
}
