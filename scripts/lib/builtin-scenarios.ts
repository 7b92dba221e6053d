import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegistry, type ScenarioRegistry, type ScenarioSource } from '../../src/scenarios/registry.ts';

/** The repository's root folder. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Reads the built-in scenario files from disk (Node's counterpart of Vite's glob import). */
export function builtinSourcesFromDisk(root = repoRoot): ScenarioSource[] {
  const dir = join(root, 'src', 'scenarios');
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => ({ file: relative(root, join(dir, f)), text: readFileSync(join(dir, f), 'utf8') }));
}

/** The registry of built-in scenarios, loaded from disk. */
export function builtinRegistry(root = repoRoot): ScenarioRegistry {
  return buildRegistry(builtinSourcesFromDisk(root));
}
