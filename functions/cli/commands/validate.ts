import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub validate: not yet available\n');
      process.exitCode = 2;
    });
}
