import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };

type Register = (program: Command) => void;

// Each command module is loaded only when it runs (or for the full --help): `feedpub credit` need not
// load the S3 SDK, the local S3 server and the renderers before it can read stdin.
const commands: Record<string, () => Promise<Register>> = {
  parse: async () => (await import('./commands/parse')).registerParse,
  credit: async () => (await import('./commands/credit')).registerCredit,
  build: async () => (await import('./commands/build')).registerBuild,
  validate: async () => (await import('./commands/validate')).registerValidate,
  upload: async () => (await import('./commands/upload')).registerUpload,
  delete: async () => (await import('./commands/delete')).registerDelete,
  status: async () => (await import('./commands/status')).registerStatus,
  dev: async () => (await import('./commands/dev')).registerDev,
  republish: async () => (await import('./commands/republish')).registerRepublish,
};

// The SDK's notice that it will need Node 22 from 2027 is for servers, not for every CLI run on Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const program = new Command('feedpub')
  .description('Publish RSS 2.0, Atom 1.0 and JSON Feed 1.1 from article uploads')
  .version(packageJson.version, '-V, --version', 'print the version')
  .showHelpAfterError();

const requested = process.argv[2];
const needed = requested !== undefined && Object.hasOwn(commands, requested) ? [requested] : Object.keys(commands);
for (const register of await Promise.all(needed.map((name) => (commands[name] as () => Promise<Register>)()))) {
  register(program);
}

await program.parseAsync(process.argv);
