import { lazy, Suspense } from 'react';
import type { ChartPlot } from '../../selectors/dashboards';

// The chart library comes after the console's first paint: the console opens with its cards'
// captions and figures, and each plot draws once the library has arrived (and its turn comes).
const SeriesChart = lazy(() => import('./SeriesChart').then((m) => ({ default: m.SeriesChart })));

/** A card's plot, drawn with the chart library once it has loaded; nothing until then. */
export function LazySeriesChart({ plot }: { plot: ChartPlot }) {
  return (
    <Suspense fallback={null}>
      <SeriesChart plot={plot} />
    </Suspense>
  );
}
