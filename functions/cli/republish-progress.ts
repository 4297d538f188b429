// What `feedpub republish` shows while it runs: a bar on a terminal, plain lines otherwise (a CI log,
// a pipe), one per phase change and per tenth of a phase, so a log of a 100,000-key run stays short.
import { SingleBar } from 'cli-progress';
import type { RepublishProgress } from '../pipeline/republish';

export interface ProgressView {
  update(progress: RepublishProgress): void;
  finish(): void;
}

const LABEL: Record<RepublishProgress['phase'], string> = { list: 'listing uploads', ingest: 'ingest', publish: 'publish' };

/** A bar only when the stream is a terminal and no CI variable is set. */
export function wantsBar(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.CI;
}

export function lineProgress(write: (line: string) => void): ProgressView {
  let phase: string | undefined;
  let lastTenth = -1;
  return {
    update(p) {
      if (p.phase !== phase) {
        phase = p.phase;
        lastTenth = -1;
        if (p.phase === 'list') {
          write(`${LABEL.list}...`);
          return;
        }
      }
      if (p.phase === 'list') return;
      const tenth = p.total === 0 ? 10 : Math.floor((p.done * 10) / p.total);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      write(`${LABEL[p.phase]} ${p.done}/${p.total} (${p.total === 0 ? 100 : Math.floor((p.done * 100) / p.total)}%)`);
    },
    finish() {},
  };
}

export function barProgress(stream: NodeJS.WritableStream): ProgressView {
  let bar: SingleBar | undefined;
  let phase: string | undefined;
  return {
    update(p) {
      if (p.phase === 'list') return;
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new SingleBar({ stream, format: `${LABEL[p.phase].padEnd(7)} [{bar}] {value}/{total} {percentage}% eta {eta_formatted}`, hideCursor: true });
        bar.start(p.total, p.done);
        return;
      }
      if (bar?.getTotal() !== p.total) bar?.setTotal(p.total);
      bar?.update(p.done);
    },
    finish() {
      bar?.stop();
    },
  };
}
