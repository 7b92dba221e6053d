import { useDeferredValue, useMemo, useState } from 'react';
import type { PlayerView } from '../../../engine';
import { selectDashboards } from '../../selectors/dashboards';
import { defaultWindowS } from '../../selectors/series-window';
import { useView } from '../../hooks/use-session';
import { BiCard } from './BiCard';
import { ChartCard } from './ChartCard';
import { WindowPicker } from './WindowPicker';
import './charts.css';

/**
 * Live monitoring charts, Grafana-style small multiples derived from the topology. Subscribes to
 * the engine's view only (a new object per engine state, or a frozen moment in the debrief),
 * never to the display clock, so it redraws at the engine's pace, not at the clock's.
 */
export function DashboardsPanel() {
  // The charts draw at low priority: React renders them in slices between the clock's frames (the
  // first drawing too, after the console's first paint) and drops a redraw a newer view overtook.
  const view = useDeferredValue<PlayerView | null>(useView(), null);
  const [windowS, setWindowS] = useState(defaultWindowS);
  const model = useMemo(() => (view ? selectDashboards(view, windowS) : null), [view, windowS]);
  return (
    <section className={`panel charts-panel${model && model.cards.length === 0 ? ' charts-panel--empty' : ''}`} aria-labelledby="dashboards-title">
      <header className="panel__header">
        <h2 className="panel__title" id="dashboards-title">
          Dashboards
        </h2>
        <div className="charts-panel__tools">
          {model && (
            <span className="charts-panel__asof">
              as of <span className="mono">{model.asOf}</span>
            </span>
          )}
          <WindowPicker value={windowS} onChange={setWindowS} />
        </div>
      </header>
      <div className="panel__body charts-panel__body" role="region" aria-label="Monitoring charts" tabIndex={0}>
        {model && model.cards.length > 0 ? (
          <div className="charts-grid">
            {model.cards.map((card) => (card.type === 'bi' ? <BiCard key={card.id} card={card} /> : <ChartCard key={card.id} card={card} />))}
          </div>
        ) : model ? (
          // A world with no pipeline, table or dashboard in it (a planning incident) has nothing to chart.
          <p className="empty">No production pipeline is monitored in this incident. Work it from the tools, the chat and the runbook.</p>
        ) : null}
      </div>
    </section>
  );
}
