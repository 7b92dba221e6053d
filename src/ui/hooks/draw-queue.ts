import { startTransition } from 'react';

/** A component's turn to draw: `draw` sets its state (inside a transition); the component calls `done` once that drawing committed. */
interface Turn {
  draw: () => void;
  /** Set once the turn has ended (its drawing reported back, or it ran out of time): it ends once. */
  over?: boolean;
}

const waiting: Turn[] = [];
let scheduled = false;
let drawing: Turn | null = null;
let stuck: ReturnType<typeof setTimeout> | undefined;
/** A turn whose drawing never reports back (it was dropped in a render React threw away) gives way after this long. */
const turnLimitMs = 1000;

function drawNext(): void {
  scheduled = false;
  if (drawing) return;
  const turn = waiting.shift();
  if (!turn) return;
  drawing = turn;
  stuck = setTimeout(() => finishTurn(turn), turnLimitMs);
  // A transition renders in slices between frames; the commit and its effects are the drawing's own tasks.
  startTransition(turn.draw);
}

function scheduleNext(): void {
  if (scheduled || drawing || waiting.length === 0) return;
  scheduled = true;
  setTimeout(drawNext, 0);
}

/** The next frame, or a task where there are no frames (a test's document). */
function afterNextFrame(then: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(then, 0));
  else setTimeout(then, 0);
}

function finishTurn(turn: Turn): void {
  if (drawing !== turn || turn.over) return;
  turn.over = true;
  clearTimeout(stuck);
  // A chart's store tells its parts about the drawing at the next frame: the next turn waits for
  // that frame, so two charts' updates never share it.
  afterNextFrame(() => {
    if (drawing === turn) drawing = null;
    scheduleNext();
  });
}

/**
 * Queues a heavy drawing (a chart's plot). Drawings take turns: the next starts in a task of its
 * own once the one before committed, so a screen of charts that all want to redraw at once never
 * blocks the page for long. `draw` is called at the turn; the caller reports its commit with the
 * returned `done`, and withdraws a request it no longer needs with `cancel`.
 */
export function queueDraw(draw: () => void): { cancel: () => void; done: () => void } {
  const turn: Turn = { draw };
  waiting.push(turn);
  scheduleNext();
  return {
    cancel: () => {
      const at = waiting.indexOf(turn);
      if (at >= 0) waiting.splice(at, 1);
    },
    done: () => finishTurn(turn),
  };
}
