// Validates scenario files (schema, cross-references and the lint rules that play the model and
// idle bots), then checks that par is honest: the model resolves at the top score on
// `--par-seeds` seeds (default 50) of every variant at every level, spreading the files over one
// worker thread per core. Prints `OK <file>` for each valid one and one line per problem otherwise,
// in the order the files were given.
// Usage: npm run -s scenario:check -- [--par-seeds N] <file>...   (no files: every built-in scenario)
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScenarioProblem } from '../src/scenarios/cross-references.ts';
import { formatProblems, maxScenarioChars } from '../src/scenarios/load-scenario.ts';
import { parSeedsPerVariant } from '../src/scenarios/lint/honest-par.ts';
import { builtinSourcesFromDisk } from './lib/builtin-scenarios.ts';
import { checkScenarioSource } from './lib/check-scenario-source.ts';

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
const { parSeeds } = args;
const sources = args.files.length > 0 ? args.files.map((file) => ({ file, ...readSource(file) })) : builtinSourcesFromDisk();

/** Checks the readable files on up to `workers` threads (honest par plays thousands of runs); answers come back by index. */
async function checkAll(texts: { index: number; text: string; file: string }[], workers: number): Promise<Map<number, ScenarioProblem[]>> {
  const out = new Map<number, ScenarioProblem[]>();
  if (workers <= 1) {
    for (const t of texts) out.set(t.index, checkScenarioSource(t.text, t.file, parSeeds));
    return out;
  }
  // The script runs as TypeScript through tsx; a worker thread does not inherit its loader, so it registers it first.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./lib/scenario-check-worker.ts', import.meta.url).href;
  const queue = [...texts];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
      // One job at a time per worker: its answer or its crash settles the job in hand.
      let settle: { resolve: (p: ScenarioProblem[]) => void; reject: (e: Error) => void } | null = null;
      worker.on('message', (m: { problems: ScenarioProblem[] }) => settle?.resolve(m.problems));
      worker.on('error', (e) => settle?.reject(e));
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const current = job;
          out.set(
            current.index,
            await new Promise<ScenarioProblem[]>((resolve, reject) => {
              settle = { resolve, reject };
              worker.postMessage({ ...current, parSeeds });
            }),
          );
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return out;
}

const readable = sources.flatMap((source, index) => ('text' in source ? [{ index, text: source.text, file: source.file }] : []));
const workers = parSeeds === 0 ? 1 : Math.min(readable.length, availableParallelism());
const results = await checkAll(readable, workers);
let failed = false;
sources.forEach((source, index) => {
  if ('error' in source) {
    console.log(`${source.file}: ${source.error}`);
    failed = true;
    return;
  }
  const problems = results.get(index) ?? [{ path: '', message: 'was not checked' }];
  if (problems.length === 0) console.log(`OK ${source.file}`);
  else {
    failed = true;
    for (const line of formatProblems(source.file, problems)) console.log(line);
  }
});
process.exit(failed ? 1 : 0);
