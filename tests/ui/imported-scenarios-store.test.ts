import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/scenarios/schema';
import { createImportedScenarioDb } from '../../src/ui/scenario-import/imported-scenario-db';
import { createImportedScenariosStore, summarizeProblems, type ImportFile } from '../../src/ui/scenario-import/imported-scenarios-store';
import type { ImportCheck } from '../../src/ui/scenario-import/validate-import';

/**
 * A stand-in for the real checker (which plays each file with the bots): a file is JSON with an
 * id and a title, and `problems` lists what is wrong with it. The real one is tested on its own.
 */
async function fakeValidate(text: string, _fileName: string, builtinIds: ReadonlySet<string>): Promise<ImportCheck> {
  let data: { id: string; title: string; problems?: { path: string; message: string }[] };
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'is not valid YAML or JSON' }] };
  }
  if (data.problems) return { ok: false, problems: data.problems };
  if (builtinIds.has(data.id)) return { ok: false, problems: [{ path: 'id', message: 'is the id of a built-in scenario' }] };
  const scenario = { id: data.id, version: 1, title: data.title, hook: 'A hook.', difficulty: 'easy', tags: [], systems: ['Kafka'], expectedMinutes: 20 } as unknown as Scenario;
  return { ok: true, scenario };
}

function file(name: string, content: unknown): ImportFile {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return { name, size: text.length, text: async () => text };
}

let n = 0;
/** A store on a fresh database; `reopen` makes another store on the same database, as a reload would. */
function setup(validate = fakeValidate) {
  const dbName = `imports-store-test-${++n}`;
  const make = () =>
    createImportedScenariosStore({
      db: () => createImportedScenarioDb({ dbName }),
      builtinIds: new Set(['builtin-one']),
      now: () => new Date('2026-04-01T08:00:00.000Z'),
      validate,
    });
  return { store: make(), reopen: make };
}

