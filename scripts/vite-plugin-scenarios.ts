import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblems } from '../src/scenarios/load-scenario.ts';
import { scenarioCard } from '../src/scenarios/schema/scenario-card.ts';
import { builtinRegistry, builtinSourcesFromDisk } from './lib/builtin-scenarios.ts';

const catalogueId = 'virtual:firedrill/catalogue';
const scenarioPrefix = 'virtual:firedrill/scenario/';

/**
 * Validates the built-in scenario files at build time, with the same loader the app uses for
 * imported files, and serves them as modules: a small catalogue for the first screen and one
 * lazily loaded module per scenario. An invalid scenario fails the build with its problems.
 */
export function scenarioPlugin(): Plugin {
  let root = process.cwd();
  const load = () => {
    const registry = builtinRegistry(root);
    if (registry.failures.length > 0) {
      throw new Error(`Invalid built-in scenario:\n${registry.failures.flatMap((f) => formatProblems(f.file, f.problems)).join('\n')}`);
    }
    return registry;
  };
  return {
    name: 'firedrill-scenarios',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === catalogueId || id.startsWith(scenarioPrefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:firedrill/')) return undefined;
      const registry = load();
      for (const file of builtinSourcesFromDisk(root)) this.addWatchFile(join(root, file.file));
      if (id === `\0${catalogueId}`) {
        const catalogue = registry.scenarios.map(scenarioCard);
        const loaders = registry.scenarios.map((s) => `  ${JSON.stringify(s.id)}: () => import(${JSON.stringify(scenarioPrefix + s.id)}).then((m) => m.default),`);
        return `export const catalogue = ${JSON.stringify(catalogue)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
      }
      const scenarioId = id.slice(`\0${scenarioPrefix}`.length);
      const scenario = registry.byId(scenarioId);
      if (!scenario) throw new Error(`No built-in scenario "${scenarioId}"`);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(scenario))});\n`;
    },
    handleHotUpdate(ctx) {
      if (!/src[\\/]scenarios[\\/][^\\/]+\.(ya?ml|json)$/.test(ctx.file)) return undefined;
      for (const mod of ctx.server.moduleGraph.idToModuleMap.values()) {
        if (mod.id?.startsWith('\0virtual:firedrill/')) ctx.server.moduleGraph.invalidateModule(mod);
      }
      ctx.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
