import { parseArgs } from './lib/args';
import { runHazards } from './hazards/suite';
import { runDuty } from './duty/suite';
import { runWarnings } from './warnings/suite';

/** `npm run bench -- <suite> [--scale=0.1] [--fresh] [--cache-dir=DIR] [--only=…] [--profile]`; see bench/README.md. */
const SUITES: Record<string, (args: ReturnType<typeof parseArgs>) => Promise<void>> = { hazards: runHazards, duty: runDuty, warnings: runWarnings };

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const suite = SUITES[args.suite];
  if (!suite) {
    console.error(`usage: npm run bench -- <${Object.keys(SUITES).join('|')}> [--scale=0.1] [--fresh] [--cache-dir=DIR] [--only=baseline,json,hot,photo,sync,stats] [--profile]`);
    process.exit(2);
  }
  await suite(args);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('[bench] failed:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
