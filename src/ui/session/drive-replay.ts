import type { SimState } from '../../engine';

/** Wall time a replay may hold the page before it lets the browser paint and handle input. */
const budgetMs = 12;

/**
 * Runs a stepped replay (`replayInSteps`) to its end, letting the page breathe whenever a stretch
 * of steps has held the main thread for more than a few milliseconds.
 */
export async function driveReplay(steps: Generator<void, SimState, void>): Promise<SimState> {
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started > budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      started = performance.now();
    }
  }
}
