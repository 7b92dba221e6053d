import type { ChildProcess } from 'node:child_process';

/**
 * Collects what a child process prints and waits until it prints a line matching `ready`: the
 * match, or an error with everything it printed when it exits first or `timeoutMs` runs out.
 */
export function waitForOutput(child: ChildProcess, ready: RegExp, what: string, output: string[], timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${output.join('')}`)), timeoutMs);
    let waiting = true;
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = waiting ? ready.exec(output.join('')) : null;
      if (m) {
        waiting = false;
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code ?? signal}:\n${output.join('')}`));
    });
  });
}

/** Whether a child process is still running. */
export const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;
