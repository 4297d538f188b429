import type { Command } from 'commander';
import { createInterface } from 'node:readline';
import { DEFAULT_SITE, type CreditStyle } from '../../core/model';

interface CreditOptions {
  style?: string;
  site?: string;
}

/** The house style: --site's creditStyle, then --style over it; an error is a sentence for the user. */
async function creditStyleOf(options: CreditOptions): Promise<CreditStyle | string> {
  let style = DEFAULT_SITE.creditStyle;
  if (options.site !== undefined) {
    const { loadSiteConfigFile } = await import('../../folder-build/site-config');
    const site = loadSiteConfigFile(options.site, { required: true });
    if (!site.ok) return site.error;
    style = site.value.creditStyle;
  }
  if (options.style !== undefined) {
    if (!options.style.includes('{')) return `--style must be a template like "{photographer}/{agency}", got "${options.style}"`;
    style = { ...style, format: options.style };
  }
  return style;
}

/** `feedpub credit [RAW...]`: one JSON Credit per line, for each argument or each non-blank stdin line. */
export function registerCredit(program: Command): void {
  program
    .command('credit')
    .description('normalize image credit lines into structured credits (JSON, one per line)')
    .argument('[raw...]', 'credit lines, e.g. "REUTERS/Maher Abou Taleb"; none: read one per line from stdin')
    .option('--style <format>', `display template with {photographer} {agency} {provider} {via} (default: "${DEFAULT_SITE.creditStyle.format}")`)
    .option('--site <file>', 'take the house style (creditStyle) from this site.json')
    .addHelpText(
      'after',
      `
Examples:
  $ feedpub credit "REUTERS/Maher Abou Taleb"
  {"display":"Maher Abou Taleb/Reuters",...}
  $ printf 'AP Photo/Evan Vucci\\nJOHN SMITH/AFP via Getty Images\\n' | feedpub credit
  $ feedpub credit --style "{agency}/{photographer}" "Andrew Leyden/NurPhoto"
  $ feedpub credit --site content/site.json "(AP Photo/Evan Vucci)"`,
    )
    .action(async (raws: string[], options: CreditOptions) => {
      const style = await creditStyleOf(options);
      if (typeof style === 'string') {
        process.stderr.write(`feedpub credit: ${style}\n`);
        process.exitCode = 2;
        return;
      }
      const { normalizeCredit } = await import('../../core/credits/index');
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
