import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { DEFAULT_SITE, type CreditStyle } from '../../core/model';
import { normalizeCredit } from '../../core/normalize/credits/index';

interface CreditOptions {
  style?: string;
}

/** `feedpub credit [RAW...]`: one JSON Credit per line, for each argument or each non-blank stdin line. */
export function registerCredit(program: Command): void {
  program
    .command('credit')
    .description('normalize image credit lines into structured credits (JSON, one per line)')
    .argument('[raw...]', 'credit lines, e.g. "REUTERS/Maher Abou Taleb"; none: read one per line from stdin')
    .option('--style <format>', `display template with {photographer} {agency} {provider} {via}`, DEFAULT_SITE.creditStyle.format)
    .addHelpText(
      'after',
      `
Examples:
  $ feedpub credit "REUTERS/Maher Abou Taleb"
  {"display":"Maher Abou Taleb/Reuters",...}
  $ printf 'AP Photo/Evan Vucci\\nJOHN SMITH/AFP via Getty Images\\n' | feedpub credit
  $ feedpub credit --style "{agency}/{photographer}" "Andrew Leyden/NurPhoto"`,
    )
    .action(async (raws: string[], options: CreditOptions) => {
      const format = options.style ?? DEFAULT_SITE.creditStyle.format;
      if (!format.includes('{')) {
        process.stderr.write(`feedpub credit: --style must be a template like "{photographer}/{agency}", got "${format}"\n`);
        process.exitCode = 2;
        return;
      }
      const style: CreditStyle = { ...DEFAULT_SITE.creditStyle, format };
      const print = (raw: string) => process.stdout.write(`${JSON.stringify(normalizeCredit(raw, style))}\n`);
      if (raws.length > 0) {
        raws.forEach(print);
        return;
      }
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        if (line.trim() !== '') print(line);
      }
    });
}
