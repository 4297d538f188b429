// Credit normalization throughput: normalizeCredit over a mix of credit shapes, and isCreditLine over
// every line of the seed scrape (what the parser runs per block). Warm-up, then at least 1 s measured.
import { readFileSync } from 'node:fs';
import { isCreditLine, normalizeCredit } from '../functions/core/credits/index';

const credits = [
  'REUTERS/Maher Abou Taleb',
  'Andrew Leyden/NurPhoto',
  'Inter-Services Public Relations (ISPR)/Handout via REUTERS',
  '(AP Photo/Evan Vucci)',
  'JOHN SMITH/AFP via Getty Images',
  'Photo by Jane Doe for The Washington Post',
  'REUTERS/Evelyn Hockstein/Pool',
  'Courtesy of NASA',
  'Jemal Countess/Getty Images for Tribeca Festival',
  'The author',
];
const seedLines = readFileSync(new URL('../content/000_47caeb000f8095de.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

function measure(name: string, perRound: number, round: () => void): void {
  for (let i = 0; i < 200; i += 1) round();
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1e9) {
    round();
    rounds += 1;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  const calls = rounds * perRound;
  console.log(`${name.padEnd(44)} ${Math.round((calls / elapsed) * 1e9).toLocaleString('en-US').padStart(10)} calls/s  ${(elapsed / calls / 1000).toFixed(2)} µs/call`);
}

let sink = 0;
measure(`normalizeCredit (${credits.length} shapes)`, credits.length, () => {
  for (const raw of credits) sink += normalizeCredit(raw).display.length;
});
measure(`isCreditLine (seed: ${seedLines.length} lines)`, seedLines.length, () => {
  for (const line of seedLines) sink += isCreditLine(line) ? 1 : 0;
});
measure('normalizeCredit, 5 kB non-credit line', 1, () => {
  sink += normalizeCredit(`${'Rescuers work at a site, Reuters/Jane Doe via boat '.repeat(100)}`).display.length;
});
if (sink < 0) console.log(sink);
