// Validates scenario files (schema, cross-references and the lint rules that play the model and
// idle bots): prints `OK <file>` for each valid one and one line per problem otherwise.
// Usage: npm run -s scenario:check -- <file>...   (no files: every built-in scenario)
import { readFileSync, statSync } from 'node:fs';
import { formatProblems, maxScenarioChars } from '../src/scenarios/load-scenario.ts';
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

const files = process.argv.slice(2);
const sources = files.length > 0 ? files.map((file) => ({ file, ...readSource(file) })) : builtinSourcesFromDisk();
let failed = false;
for (const source of sources) {
  if ('error' in source) {
    console.log(`${source.file}: ${source.error}`);
    failed = true;
    continue;
  }
  const result = validateScenarioText(source.text, source.file);
  if (result.ok) console.log(`OK ${source.file}`);
  else {
    failed = true;
    for (const line of formatProblems(source.file, result.problems)) console.log(line);
  }
}
process.exit(failed ? 1 : 0);
