import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub delete: not yet available\n');
      process.exitCode = 2;
    });
}
