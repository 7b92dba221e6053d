import { describe, expect, it } from 'vitest';
import type { ScenarioCard } from '../../src/scenarios/schema/scenario-card';
import { catalogueEntries } from '../../src/ui/scenario-import/catalogue-entries';
import type { ImportedScenario } from '../../src/ui/scenario-import/imported-scenarios-store';
import type { Scenario } from '../../src/scenarios/schema';

function card(id: string, title: string): ScenarioCard {
  return { id, version: 1, kind: 'incident', title, hook: 'h', difficulty: 'normal', tags: [], systems: [], expectedMinutes: 30 };
}

function imported(id: string, title: string): ImportedScenario {
  return { card: card(id, title), scenario: { id } as Scenario, fileName: `${id}.yaml`, text: `id: ${id}`, importedAt: '2026-01-02T03:04:05.000Z' };
}

describe('the catalogue with imported scenarios', () => {
  it('lists the built-ins first in their order, then the imports by title, each marked with its file', () => {
    const entries = catalogueEntries([card('b2', 'Zeta'), card('b1', 'Alpha')], [imported('i1', 'Omega'), imported('i2', 'Beta')]);
    expect(entries.map((e) => [e.card.id, e.imported?.fileName ?? null])).toEqual([
      ['b2', null],
      ['b1', null],
      ['i2', 'i2.yaml'],
      ['i1', 'i1.yaml'],
    ]);
  });

  it('never lists an import that shares a built-in id', () => {
    const entries = catalogueEntries([card('same', 'Built in')], [imported('same', 'Imported copy')]);
    expect(entries).toEqual([{ card: card('same', 'Built in'), imported: null }]);
  });
});
