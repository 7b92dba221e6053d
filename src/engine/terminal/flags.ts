/** How a tool's options are spelled: long name → whether it takes a value, and its short alias. */
export type FlagSpec = Record<string, { value: boolean; short?: string }>;

/** A command line's options (every occurrence, in order) and its positional arguments. */
export interface ParsedFlags {
  opts: Record<string, string[]>;
  positionals: string[];
  /** The first option the tool does not know, as typed. */
  unknown: string | null;
  /** An option that needs a value but got none. */
  missingValue: string | null;
}

/**
 * Parses options the way getopt-style tools do: `--name value`, `--name=value`, `-n value`,
 * `-nvalue`, bundled short switches (`-sS`), and `--` ending the options.
 */
export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
  const byShort = shortNames(spec);
  const result: ParsedFlags = { opts: {}, positionals: [], unknown: null, missingValue: null };
  const add = (name: string, value: string) => (result.opts[name] ??= []).push(value);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      result.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const flag = Object.hasOwn(spec, name) ? spec[name] : undefined;
      if (!flag) {
        result.unknown ??= eq >= 0 ? arg.slice(0, eq) : arg;
        continue;
      }
      if (!flag.value) add(name, 'true');
      else if (eq >= 0) add(name, arg.slice(eq + 1));
      else if (i + 1 < args.length) add(name, args[++i] as string);
      else result.missingValue ??= arg;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      for (let j = 1; j < arg.length; j++) {
        const name = byShort.get(arg[j] as string);
        const flag = name === undefined ? undefined : spec[name];
        if (name === undefined || !flag) {
          result.unknown ??= `-${arg[j]}`;
          break;
        }
        if (!flag.value) {
          add(name, 'true');
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest.length > 0) add(name, rest);
        else if (i + 1 < args.length) add(name, args[++i] as string);
        else result.missingValue ??= `-${arg[j]}`;
        break;
      }
      continue;
    }
    result.positionals.push(arg);
  }
  return result;
}

// Each spec's short aliases, listed once (a tool's spec is a constant; every command line of it asks).
const shortNamesOf = new WeakMap<FlagSpec, Map<string, string>>();

function shortNames(spec: FlagSpec): Map<string, string> {
  let names = shortNamesOf.get(spec);
  if (!names) {
    names = new Map(Object.entries(spec).flatMap(([name, f]) => (f.short ? [[f.short, name] as const] : [])));
    shortNamesOf.set(spec, names);
  }
  return names;
}

/** The last value given for an option, if any. */
export function opt(parsed: ParsedFlags, name: string): string | undefined {
  return parsed.opts[name]?.at(-1);
}

/** Whether a switch was given. */
export function has(parsed: ParsedFlags, name: string): boolean {
  return (parsed.opts[name]?.length ?? 0) > 0;
}

/** Every option spelling of a spec, for completion. */
export function flagNames(spec: FlagSpec): string[] {
  return Object.keys(spec).map((name) => `--${name}`).sort();
}
