import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerCredit(program: Command): void {
  program
    .command('credit')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub credit: not yet available\n');
      process.exitCode = 2;
    });
}
