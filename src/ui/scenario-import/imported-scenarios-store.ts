import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ScenarioProblem } from '../../scenarios/cross-references';
import type { Scenario } from '../../scenarios/schema';
import { scenarioCard, type ScenarioCard } from '../../scenarios/schema/scenario-card';
import { scenarioCards } from '../scenarios/builtin-scenarios';
import { runValidation } from './run-validation';
import { createImportedScenarioDb, type ImportedScenarioDb, type SetAsideImport, type StoredCheck, type StoredImport } from './imported-scenario-db';

/** An imported scenario that validated: playable like a built-in. */
export interface ImportedScenario {
  card: ScenarioCard;
  scenario: Scenario;
  fileName: string;
  /** The file's text as imported: a room created from it sends this to the server, which checks it again. */
  text: string;
  importedAt: string;
}

/** What importing one file gave. */
export type ImportOutcome =
  | {
      ok: true;
      fileName: string;
      id: string;
      title: string;
      /** An earlier import with the same id was replaced. */
      replaced: boolean;
      /** False when this browser would not store it: it plays now but is gone after a reload. */
      kept: boolean;
    }
  | { ok: false; fileName: string; problems: ScenarioProblem[] };

/** The part of a File an import reads (a File is one). */
export interface ImportFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

/** The imported scenarios of this browser and what can be done with them. */
export interface ImportedScenariosState {
  /** `unavailable`: this browser keeps no storage (imports last until the page closes). */
  status: 'idle' | 'loading' | 'ready' | 'unavailable';
  /** How many stored imports are being checked while loading (they join the catalogue when done). */
  checking: number;
  imports: ImportedScenario[];
  /** Stored imports that no longer validate, kept apart until the player discards them. */
  setAside: SetAsideImport[];
  /** Why the stored imports could not be read this time (they stay stored), if they could not. */
  loadError: string | null;
  /** Reads and re-validates the stored imports once; later calls wait for the same read. */
  ensureLoaded: () => Promise<void>;
  /** Validates a file and, if it is a valid scenario, adds it (replacing an import with its id) and stores it. */
  importFile: (file: ImportFile) => Promise<ImportOutcome>;
  /** Forgets an import. */
  remove: (id: string) => Promise<void>;
  /** The original text of a set-aside import, to download and fix. */
  setAsideText: (key: string) => Promise<string | null>;
  /** Forgets every set-aside import. */
  discardSetAside: () => Promise<void>;
}

/** Files larger than this are refused before reading them (the loader's own limit is 2 million characters). */
export const maxImportBytes = 8_000_000;

/** The first problems of a file in one line, for a set-aside notice. */
export function summarizeProblems(problems: readonly ScenarioProblem[], shown = 3): string {
  const lines = problems.slice(0, shown).map((p) => `${p.path || '(top level)'}: ${p.message}`);
  const more = problems.length - shown;
  return more > 0 ? `${lines.join('; ')}; and ${more} more problem${more === 1 ? '' : 's'}` : lines.join('; ');
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Builds the imported-scenarios store over a database (null: no storage) and the built-in ids it must not shadow. */
export function createImportedScenariosStore(options: {
  db: () => ImportedScenarioDb | null;
  builtinIds: ReadonlySet<string>;
  now?: () => Date;
  /** The checker; tests may pass a faster one. */
  validate?: typeof runValidation;
}): UseBoundStore<StoreApi<ImportedScenariosState>> {
  const now = options.now ?? (() => new Date());
  const validate = options.validate ?? runValidation;
  let loading: Promise<void> | null = null;
  let db: ImportedScenarioDb | null | undefined;
  const database = () => {
    if (db === undefined) db = options.db();
    return db;
  };

  return create<ImportedScenariosState>()((set, get) => ({
    status: 'idle',
    checking: 0,
    imports: [],
    setAside: [],
    loadError: null,

    ensureLoaded: () => {
      loading ??= (async () => {
        const store = database();
        if (!store) return set({ status: 'unavailable' });
        set({ status: 'loading' });
        try {
          const loaded = await store.load(async (stored: StoredImport): Promise<StoredCheck<Scenario>> => {
            const result = await validate(stored.text, stored.fileName, options.builtinIds);
            if (!result.ok) return { ok: false, reason: `it no longer validates: ${summarizeProblems(result.problems)}` };
            if (result.scenario.id !== stored.id) return { ok: false, reason: `its file now has the id "${result.scenario.id}", not "${stored.id}"` };
            return { ok: true, value: result.scenario };
          }, (checking) => set({ checking }));
          const restored = loaded.imports.map(({ stored, value }) => ({ card: scenarioCard(value), scenario: value, fileName: stored.fileName, text: stored.text, importedAt: stored.importedAt }));
          // Imports made while the stored ones were being read win over what was on disk.
          const fresh = get().imports;
          set({ status: 'ready', checking: 0, imports: [...restored.filter((r) => !fresh.some((f) => f.card.id === r.card.id)), ...fresh], setAside: loaded.setAside });
        } catch (e) {
          // Storage that cannot be opened (private mode, quota, blocked): imports still work until the page closes.
          set({ status: 'unavailable', checking: 0, loadError: describeError(e) });
        }
      })();
      return loading;
    },

    importFile: async (file) => {
      const fileName = file.name;
      const refuse = (message: string): ImportOutcome => ({ ok: false, fileName, problems: [{ path: '', message }] });
      if (file.size > maxImportBytes) return refuse(`is ${file.size.toLocaleString('en')} bytes; a scenario file can be at most ${maxImportBytes.toLocaleString('en')}`);
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        return refuse(`could not be read: ${describeError(e)}`);
      }
      await get().ensureLoaded();
      const result = await validate(text, fileName, options.builtinIds);
      if (!result.ok) return { ok: false, fileName, problems: result.problems };
      const { scenario } = result;
      const entry: ImportedScenario = { card: scenarioCard(scenario), scenario, fileName, text, importedAt: now().toISOString() };
      const replaced = get().imports.some((i) => i.card.id === scenario.id);
      let kept = false;
      const store = database();
      if (store) {
        try {
          await store.save({ id: scenario.id, fileName, text, importedAt: entry.importedAt });
          kept = true;
        } catch {
          kept = false;
        }
      }
      set((s) => ({ imports: [...s.imports.filter((i) => i.card.id !== scenario.id), entry] }));
      return { ok: true, fileName, id: scenario.id, title: scenario.title, replaced, kept };
    },

    remove: async (id) => {
      const store = database();
      if (store && get().status !== 'unavailable') await store.remove(id);
      set((s) => ({ imports: s.imports.filter((i) => i.card.id !== id) }));
    },

    setAsideText: async (key) => {
      const store = database();
      return store ? store.setAsideText(key) : null;
    },

    discardSetAside: async () => {
      const store = database();
      if (store) await store.clearSetAside();
      set({ setAside: [] });
    },
  }));
}

/** The imported scenarios of this browser, stored in IndexedDB (none kept where it is missing). */
export const useImportedScenarios = createImportedScenariosStore({
  db: () => (typeof indexedDB === 'undefined' ? null : createImportedScenarioDb()),
  builtinIds: new Set(scenarioCards.map((c) => c.id)),
});

/** An imported scenario by id, once the stored imports have been read. */
export async function loadImportedScenario(id: string): Promise<Scenario | null> {
  await useImportedScenarios.getState().ensureLoaded();
  return useImportedScenarios.getState().imports.find((i) => i.card.id === id)?.scenario ?? null;
}
