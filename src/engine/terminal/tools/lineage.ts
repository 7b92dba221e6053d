import { lineageOutput } from '../../reveal/lineage-output';
import type { ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';

const help = `lineage — the data catalog's lineage graph

Usage:
  lineage upstream dashboard:<id>    a dashboard's path back to its sources, with each node's health
  lineage list                       the dashboards the catalog knows`;

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [command, node] = args;
  if (command === undefined || command === '--help' || command === '-h') return printed(help);
  if (command === 'list') return printed([...ctx.s.world.dashboards].sort((a, b) => a.id.localeCompare(b.id)).map((d) => `dashboard:${d.id}  ${d.title}`).join('\n'));
  if (command !== 'upstream') return failed(`lineage: unknown command "${command}"\n\n${help}`, 2);
  const id = (node ?? '').replace(/^dashboard:/, '');
  if (!id) return failed('lineage upstream: which node? e.g. lineage upstream dashboard:<id> (lineage list shows them)', 2);
  if (!ctx.s.world.dashboards.some((d) => d.id === id)) return failed(`lineage: no node "${node}" in the catalog (lineage list shows the dashboards)`);
  return printed(lineageOutput(ctx.s, ctx.state, id).body);
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  if (before.length === 0) return ['list', 'upstream'];
  return n.dashboards.map((d) => `dashboard:${d}`);
}

/** lineage: the catalog's lineage from a dashboard back to its sources, with health. */
export const lineage: Tool = { name: 'lineage', summary: 'upstream lineage of a dashboard, with each node’s health', durationS: () => 3, run, complete };
