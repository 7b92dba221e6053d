// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { debriefView, playBot, playerView, prepareRun, timeOfDay, type SimState } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import type { Scenario } from '../../src/scenarios/schema';
import { partMax, scoringVersion } from '../../src/engine/scoring/score-run';
import { importReplayText } from '../../src/ui/debrief/import-replay';
import { ImportReplayControl } from '../../src/ui/debrief/ImportReplayControl';
import { loadBuiltinScenario } from '../../src/ui/scenarios/builtin-scenarios';
import ResultScreen from '../../src/ui/screens/result/ResultScreen';
import { usePreferences } from '../../src/ui/store/preferences-store';
import { useSessionStore } from '../../src/ui/store/session-store';

// jsdom has no layout: report a chart-sized box so Recharts draws.
class SizedResizeObserver {
  constructor(private readonly callback: (entries: { target: Element; contentRect: { width: number; height: number } }[]) => void) {}
  observe(target: Element): void {
    this.callback([{ target, contentRect: { width: 400, height: 160 } }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver = SizedResizeObserver;

let scenario: Scenario;
const seed = 3;
let model: SimState;
let idle: SimState;

beforeAll(async () => {
  const loaded = await loadBuiltinScenario('avro-schema-break');
  if (!loaded) throw new Error('the built-in scenario did not load');
  scenario = prepareRun(loaded, seed);
  model = playBot(scenario, 'model', seed).state;
  idle = playBot(scenario, 'idle', seed).state;
});

beforeEach(() => {
  localStorage.clear();
  useSessionStore.setState({ session: null, speed: 5, paused: false });
  usePreferences.setState({ theme: 'dark', speed: 5, hintsOn: true, bestScores: {} });
  // The scrubber follows the input once per animation frame; run frames at once.
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    cb(0);
    return 1;
  });
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function showState(state: SimState): void {
  useSessionStore.setState({ session: { scenario, seed: state.seed, level: 'normal', hintsOn: true, state, view: playerView(scenario, state), clock: state.t } });
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });

describe('debrief', () => {
  it('shows the score card, milestones, timeline, decision review, walkthrough, root cause and exports for a model run', () => {
    showState(model);
    const debrief = debriefView(scenario, model);
    if (!debrief) throw new Error('no debrief');
    render(<ResultScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Debrief' })).toBeTruthy();
    expect(region('Debrief').textContent).toContain(`${debrief.report.total} / ${debrief.report.maxScore}`);
    for (const name of ['Incident times', 'Score breakdown', 'Timeline', 'Decisions', 'Key steps against the model', 'Root cause', 'Postmortem', 'Export']) {
      expect(region(name)).toBeTruthy();
    }
    // The first screen: nothing cost the model anything.
    expect(within(region('What cost you most')).getByText(/Nothing: you matched the model/)).toBeTruthy();
    // Par per part: the model's own points.
    expect(within(region('Score breakdown')).getByRole('columnheader', { name: 'Par' })).toBeTruthy();
    // Milestones, folded under the incident times: every row, the model's figures as wall times.
    const milestones = within(region('Debrief'));
    for (const m of debrief.milestones) expect(milestones.getByRole('rowheader', { name: m.label })).toBeTruthy();
    expect(milestones.getByText(/You reached 5 of 5 milestones/)).toBeTruthy();
    // Timeline: one chart per key metric, described in words.
    const timeline = within(region('Timeline'));
    for (const k of debrief.keyMetrics) expect(timeline.getAllByText(k.label).length).toBeGreaterThan(0);
    expect(timeline.getByRole('slider', { name: 'Scrub the incident timeline' })).toBeTruthy();
    // Walkthrough, folded with the key steps: every step and its reason.
    const walkthrough = within(region('Key steps against the model'));
    for (const line of debrief.walkthrough) expect(walkthrough.getAllByText(line.why).length).toBeGreaterThan(0);
    // Root cause revealed, the model's declaration marked correct.
    expect(within(region('Root cause')).getByText(debrief.rootCause.statement)).toBeTruthy();
    expect(within(region('Root cause')).getAllByText('✓ Correct').length).toBeGreaterThan(0);
    // A model run did every key step.
    expect(within(region('Key steps against the model')).queryByText('not done')).toBeNull();
  });

  it('marks key steps an idle run never did as "not done", with what that cost', () => {
    showState(idle);
    const debrief = debriefView(scenario, idle);
    if (!debrief) throw new Error('no debrief');
    render(<ResultScreen />);
    // The first screen leads with the three costliest things, each with its points.
    const costs = within(region('What cost you most')).getAllByRole('listitem');
    expect(costs).toHaveLength(3);
    expect(costs[0]?.textContent).toMatch(/^−\d/);
    const steps = within(region('Key steps against the model'));
    const missed = debrief.keySteps.filter((k) => k.playerAt === null);
    expect(missed.length).toBeGreaterThan(0);
    expect(steps.getAllByText('not done')).toHaveLength(missed.length);
    for (const k of missed) if (k.cost) expect(steps.getAllByText(k.cost).length).toBeGreaterThan(0);
    expect(steps.getAllByText(new RegExp(`diagnose part scores 0 of ${partMax.diagnose}(?![0-9])`)).length).toBeGreaterThan(0);
    expect(within(region('Root cause')).getByText('You declared no root cause.')).toBeTruthy();
  });

  it('scrubs the timeline: the frozen console shows the state at that moment', () => {
    showState(model);
    render(<ResultScreen />);
    const slider = screen.getByRole('slider', { name: 'Scrub the incident timeline' }) as HTMLInputElement;
    expect(Number(slider.min)).toBe(scenario.clock.playerStartS);
    expect(Number(slider.max)).toBe(model.ended?.at);
    expect(slider.step).toBe(String(scenario.clock.tickS));
    const frozen = () => region(/^State at /);
    expect(within(frozen()).getByRole('heading', { name: 'State at 08:59:00' })).toBeTruthy();
    // At the start no page has fired yet.
    expect(within(frozen()).queryByText('PAGE')).toBeNull();

    const detected = model.milestones.detected ?? 0;
    act(() => void fireEvent.change(slider, { target: { value: String(detected + 30) } }));
    expect(within(frozen()).getAllByText('PAGE').length).toBeGreaterThan(0);
    // Read-only: no acknowledge button in the past.
    expect(within(frozen()).queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    const at = timeOfDay(scenario.clock, detected + 30);
    expect(within(frozen()).getByRole('heading', { name: `State at ${at}` })).toBeTruthy();
    expect(document.querySelector('output')?.textContent).toMatch(new RegExp(`^${at}`));
  });

  it('exports the postmortem, the STAR story and the replay with the right names and contents', async () => {
    showState(model);
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return `blob:test/${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<ResultScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Download postmortem (Markdown)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download STAR story (Markdown)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download replay (JSON)' }));
    const base = `firedrill-avro-schema-break-seed${seed}`;
    expect(names).toEqual([`${base}-postmortem.md`, `${base}-star-story.md`, `${base}-replay.json`]);
    const [postmortem, star, replayBlob] = await Promise.all(blobs.map((b) => b.text()));
    expect(postmortem).toMatch(/^# /);
    expect(star).toMatch(/Situation/);
    const file = JSON.parse(replayBlob ?? '') as Record<string, unknown>;
    const expected = makeReplayFile(scenario, model);
    expect({ ...file, exportedAt: undefined }).toEqual({ ...expected, exportedAt: undefined });
    expect(typeof file.exportedAt).toBe('string');

    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalled();
  });

  it('imports a faithful replay into the debrief, and refuses a tampered one with the engine’s message', async () => {
    const file = { ...makeReplayFile(scenario, idle), exportedAt: '2024-01-01T00:00:00.000Z' };
    expect(await importReplayText(JSON.stringify(file), 'alex.json')).toEqual({ ok: true });
    const session = useSessionStore.getState().session;
    expect(session?.state.ended).toBeTruthy();
    expect(session?.seed).toBe(seed);
    expect(session?.origin).toEqual({ kind: 'imported', fileName: 'alex.json', kept: false });

    useSessionStore.setState({ session: null });
    render(<ImportReplayControl />);
    const input = screen.getByLabelText('Import a replay') as HTMLInputElement;
    expect(input.accept).toBe('.json,application/json');
    const tampered = JSON.stringify({ ...file, score: { ...file.score, total: file.score.total + 10 } });
    fireEvent.change(input, { target: { files: [new File([tampered], 'replay.json', { type: 'application/json' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/it was edited or is corrupt/);
    expect(useSessionStore.getState().session).toBeNull();

    fireEvent.change(input, { target: { files: [new File(['not json'], 'x.json')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON/));
    fireEvent.change(input, { target: { files: [new File([JSON.stringify({ ...file, scenarioVersion: 99 })], 'x.json')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/made for version 99/));
  });

  it('opens a replay scored under older rules re-scored by today’s, and says both scores on the debrief', async () => {
    const { scoringVersion: _today, ...file } = makeReplayFile(scenario, idle);
    const old = { ...file, score: { total: file.score.total + 3, maxScore: 100, grade: 'F' } };
    expect(await importReplayText(JSON.stringify(old), 'from-last-year.json')).toEqual({ ok: true });
    const notice = `This run scored ${old.score.total} (F) when it was recorded under scoring v1; today's rules (scoring v${scoringVersion}) give ${file.score.total} (${file.score.grade}), which is what the debrief shows.`;
    expect(useSessionStore.getState().session?.origin).toEqual({ kind: 'imported', fileName: 'from-last-year.json', kept: false, notice });
    render(<ResultScreen />);
    expect(screen.getByRole('note').textContent).toContain(notice);
  });

  it('passes the axe WCAG 2.1 AA rules', async () => {
    showState(playBot(scenario, 'random', seed).state);
    const { container } = render(<ResultScreen />);
    const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

describe('debrief charts across scenarios', () => {
  /** Renders the debrief of the model's run of a built-in scenario on seed 1, as the result screen shows it. */
  async function renderModelDebrief(id: string) {
    const loaded = await loadBuiltinScenario(id);
    if (!loaded) throw new Error(`the built-in scenario ${id} did not load`);
    const prepared = prepareRun(loaded, 1);
    const state = playBot(prepared, 'model', 1).state;
    useSessionStore.setState({ session: { scenario: prepared, seed: 1, level: 'normal', hintsOn: true, state, view: playerView(prepared, state), clock: state.t } });
    render(<ResultScreen />);
    return { prepared, state };
  }
  const chartTitles = () => [...document.querySelectorAll('.debrief-metric__title')].map((e) => e.textContent);

  it('shows the table’s duplicates for the repeated DST hour, not a flat ledger count, in words', async () => {
    await renderModelDebrief('dst-repeated-hour');
    expect(chartTitles()).toEqual(['events_hourly duplicate rows', 'events_hourly missing rows', 'DAG dbt_test_events failed runs']);
  });

  it('starts the charts an hour before the page and notes that the impact began hours earlier', async () => {
    const { prepared, state } = await renderModelDebrief('dst-repeated-hour');
    const timeline = within(region('Timeline'));
    expect(timeline.getByText(/^Impact began at 02:05, 6h 05m before the first page/)).toBeTruthy();
    const detected = state.milestones.detected ?? NaN;
    expect(timeline.getByText(new RegExp(`from ${timeOfDay(prepared.clock, detected - 3600 - 300)} to`))).toBeTruthy();
    const slider = screen.getByRole('slider', { name: 'Scrub the incident timeline' }) as HTMLInputElement;
    expect(Number(slider.min)).toBe(prepared.clock.playerStartS);
  });

  it('counts the milestones from the first page when the impact began hours before it', async () => {
    const { prepared, state } = await renderModelDebrief('dst-repeated-hour');
    const milestones = within(region('Debrief'));
    expect(milestones.getByText(new RegExp(`^Minutes after the first page \\(${timeOfDay(prepared.clock, state.milestones.detected ?? NaN)}; the impact began 6h 05m earlier`))).toBeTruthy();
    expect(milestones.getByText(/You resolved 18m 00s after the first page/)).toBeTruthy();
  });

  it('keeps the avro window as it was, with no impact note', async () => {
    const { prepared, state } = await renderModelDebrief('avro-schema-break');
    const impact = state.milestones.impactStart ?? NaN;
    expect(within(region('Timeline')).getByText(new RegExp(`from ${timeOfDay(prepared.clock, Math.min(impact, prepared.clock.playerStartS) - 300)} to`))).toBeTruthy();
    expect(within(region('Timeline')).queryByText(/Impact began/)).toBeNull();
    expect(within(region('Debrief')).getByText(/^Minutes after the impact started/)).toBeTruthy();
  });

  it('says how many rows were written twice at the worst point when a dedupe left none', async () => {
    await renderModelDebrief('double-counted-revenue');
    const outcomes = within(region('Outcomes'));
    expect(outcomes.getByText(/^[\d,]+ rows were written twice at the worst point; none left at the end$/)).toBeTruthy();
  });
});
