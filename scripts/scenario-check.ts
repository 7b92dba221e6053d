// Validates scenario files (schema, cross-references and the lint rules that play the model and
// idle bots), then checks that par is honest: the model resolves at the top score on
// `--par-seeds` seeds (default 50) of every variant at every level. Prints `OK <file>` for each
// valid one and one line per problem otherwise.
// Usage: npm run -s scenario:check -- [--par-seeds N] <file>...   (no files: every built-in scenario)
import { readFileSync, statSync } from 'node:fs';
import { formatProblems, maxScenarioChars } from '../src/scenarios/load-scenario.ts';
import { honestPar, parSeedsPerVariant } from '../src/scenarios/lint/honest-par.ts';
import { validateScenarioText } from '../src/scenarios/validate-scenario.ts';
import { builtinSourcesFromDisk } from './lib/builtin-scenarios.ts';

function readSource(file: string): { text: string } | { error: string } {
  try {
    const size = statSync(file).size;
    if (size > maxScenarioChars * 4) return { error: `is ${size} bytes; the limit is ${maxScenarioChars} characters` };
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'unknown error'})` };
  }
}

/** Splits `--par-seeds N` from the file names; N is a whole number from 0 (skip the check) to 1000. */
function parseArgv(argv: string[]): { files: string[]; parSeeds: number } | { error: string } {
  const at = argv.indexOf('--par-seeds');
  if (at < 0) return { files: argv, parSeeds: parSeedsPerVariant };
  const value = argv[at + 1];
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > 1000) return { error: '--par-seeds needs a whole number of seeds from 0 to 1000' };
  return { files: [...argv.slice(0, at), ...argv.slice(at + 2)], parSeeds: Number(value) };
}

const args = parseArgv(process.argv.slice(2));
if ('error' in args) {
  console.error(`scenario:check: ${args.error}`);
  process.exit(2);
}
const sources = args.files.length > 0 ? args.files.map((file) => ({ file, ...readSource(file) })) : builtinSourcesFromDisk();
let failed = false;
for (const source of sources) {
  if ('error' in source) {
    console.log(`${source.file}: ${source.error}`);
    failed = true;
    continue;
  }
  const result = validateScenarioText(source.text, source.file);
  let problems = result.ok ? [] : result.problems;
  if (result.ok && args.parSeeds > 0) {
    try {
      problems = honestPar(result.scenario, args.parSeeds);
    } catch (error) {
      problems = [{ path: '', message: `could not be played by the model on ${args.parSeeds} seeds: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }];
    }
  }
  if (problems.length === 0) console.log(`OK ${source.file}`);
  else {
    failed = true;
    for (const line of formatProblems(source.file, problems)) console.log(line);
  }
}
process.exit(failed ? 1 : 0);
