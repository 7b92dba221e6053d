import { describe, expect, it } from 'vitest';
import { prepareRun, seedsForVariants } from '../../src/engine';
import { Sim, scenario } from '../support/sim-harness';

const cdc = scenario('cdc-column-rename');
const seedOf = (variant: string) => seedsForVariants(cdc).find((v) => v.variant === variant)?.seed ?? 1;
const lastOutput = (sim: Sim) => sim.state.outputs.at(-1)?.body ?? '';

describe('scenario text that depends on what happened', () => {
  it('shows the case of the fault this run applied', () => {
    const renamed = new Sim(prepareRun(cdc, seedOf('column-renamed')), seedOf('column-renamed')).start().waitForPage().complete('query-source');
    expect(lastOutput(renamed)).toContain('column "amount" does not exist');
    const appNulls = new Sim(prepareRun(cdc, seedOf('app-writes-nulls')), seedOf('app-writes-nulls')).start().waitForPage().complete('query-source');
    expect(lastOutput(appNulls)).toContain('wallet         |   1203 |        1203');
  });

  it('shows the default body before any listed fault has happened', () => {
    const prepared = prepareRun(cdc, seedOf('column-renamed'));
    // The same run with the migration moved past the player's start.
    const s = { ...prepared, faults: prepared.faults.map((f) => (f.id === 'rename-migration' ? { ...f, atS: 3000, jitterS: 0 } : f)) };
    const sim = new Sim(s, seedOf('column-renamed')).start();
    expect(sim.state.faultsApplied).not.toContain('rename-migration');
    sim.complete('read-deploy-log');
    expect(lastOutput(sim)).toContain('no deploys, migrations or flag changes');
    sim.advance(3100 - sim.state.t).complete('read-deploy-log');
    expect(lastOutput(sim)).toContain('migrated shop to V2024_06_04_1 (rename_orders_amount.sql)');
  });
});
