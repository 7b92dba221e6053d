import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlayerView } from '../../src/engine/index.ts';

/** The least time a bot module gets to load: starting its worker thread takes a moment on a busy machine. */
const minLoadMs = 10_000;

/** A bot module that failed: printed as one line naming the step and what went wrong. */
export class BotError extends Error {}

/** What the worker thread sends back (see bot-worker.mjs). */
type Reply = { kind: 'loaded'; everyS?: unknown; error?: string } | { kind: 'answer'; step: number; commands?: unknown; error?: string };

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * A player's bot from a JavaScript module, run in a worker thread: the runner posts it the
 * player's view and waits a bounded time for its commands, so a bot that hangs (even in a busy
 * loop) is stopped and one that prints writes to stderr, never into the `--json` output.
 */
export class BotModule {
  /** The module's `everyS` export as it was written (undefined when it has none). */
  everyS: unknown = undefined;
  private crash: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    /** How long the bot may take to answer one step. */
    private readonly timeoutMs: number,
  ) {
    // Kept for the next question, so an error between steps is reported and never thrown.
    worker.on('error', (error) => (this.crash = error));
  }

  /** Loads the module at `path` (relative to the working directory) in its own worker thread. */
  static async load(path: string, timeoutMs: number): Promise<BotModule> {
    const url = pathToFileURL(resolve(path)).href;
    const worker = new Worker(new URL('./bot-worker.mjs', import.meta.url), { workerData: { url }, execArgv: [], stdout: true, stderr: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.stdout.pipe(process.stderr, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
    const bot = new BotModule(worker, timeoutMs);
    try {
      const loaded = await bot.reply('loading', Math.max(timeoutMs, minLoadMs));
      if (loaded.kind !== 'loaded' || loaded.error !== undefined) throw new BotError(loaded.error ?? 'did not load');
      bot.everyS = loaded.everyS;
      return bot;
    } catch (error) {
      await bot.close();
      throw error;
    }
  }

  /** Asks the bot for its commands at one step; rejects with a BotError if it throws, crashes or takes too long. */
  async decide(step: number, view: PlayerView): Promise<unknown> {
    this.worker.postMessage({ step, view });
    const answer = await this.reply('decide', this.timeoutMs);
    if (answer.kind !== 'answer' || answer.step !== step) throw new BotError('answered out of turn');
    if (answer.error !== undefined) throw new BotError(answer.error);
    return answer.commands;
  }

  /** Stops the bot's worker thread. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  // The worker's next message, or a BotError when it crashes, exits or stays silent past the timeout.
  private reply(what: string, timeoutMs: number): Promise<Reply> {
    const worker = this.worker;
    return new Promise((settle, fail) => {
      if (this.crash) return fail(new BotError(`crashed: ${this.crash.message}`));
      const done = (finish: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        finish();
      };
      const onMessage = (message: Reply) => done(() => settle(message));
      const onError = (error: Error) => done(() => fail(new BotError(`crashed: ${error.message}`)));
      const onExit = (code: number) => done(() => fail(new BotError(`exited (code ${code}) during ${what}`)));
      const timer = setTimeout(() => done(() => fail(new BotError(`${what} did not answer within ${seconds(timeoutMs)}`))), timeoutMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
  }
}
