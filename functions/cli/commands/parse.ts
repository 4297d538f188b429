import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub parse: not yet available\n');
      process.exitCode = 2;
    });
}
