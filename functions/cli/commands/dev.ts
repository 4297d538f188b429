import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub dev: not yet available\n');
      process.exitCode = 2;
    });
}
