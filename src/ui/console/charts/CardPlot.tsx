import { lazy, Suspense, useRef } from 'react';
import { useBoxSize } from '../../hooks/use-box-size';
import { useInView } from '../../hooks/use-in-view';
import type { ChartPlot } from '../../selectors/dashboards';
import { PlotBoundary } from './PlotBoundary';
import { useRevealedPlot } from './use-revealed-plot';

// The chart library comes after the console's first paint: the console opens with its cards'
// captions and figures, and each plot draws once the library has arrived (and its turn comes).
const loadChart = () => import('./SeriesChart').then((m) => ({ default: m.SeriesChart }));
let SeriesChart = lazy(loadChart);
// A fresh lazy component asks for the code again (a lazy one remembers its failure for good).
const reloadChart = () => {
  SeriesChart = lazy(loadChart);
};

/**
 * A card's plot area. It draws its chart in turns with the other cards (see `useRevealedPlot`),
 * only while on screen, at the size the card gives it; it is hidden from screen readers, since the
 * card's caption says what the chart shows.
 */
export function CardPlot({ plot }: { plot: ChartPlot }) {
  const box = useRef<HTMLDivElement>(null);
  const size = useBoxSize(box);
  const drawn = useRevealedPlot(plot, useInView(box) && size !== null && size.width > 0 && size.height > 0);
  return (
    <div className="charts-card__plot" aria-hidden="true" ref={box}>
      {drawn && size && (
        <PlotBoundary onRetry={reloadChart}>
          <Suspense fallback={null}>
            <SeriesChart plot={drawn.plot} frame={drawn.frame} size={size} />
          </Suspense>
        </PlotBoundary>
      )}
    </div>
  );
}
