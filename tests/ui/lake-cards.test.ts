import { describe, expect, it } from 'vitest';
import { playerView, prepareRun, type PlayerView } from '../../src/engine';
import { buildDashboards, type ChartCardModel, type DashboardsModel } from '../../src/ui/selectors/dashboards';
import { tabOfKind } from '../../src/ui/console/tools/tool-tabs';
import { formatValueText } from '../../src/ui/selectors/format';
import { lateSteps } from '../support/late-steps';
import { Sim, scenario } from '../support/sim-harness';

function chart(model: DashboardsModel, id: string): ChartCardModel {
  const card = model.cards.find((c): c is ChartCardModel => c.type === 'chart' && c.id === id);
  if (!card) throw new Error(`no chart ${id} among ${model.cards.map((c) => c.id).join(', ')}`);
  return card;
}

function viewAfterPage(id: string, then: (sim: Sim) => Sim = (sim) => sim): PlayerView {
  const s = prepareRun(scenario(id), 1, 'normal');
  const sim = then(new Sim(s, 1).start().waitForPage().ack());
  return playerView(s, sim.state);
}

describe('dashboard cards for late data and table files', () => {
  it('charts completeness against late drops and flags the table incomplete', () => {
    const model = buildDashboards(viewAfterPage('late-mobile-events'));
    const card = chart(model, 'table:user_activity_hourly:completeness');
    expect(card.reading.status).toEqual({ label: 'INCOMPLETE', tone: 'danger' });
    expect(card.reading.detail).toMatch(/late events dropped\/min/);
  });

  it('shows the table complete again after the fix and reprocess', () => {
    const view = viewAfterPage('late-mobile-events', (sim) => sim.typeAll(lateSteps.raiseLateness12h).typeAll(lateSteps.reprocessOverwrite).advance(1800));
    expect(chart(buildDashboards(view), 'table:user_activity_hourly:completeness').reading.status.label).toBe('OK');
  });

  it('charts file count and query latency against projected cost, and says when files pile up', () => {
    const model = buildDashboards(viewAfterPage('small-files-cost'));
    expect(chart(model, 'table:page_events:files').reading.status.label).toBe('PILING UP');
    const query = chart(model, 'table:page_events:query');
    expect(query.reading.status).toEqual({ label: 'SLOW', tone: 'danger' });
    expect(query.reading.detail).toMatch(/projected \$\d(\.\d+)?k per day/);
  });

  it('gives the new tool outputs a home in the tools panel', () => {
    expect(tabOfKind['table-files']).toBe('tables');
    expect(tabOfKind['query-profile']).toBe('tables');
    expect(tabOfKind['late-events']).toBe('jobs');
    expect(formatValueText('usdPerDay', 3341)).toBe('$3.34k per day');
  });
});
