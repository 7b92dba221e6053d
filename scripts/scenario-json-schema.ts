// Regenerates docs/scenario.schema.json and the vocabulary section of docs/scenario-format.md
// from the zod schema. Usage: npm run scenario:schema            (write)
//                             npm run -s scenario:schema -- --check (exit 1 if either is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/builtin-scenarios.ts';
import { formatDocFile, jsonSchemaFile, scenarioJsonSchemaText, withVocabulary } from './lib/scenario-reference.ts';

const check = process.argv.includes('--check');
const docPath = join(repoRoot, formatDocFile);
const wanted: [string, string][] = [
  [jsonSchemaFile, scenarioJsonSchemaText()],
  [formatDocFile, withVocabulary(readFileSync(docPath, 'utf8'))],
];
let stale = false;
for (const [file, text] of wanted) {
  const path = join(repoRoot, file);
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current === text) continue;
  if (check) {
    console.log(`${file} is stale: run npm run scenario:schema`);
    stale = true;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
}
process.exit(stale ? 1 : 0);
