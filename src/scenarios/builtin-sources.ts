import type { ScenarioSource } from './registry.ts';

const files = import.meta.glob<string>('./*.{yaml,yml,json}', { query: '?raw', import: 'default', eager: true });

/** The scenario files shipped with the game, bundled as text by Vite. */
export const builtinSources: ScenarioSource[] = Object.entries(files).map(([path, text]) => ({ file: `src/scenarios/${path.slice(2)}`, text }));
