import { Worker } from 'node:worker_threads';
import type { LoadResult } from '../src/scenarios/load-scenario.ts';

/** How long one file's checks may take before the file is refused. */
const checkTimeoutMs = 60_000;

/**
 * Checks imported scenario files in one worker thread, one at a time, so the rooms' clocks and
 * messages never wait on the lint bots. A worker that hangs is replaced.
 */
export class ScenarioChecker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; timer: NodeJS.Timeout }>();

  check(text: string, fileName: string): Promise<LoadResult> {
    const worker = this.ensureWorker();
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, problems: [{ path: '', message: `the checks took longer than ${checkTimeoutMs / 1000} s; the file was refused` }] });
        void this.reset();
      }, checkTimeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, text, fileName });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The server runs as TypeScript through tsx; a worker thread does not inherit its loader, so register it first.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./scenario-check-worker.ts', import.meta.url).href;
    const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
    worker.unref();
    worker.on('message', (m: { id: number; result: LoadResult }) => {
      const job = this.pending.get(m.id);
      if (!job) return;
      clearTimeout(job.timer);
      this.pending.delete(m.id);
      job.resolve(m.result);
    });
    worker.on('error', (error) => this.failAll(error.message));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll('the checker stopped');
    });
    this.worker = worker;
    return worker;
  }

  private failAll(message: string): void {
    for (const [id, job] of this.pending) {
      clearTimeout(job.timer);
      job.resolve({ ok: false, problems: [{ path: '', message: `could not be checked: ${message}` }] });
      this.pending.delete(id);
    }
  }

  private async reset(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    await this.reset();
  }
}
