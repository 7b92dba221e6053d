import { useEffect, useMemo, useRef, useState } from 'react';
import { queueDraw } from '../../hooks/draw-queue';
import type { ChartPlot } from '../../selectors/dashboards';

/** Series a chart adds per turn while it first appears. */
const seriesPerTurn = 2;

interface Drawn {
  plot: ChartPlot;
  /** How many of the plot's series are drawn. */
  lines: number;
}

/**
 * The part of `plot` a chart has drawn so far, taking turns in the draw queue: on its first turn
 * a chart draws its frame (axes and grid), then a few series per turn until all are drawn; after
 * that each new plot draws whole, in one turn. Null before the first turn. While `wanted` is false
 * (the card is scrolled out of sight) it asks for no turn and keeps what it drew.
 */
export function useRevealedPlot(plot: ChartPlot, wanted: boolean): ChartPlot | null {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  // The turn this chart holds, from the moment it is granted until its drawing has committed.
  const held = useRef<(() => void) | null>(null);
  const release = () => {
    held.current?.();
    held.current = null;
  };
  // A committed drawing ends the turn that asked for it.
  useEffect(release, [drawn]);
  const upToDate = drawn !== null && drawn.plot === plot && drawn.lines === plot.lines.length;
  useEffect(() => {
    if (!wanted || upToDate) return;
    const request = queueDraw(() => {
      held.current = request.done;
      setDrawn(next(drawn, plot));
    });
    return request.cancel;
  }, [plot, drawn, wanted, upToDate]);
  // Leaving the screen mid-turn hands the turn on.
  useEffect(() => release, []);
  return useMemo(() => (drawn === null ? null : drawn.lines === drawn.plot.lines.length ? drawn.plot : { ...drawn.plot, lines: drawn.plot.lines.slice(0, drawn.lines) }), [drawn]);
}

function next(drawn: Drawn | null, plot: ChartPlot): Drawn {
  if (drawn === null) return { plot, lines: 0 };
  const revealed = drawn.lines >= drawn.plot.lines.length;
  return { plot, lines: revealed ? plot.lines.length : Math.min(plot.lines.length, drawn.lines + seriesPerTurn) };
}
