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

/** The lines of an output, without the final newline. */
export function linesOf(output: string): string[] {
  return output === '' ? [] : output.replace(/\n$/, '').split('\n');
}

/** A line that looks like a frame of a JavaScript stack trace. */
export const stackFrame = /^\s+at /m;
