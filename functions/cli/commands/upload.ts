import type { Command } from 'commander';

// Placeholder until its issue lands: the command exists in --help and fails clearly when run.
export function registerUpload(program: Command): void {
  program
    .command('upload')
    .description('(not yet available)')
    .action(() => {
      process.stderr.write('feedpub upload: not yet available\n');
      process.exitCode = 2;
    });
}
