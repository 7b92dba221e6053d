// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { playBot, prepareRun } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import type { Scenario } from '../../src/scenarios/schema';
import { importReplayText } from '../../src/ui/debrief/import-replay';
import { scenarioCard } from '../../src/scenarios/schema/scenario-card';
import { useImportedScenarios } from '../../src/ui/scenario-import/imported-scenarios-store';
import { loadBuiltinScenario } from '../../src/ui/scenarios/builtin-scenarios';
import { CatalogueScreen } from '../../src/ui/screens/catalogue/CatalogueScreen';
import { usePreferences } from '../../src/ui/store/preferences-store';
import { useSessionStore } from '../../src/ui/store/session-store';
import { brokenWalkthroughText, notYamlText } from '../e2e/fixtures/scenario-files';

let imported: Scenario;

beforeAll(async () => {
  const builtin = await loadBuiltinScenario('avro-schema-break');
  if (!builtin) throw new Error('the built-in scenario did not load');
  imported = { ...builtin, id: 'own-drill', title: 'Our own drill' };
});

beforeEach(() => {
  localStorage.clear();
  useSessionStore.setState({ session: null, speed: 5, paused: false });
  usePreferences.setState({ theme: 'dark', speed: 5, hintsOn: true, bestScores: {} });
  useImportedScenarios.setState({ imports: [], setAside: [], loadError: null });
});

afterEach(cleanup);

function chooseFile(name: string, text: string): void {
  const input = screen.getByLabelText('Import a scenario') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/yaml' })] } });
}

async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('importing a scenario in the catalogue', () => {
  it('offers a named file picker for YAML and JSON scenario files', () => {
    render(<CatalogueScreen notice={null} />);
    const input = screen.getByLabelText('Import a scenario') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept.split(',')).toEqual(expect.arrayContaining(['.yaml', '.yml', '.json']));
  });

  it('lists every problem of a refused file as path and problem in a dialog, and changes nothing else', async () => {
    const { container } = render(<CatalogueScreen notice={null} />);
    const cardsBefore = screen.getAllByRole('article').length;
    chooseFile('broken.yaml', brokenWalkthroughText());
    const dialog = await screen.findByRole('dialog', { name: 'broken.yaml was not imported' }, { timeout: 10_000 });
    expect(dialog.textContent).toMatch(/walkthrough\.\d+\.command\.action: names action "restart-everything", which is not defined/);
    expect(dialog.textContent).toContain('Nothing in your catalogue changed');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getAllByRole('article')).toHaveLength(cardsBefore);
    expect(useImportedScenarios.getState().imports).toEqual([]);
    await expectNoAxeViolations(container);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says a file that is not YAML at all could not be read, at the top level', async () => {
    render(<CatalogueScreen notice={null} />);
    chooseFile('notes.txt', notYamlText);
    const dialog = await screen.findByRole('dialog', { name: 'notes.txt was not imported' });
    expect(dialog.textContent).toMatch(/\(top level\): is not valid YAML or JSON: line \d+/);
  });

  it('takes a file dropped on the page and shows a drop target while it is dragged over', async () => {
    render(<CatalogueScreen notice={null} />);
    const dataTransfer = { types: ['Files'], files: [new File([notYamlText], 'dropped.yaml')], dropEffect: 'none' };
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer });
    });
    expect(screen.getByText('Drop to import a scenario')).toBeTruthy();
    act(() => {
      fireEvent.drop(window, { dataTransfer });
    });
    expect(screen.queryByText('Drop to import a scenario')).toBeNull();
    expect(await screen.findByRole('dialog', { name: 'dropped.yaml was not imported' })).toBeTruthy();
  });

  it('ignores a drag that carries no files', () => {
    render(<CatalogueScreen notice={null} />);
    act(() => {
      fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } });
    });
    expect(screen.queryByText('Drop to import a scenario')).toBeNull();
  });

  it('marks an imported card and removes it only after confirmation', async () => {
    useImportedScenarios.setState({ imports: [{ card: scenarioCard(imported), scenario: imported, fileName: 'own-drill.yaml', text: 'id: own-drill', importedAt: '2026-05-04T09:00:00.000Z' }] });
    const { container } = render(<CatalogueScreen notice={null} />);
    const card = screen.getByRole('article', { name: 'Our own drill' });
    expect(within(card).getByText('Imported')).toBeTruthy();
    expect(within(card).getByText('own-drill.yaml')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Blank executive dashboard' })).queryByText('Imported')).toBeNull();
    await expectNoAxeViolations(container);

    fireEvent.click(within(card).getByRole('button', { name: 'Remove Our own drill' }));
    let confirm = screen.getByRole('dialog', { name: 'Remove “Our own drill”?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('article', { name: 'Our own drill' })).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Remove Our own drill' }));
    confirm = screen.getByRole('dialog', { name: 'Remove “Our own drill”?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove scenario' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Our own drill' })).toBeNull());
    // The card goes when the store drops it; the announcement is set after that, a render later.
    expect(await screen.findByText('Removed “Our own drill” from the catalogue.')).toBeTruthy();
    expect(useImportedScenarios.getState().imports).toEqual([]);
  });

  it('opens the briefing of an imported scenario like a built-in one', async () => {
    useImportedScenarios.setState({ status: 'ready', imports: [{ card: scenarioCard(imported), scenario: imported, fileName: 'own-drill.yaml', text: 'id: own-drill', importedAt: '2026-05-04T09:00:00.000Z' }] });
    render(<CatalogueScreen notice={null} />);
    fireEvent.click(screen.getByRole('button', { name: /Open briefing.*Our own drill/ }));
    // The briefing is a link: the app opens whatever scenario the address names, imported or built in.
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/scenario\/own-drill\?level=\w+&seed=\d+$/));
  });

  it('shows the stored imports that no longer validate, and keeps them until discarded', async () => {
    useImportedScenarios.setState({ setAside: [{ key: 'old-drill', fileName: 'old-drill.yaml', reason: 'it no longer validates: clock: is missing', setAsideAt: '2026-05-04T09:00:00.000Z' }] });
    render(<CatalogueScreen notice={null} />);
    const notice = screen.getByText('1 imported scenario no longer validates and was set aside:').parentElement as HTMLElement;
    expect(notice.textContent).toContain('old-drill.yaml: it no longer validates: clock: is missing.');
    expect(within(notice).getByRole('button', { name: 'Download old-drill.yaml' })).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Discard it' }));
    await waitFor(() => expect(screen.queryByText(/no longer validates and was set aside/)).toBeNull());
  });

  it('checks a replay of a run on an imported scenario, and refuses it once the scenario is removed', async () => {
    useImportedScenarios.setState({ status: 'ready', imports: [{ card: scenarioCard(imported), scenario: imported, fileName: 'own-drill.yaml', text: 'id: own-drill', importedAt: '2026-05-04T09:00:00.000Z' }] });
    const run = prepareRun(imported, 5, 'normal');
    const file = JSON.stringify({ ...makeReplayFile(run, playBot(run, 'idle', 5).state), exportedAt: '2026-05-04T10:00:00.000Z' });
    expect(await importReplayText(file)).toEqual({ ok: true });
    expect(useSessionStore.getState().session?.scenario.id).toBe('own-drill');

    useSessionStore.setState({ session: null });
    await useImportedScenarios.getState().remove('own-drill');
    expect(await importReplayText(file)).toEqual({ ok: false, error: expect.stringContaining('"own-drill", which this copy of Firedrill does not have') });
  });
});
