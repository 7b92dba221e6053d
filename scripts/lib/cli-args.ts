/** A command-line usage error: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Parses `--flag value` and `--switch` arguments against the allowed names. */
export function parseArgs(argv: string[], valued: readonly string[], switches: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    if (out.has(name)) throw new UsageError(`--${name} is given twice`);
    if (switches.includes(name)) out.set(name, true);
    else if (valued.includes(name)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      out.set(name, value);
      i += 1;
    } else throw new UsageError(`unknown option "${arg}"`);
  }
  return out;
}
