import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub build: not yet available\n');
      process.exitCode = 2;
    });
}
