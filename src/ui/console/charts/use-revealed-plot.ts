import { useEffect, useMemo, useRef, useState } from 'react';
import { queueDraw } from '../../hooks/draw-queue';
import type { ChartPlot } from '../../selectors/dashboards';

/** Series a chart adds per turn while it first appears. */
const seriesPerTurn = 2;

/**
 * The parts of a chart's frame, one more per turn while it first appears: the chart with its time
 * axis, then its value axes, then its grid and reference line. The first charts on a page run the
 * chart library's code for the first time, which costs far more than drawing; a part per turn keeps
 * each of those turns short.
 */
export const frameParts = { chart: 1, timeAxis: 2, valueAxes: 3, grid: 4 } as const;
const wholeFrame = frameParts.grid;

/** What a chart has drawn so far: its frame's parts, then its series. */
export interface RevealedPlot {
  /** The plot, with only the series drawn so far. */
  plot: ChartPlot;
  /** How many parts of the frame are drawn (see `frameParts`). */
  frame: number;
}

interface Drawn {
  plot: ChartPlot;
  frame: number;
  /** How many of the plot's series are drawn. */
  lines: number;
}

/**
 * The part of `plot` a chart has drawn so far, taking turns in the draw queue: on its first turns
 * a chart draws its frame, a part per turn, then a few series per turn until all are drawn; after
 * that each new plot draws whole, in one turn. Null before the first turn. While `wanted` is false
 * (the card is scrolled out of sight) it asks for no turn and keeps what it drew.
 */
export function useRevealedPlot(plot: ChartPlot, wanted: boolean): RevealedPlot | null {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  // The turn this chart holds, from the moment it is granted until its drawing has committed.
  const held = useRef<(() => void) | null>(null);
  const release = () => {
    held.current?.();
    held.current = null;
  };
  // A committed drawing ends the turn that asked for it.
  useEffect(release, [drawn]);
  const upToDate = drawn !== null && drawn.plot === plot && drawn.frame === wholeFrame && drawn.lines === plot.lines.length;
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
  return useMemo(() => {
    if (drawn === null) return null;
    const lines = drawn.lines === drawn.plot.lines.length ? drawn.plot.lines : drawn.plot.lines.slice(0, drawn.lines);
    return { plot: lines === drawn.plot.lines ? drawn.plot : { ...drawn.plot, lines }, frame: drawn.frame };
  }, [drawn]);
}

function next(drawn: Drawn | null, plot: ChartPlot): Drawn {
  if (drawn === null) return { plot, frame: frameParts.chart, lines: 0 };
  if (drawn.frame < wholeFrame) return { plot, frame: drawn.frame + 1, lines: 0 };
  const revealed = drawn.lines >= drawn.plot.lines.length;
  return { plot, frame: wholeFrame, lines: revealed ? plot.lines.length : Math.min(plot.lines.length, drawn.lines + seriesPerTurn) };
}
