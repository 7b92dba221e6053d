import { describe, expect, it } from 'vitest';
import { playerView, prepareRun } from '../../src/engine';
import { tabOfKind } from '../../src/ui/console/tools/tool-tabs';
import { buildDashboards, type ChartCardModel } from '../../src/ui/selectors/dashboards';
import { Sim, scenario } from '../support/sim-harness';

function healthCard(id: string, job: string): ChartCardModel {
  const s = prepareRun(scenario(id), 1, 'normal');
  const sim = new Sim(s, 1).start().waitForPage().ack();
  const model = buildDashboards(playerView(s, sim.state));
  const card = model.cards.find((c): c is ChartCardModel => c.type === 'chart' && c.id === `job:${job}:health`);
  if (!card) throw new Error(`no health card for ${job}`);
  return card;
}

describe('consumer-group rebalances on the job health card', () => {
  it('charts rebalances for a job that models its poll loop', () => {
    const card = healthCard('consumer-lag-storm', 'fraud-enricher');
    expect(card.title).toBe('Restarts, rebalances & errors');
    expect(card.plot.lines.map((l) => l.label)).toContain('Rebalances');
  });

  it('leads with the rebalance count, keeping restarts and errors in the detail', () => {
    const card = healthCard('double-counted-revenue', 'orders-loader');
    expect(card.reading.headline?.unit).toMatch(/^rebalances?$/);
    expect(card.reading.detail).toMatch(/restarts · .* errors\/min/);
  });

  it('charts no duplicate rows of a table a rebalancing consumer double-loads: no monitor counts them live', () => {
    const s = prepareRun(scenario('double-counted-revenue'), 1, 'normal');
    const sim = new Sim(s, 1).start().waitForPage().ack();
    expect(sim.metric('table.orders_fact.duplicates')).toBeGreaterThan(0);
    const cards = buildDashboards(playerView(s, sim.state)).cards;
    expect(cards.map((c) => c.id)).toContain('table:orders_fact:rows');
    expect(cards.map((c) => c.id)).not.toContain('table:orders_fact:duplicates');
  });

  it('leaves the card as it was for a job without a poll loop', () => {
    const card = healthCard('avro-schema-break', 'orders-enricher');
    expect(card.plot.lines.map((l) => l.label)).not.toContain('Rebalances');
  });

  it('shows the reconciliation query in the tables tab', () => {
    expect(tabOfKind.reconciliation).toBe('tables');
  });
});
