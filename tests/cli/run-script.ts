import { execFile } from 'node:child_process';
import { repoRoot } from '../scenarios/malformed-cases';

/** What a finished script printed and how it exited. */
export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/<name>.ts` as `npm run` does (through tsx), from the repository root. Node loads
 * tsx as a hook instead of going through npm and the tsx binary, which saves about a second a run.
 */
export function runScript(name: 'sim' | 'scenario-check', args: readonly string[]): Promise<ScriptRun> {
  // The test runner's own loader flags must not leak into the child.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${name}.ts`, ...args],
      { cwd: repoRoot, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Finished runs by name; a name that was never run fails the test that asks for it. */
export type RunsByName = (name: string) => ScriptRun;

/**
 * Runs a script once per named argument list, at most `width` processes at a time (each costs
 * about a second of start-up), and hands back the runs by name.
 */
export async function runAll(name: 'sim' | 'scenario-check', runs: readonly (readonly [string, readonly string[]])[], width = runs.length): Promise<RunsByName> {
  const out = new Map<string, ScriptRun>();
  const queue = [...runs];
  const next = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) out.set(job[0], await runScript(name, job[1]));
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, next));
  return (run) => {
    const found = out.get(run);
    if (!found) throw new Error(`no run "${run}"`);
    return found;
  };
}

/** The lines of an output, without the final newline. */
export function linesOf(output: string): string[] {
  return output === '' ? [] : output.replace(/\n$/, '').split('\n');
}

/** A line that looks like a frame of a JavaScript stack trace. */
export const stackFrame = /^\s+at /m;
