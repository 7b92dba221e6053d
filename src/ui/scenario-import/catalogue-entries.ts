import type { ScenarioCard } from '../../scenarios/schema/scenario-card';
import type { ImportedScenario } from './imported-scenarios-store';

/** One card in the catalogue: a built-in scenario, or an imported one with where it came from. */
export type CatalogueEntry = { card: ScenarioCard; imported: null } | { card: ScenarioCard; imported: { fileName: string; importedAt: string } };

/**
 * The catalogue's cards: the built-ins in their shipped order, then the imports by title. An
 * import can never shadow a built-in (the importer refuses its id), but if one somehow shares an
 * id the built-in wins, so a card is never listed twice.
 */
export function catalogueEntries(builtins: readonly ScenarioCard[], imports: readonly ImportedScenario[]): CatalogueEntry[] {
  const builtinIds = new Set(builtins.map((c) => c.id));
  const imported = imports
    .filter((i) => !builtinIds.has(i.card.id))
    .sort((a, b) => a.card.title.localeCompare(b.card.title) || a.card.id.localeCompare(b.card.id))
    .map((i): CatalogueEntry => ({ card: i.card, imported: { fileName: i.fileName, importedAt: i.importedAt } }));
  return [...builtins.map((card): CatalogueEntry => ({ card, imported: null })), ...imported];
}
