import { Command } from 'commander';
import { registerBuild } from './commands/build';
import { registerCredit } from './commands/credit';
import { registerDelete } from './commands/delete';
import { registerDev } from './commands/dev';
import { registerParse } from './commands/parse';
import { registerUpload } from './commands/upload';
import { registerValidate } from './commands/validate';

const program = new Command('feedpub')
  .description('Publish RSS 2.0, Atom 1.0 and JSON Feed 1.1 from article uploads')
  .showHelpAfterError();

for (const register of [registerParse, registerCredit, registerBuild, registerValidate, registerUpload, registerDelete, registerDev]) {
  register(program);
}

await program.parseAsync(process.argv);
