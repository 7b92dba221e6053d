import type { ShellNames } from '../platform';
import { failed, printed, type Tool, type ToolContext, type ToolResult } from '../types';
import { columns } from '../../reveal/render-reveal';
import { visibleFlags } from '../../plan/plan-flags';

const help = `flagctl — the data platform's feature flags

Usage:
  flagctl list                 every flag with its state
  flagctl get <flag>           one flag
  flagctl set <flag> on|off    switch a flag (takes effect within seconds)`;

function run(ctx: ToolContext, args: readonly string[]): ToolResult {
  const [command, ...rest] = args;
  const flags = [...visibleFlags(ctx.s)].sort((a, b) => a.id.localeCompare(b.id));
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return printed(help);
  const state = (id: string) => (ctx.state.world.flags[id] ? 'on' : 'off');
  if (command === 'list') return printed(flags.length === 0 ? 'No flags.' : columns([['FLAG', 'STATE', 'DESCRIPTION'], ...flags.map((f) => [f.id, state(f.id), f.description])]));
  // `flagctl set name=on` is accepted too, as people type it.
  const [name, inlineValue] = (rest[0] ?? '').split('=') as [string, string | undefined];
  if (!name) return failed(`flagctl ${command}: missing flag name\n\n${help}`, 2);
  const flag = flags.find((f) => f.id === name);
  if (!flag) return failed(`flagctl: flag "${name}" not found (flagctl list shows them)`);
  if (command === 'get') return printed(`${flag.id}: ${state(flag.id)}\n  ${flag.description}`);
  if (command === 'set') {
    const value = inlineValue ?? rest[1];
    if (value !== 'on' && value !== 'off') return failed(`flagctl set: value must be on or off, got "${value ?? ''}"`, 2);
    const before = state(flag.id);
    if (before === value) return printed(`${flag.id} is already ${value}`);
    return { ...printed(`${flag.id}: ${before} → ${value}`), effects: [{ op: 'flag.set', flag: flag.id, value: value === 'on' }], changed: `Flag ${flag.id} switched ${value}` };
  }
  return failed(`flagctl: unknown command "${command}"\n\n${help}`, 2);
}

function complete(n: ShellNames, before: readonly string[]): readonly string[] {
  if (before.length === 0) return ['get', 'list', 'set'];
  if (before.length === 1) return n.flags;
  if (before[0] === 'set' && before.length === 2) return ['off', 'on'];
  return [];
}

/** flagctl: the platform's feature flags. */
export const flagctl: Tool = { name: 'flagctl', summary: 'list, read and switch feature flags', durationS: (args) => (args[0] === 'set' ? 5 : 1), run, complete };