describe('importing scenario files', () => {
  it('adds a valid file to the imports and keeps it for the next visit', async () => {
    const { store, reopen } = setup();
    const outcome = await store.getState().importFile(file('drill.yaml', { id: 'drill', title: 'Drill' }));
    expect(outcome).toEqual({ ok: true, fileName: 'drill.yaml', id: 'drill', title: 'Drill', replaced: false, kept: true });
    expect(store.getState().imports.map((i) => [i.card.title, i.fileName, i.importedAt])).toEqual([['Drill', 'drill.yaml', '2026-04-01T08:00:00.000Z']]);

    const reloaded = reopen();
    await reloaded.getState().ensureLoaded();
    expect(reloaded.getState().status).toBe('ready');
    expect(reloaded.getState().imports.map((i) => i.scenario.id)).toEqual(['drill']);
  });

  it('replaces an earlier import with the same id and says so', async () => {
    const { store, reopen } = setup();
    await store.getState().importFile(file('v1.yaml', { id: 'drill', title: 'First' }));
    const outcome = await store.getState().importFile(file('v2.yaml', { id: 'drill', title: 'Second' }));
    expect(outcome).toMatchObject({ ok: true, replaced: true, title: 'Second' });
    expect(store.getState().imports.map((i) => i.card.title)).toEqual(['Second']);
    const reloaded = reopen();
    await reloaded.getState().ensureLoaded();
    expect(reloaded.getState().imports.map((i) => i.fileName)).toEqual(['v2.yaml']);
  });

  it('refuses a broken file with every problem and changes nothing', async () => {
    const { store, reopen } = setup();
    await store.getState().importFile(file('drill.yaml', { id: 'drill', title: 'Drill' }));
    const before = store.getState().imports;
    const problems = [
      { path: 'walkthrough.2.command.action', message: 'names action "nope", which is not defined' },
      { path: 'clock', message: 'is missing' },
    ];
    const outcome = await store.getState().importFile(file('broken.yaml', { id: 'drill', title: 'Broken', problems }));
    expect(outcome).toEqual({ ok: false, fileName: 'broken.yaml', problems });
    expect(store.getState().imports).toBe(before);
    const reloaded = reopen();
    await reloaded.getState().ensureLoaded();
    expect(reloaded.getState().imports.map((i) => i.card.title)).toEqual(['Drill']);
  });

  it('refuses a built-in id', async () => {
    const { store } = setup();
    const outcome = await store.getState().importFile(file('copy.yaml', { id: 'builtin-one', title: 'Copy' }));
    expect(outcome).toEqual({ ok: false, fileName: 'copy.yaml', problems: [{ path: 'id', message: 'is the id of a built-in scenario' }] });
    expect(store.getState().imports).toEqual([]);
  });

  it('refuses a file too large to be a scenario without reading it', async () => {
    const { store } = setup();
    let read = false;
    const outcome = await store.getState().importFile({ name: 'movie.mp4', size: 50_000_000, text: async () => ((read = true), '') });
    expect(outcome).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringContaining('at most 8,000,000') }] });
    expect(read).toBe(false);
  });

  it('forgets a removed import, also after a reload', async () => {
    const { store, reopen } = setup();
    await store.getState().importFile(file('a.yaml', { id: 'a', title: 'A' }));
    await store.getState().importFile(file('b.yaml', { id: 'b', title: 'B' }));
    await store.getState().remove('a');
    expect(store.getState().imports.map((i) => i.card.id)).toEqual(['b']);
    const reloaded = reopen();
    await reloaded.getState().ensureLoaded();
    expect(reloaded.getState().imports.map((i) => i.card.id)).toEqual(['b']);
  });

  it('sets aside, with a visible reason, a stored import that no longer validates when the app starts', async () => {
    let strict = false;
    const validate: typeof fakeValidate = async (text, name, ids) =>
      strict && text.includes('"old"') ? { ok: false, problems: [{ path: 'world.jobs.0.readerSchema', message: 'is not one of pinned, latest' }] } : fakeValidate(text, name, ids);
    const { store, reopen } = setup(validate);
    await store.getState().importFile(file('old.yaml', { id: 'old', title: 'Old' }));
    await store.getState().importFile(file('fine.yaml', { id: 'fine', title: 'Fine' }));
    strict = true; // an engine upgrade tightened the rules
    const reloaded = reopen();
    await reloaded.getState().ensureLoaded();
    expect(reloaded.getState().imports.map((i) => i.card.id)).toEqual(['fine']);
    expect(reloaded.getState().setAside).toEqual([
      { key: 'old', fileName: 'old.yaml', reason: 'it no longer validates: world.jobs.0.readerSchema: is not one of pinned, latest', setAsideAt: expect.any(String) },
    ]);
    expect(await reloaded.getState().setAsideText('old')).toContain('"old"');
    await reloaded.getState().discardSetAside();
    expect(reloaded.getState().setAside).toEqual([]);
  });

  it('says how many stored imports it is checking while the app starts', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    const validate: typeof fakeValidate = async (text, name, ids) => {
      if (held) await gate;
      return fakeValidate(text, name, ids);
    };
    const { store, reopen } = setup(validate);
    await store.getState().importFile(file('a.yaml', { id: 'a', title: 'A' }));
    await store.getState().importFile(file('b.yaml', { id: 'b', title: 'B' }));
    held = true;
    const reloaded = reopen();
    const loading = reloaded.getState().ensureLoaded();
    await vi.waitFor(() => expect(reloaded.getState().checking).toBe(2));
    expect(reloaded.getState().imports).toEqual([]);
    release();
    await loading;
    expect(reloaded.getState().checking).toBe(0);
    expect(reloaded.getState().imports).toHaveLength(2);
  });

  it('still imports, for this visit only, where the browser keeps no storage', async () => {
    const store = createImportedScenariosStore({ db: () => null, builtinIds: new Set(), validate: fakeValidate });
    await store.getState().ensureLoaded();
    expect(store.getState().status).toBe('unavailable');
    const outcome = await store.getState().importFile(file('drill.yaml', { id: 'drill', title: 'Drill' }));
    expect(outcome).toMatchObject({ ok: true, kept: false });
    expect(store.getState().imports).toHaveLength(1);
  });

  it('says why the stored imports could not be read, and still imports for this visit', async () => {
    const broken = { ...createImportedScenarioDb({ dbName: `imports-store-test-${++n}` }), load: async () => Promise.reject(new Error('storage is blocked')) };
    const store = createImportedScenariosStore({ db: () => broken, builtinIds: new Set(), validate: fakeValidate });
    await store.getState().ensureLoaded();
    expect(store.getState()).toMatchObject({ status: 'unavailable', loadError: 'storage is blocked' });
    expect(await store.getState().importFile(file('drill.yaml', { id: 'drill', title: 'Drill' }))).toMatchObject({ ok: true });
  });

  it('sums up the first problems of a file in one line', () => {
    const problems = [1, 2, 3, 4, 5].map((i) => ({ path: `a.${i}`, message: `bad ${i}` }));
    expect(summarizeProblems(problems)).toBe('a.1: bad 1; a.2: bad 2; a.3: bad 3; and 2 more problems');
    expect(summarizeProblems([{ path: '', message: 'is empty' }])).toBe('(top level): is empty');
  });
});
