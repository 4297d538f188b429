// `feedpub republish`: every upload ingested again and every output rendered again, after a change
// to site.json or a new feedpub version. Locally against the running `npm start`; in AWS it starts
// the republish state machine (`--endpoint aws --state-machine ARN`, stack output RepublishStateMachineArn).
import type { Command } from 'commander';
import type { RepublishReport } from '../../pipeline/republish';

interface RepublishFlags {
  site?: string;
  endpoint?: string;
  stateMachine?: string;
  chunkSize?: string;
  json?: boolean;
}

export function formatRepublishReport(r: RepublishReport): string {
  const counts = (c: Record<string, number | undefined>) =>
    Object.entries(c)
      .filter(([, n]) => (n ?? 0) > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const lines = [
    `republished ${r.uploads} uploads in ${r.chunks} of ${r.plannedChunks} chunks (${(r.ms / 1000).toFixed(1)} s): ${r.changedPaths} site paths changed`,
    `  ingest   ${counts(r.ingest)}`,
    `  publish  ${counts(r.outcomes)}`,
  ];
  for (const c of r.failedChunks) {
    lines.push(`  chunk ${c.index + 1}/${r.plannedChunks} failed (${c.keys} keys): ${c.reason}`);
    if (r.chunksNotSent > 0) lines.push(`  ${r.chunksNotSent} chunks after it were not sent`);
  }
  if (r.notRepublished.length > 0) {
    lines.push(`  not republished ${r.notRepublished.length} keys (their outputs are as before; run it again):`);
    for (const key of r.notRepublished.slice(0, 20)) lines.push(`    ${key}`);
    if (r.notRepublished.length > 20) lines.push(`    ... and ${r.notRepublished.length - 20} more`);
  }
  if (r.failed.length > 0) {
    lines.push(`  failed   ${r.failed.length} (run it again to retry them):`);
    for (const f of r.failed.slice(0, 20)) lines.push(`    ${f.key} [${f.stage}] ${f.reason}`);
    if (r.failed.length > 20) lines.push(`    ... and ${r.failed.length - 20} more`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerRepublish(program: Command): void {
  program
    .command('republish')
    .description('ingest every upload again and re-render every output (after a site.json change or a new version); safe while uploads arrive')
    .option('--site <url>', 'the local stack site server (default http://localhost:$FEEDPUB_PORT or 8787)')
    .option('--endpoint <aws>', '"aws": start the republish state machine in AWS instead of the local stack')
    .option('--state-machine <arn>', 'with --endpoint aws: the RepublishStateMachineArn stack output (or $FEEDPUB_REPUBLISH_STATE_MACHINE)')
    .option('--chunk-size <n>', 'local: keys per publish chunk (a live upload waits behind at most one)')
    .option('--json', 'print the report as JSON')
    .action(async (flags: RepublishFlags) => {
      if (flags.endpoint !== undefined && flags.endpoint !== 'aws') {
        process.stderr.write('feedpub republish: --endpoint takes only "aws" (the local stack is the default)\n');
        process.exitCode = 2;
        return;
      }
      if (flags.endpoint === 'aws') {
        const stateMachineArn = flags.stateMachine ?? process.env.FEEDPUB_REPUBLISH_STATE_MACHINE;
        if (!stateMachineArn) {
          process.stderr.write('feedpub republish: --endpoint aws needs --state-machine ARN (stack output RepublishStateMachineArn)\n');
          process.exitCode = 2;
          return;
        }
        const [{ SFNClient }, { republishAws }] = await Promise.all([import('@aws-sdk/client-sfn'), import('../republish-aws')]);
        const client = new SFNClient({});
        try {
          const result = await republishAws({ client, stateMachineArn, onStarted: (arn) => process.stdout.write(`execution ${arn}\n`) });
          process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.status}${result.error ? `: ${result.error} ${result.cause ?? ''}` : ''}\n${result.output !== undefined ? `${JSON.stringify(result.output, null, 2)}\n` : ''}`);
          if (result.status !== 'SUCCEEDED') process.exitCode = 1;
        } catch (error) {
          process.stderr.write(`feedpub republish: ${(error as Error).message}\n`);
          process.exitCode = 1;
        } finally {
          client.destroy();
        }
        return;
      }
      const chunkSize = flags.chunkSize === undefined ? undefined : Number(flags.chunkSize);
      if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 5000)) {
        process.stderr.write('feedpub republish: --chunk-size must be an integer from 1 to 5000\n');
        process.exitCode = 2;
        return;
      }
      const [{ republishLocal }, { barProgress, lineProgress, wantsBar }] = await Promise.all([import('../republish-local'), import('../republish-progress')]);
      const site = flags.site ?? `http://localhost:${process.env.FEEDPUB_PORT || 8787}`;
      const view = wantsBar(process.stderr, process.env) ? barProgress(process.stderr) : lineProgress((line) => process.stderr.write(`${line}\n`));
      try {
        const report = await republishLocal(site, { ...(chunkSize !== undefined && { chunkSize }), onProgress: (p) => view.update(p) });
        view.finish();
        process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatRepublishReport(report));
        if (report.failed.length > 0 || report.notRepublished.length > 0) process.exitCode = 1;
      } catch (error) {
        view.finish();
        process.stderr.write(`feedpub republish: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
