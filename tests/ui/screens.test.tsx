// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { playBot, playerView, replay, resultView, stageOf, type SimState } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { describePlatform, estimateWidth, layoutPlatform, wrapLabel } from '../../src/ui/components/platform-diagram/diagram-layout';
import { PlatformDiagram } from '../../src/ui/components/platform-diagram/PlatformDiagram';
import { loadBuiltinScenario, scenarioCards } from '../../src/ui/scenarios/builtin-scenarios';
import BriefingScreen from '../../src/ui/screens/briefing/BriefingScreen';
import { timeUntil } from '../../src/ui/screens/briefing/briefing-text';
import { CatalogueScreen } from '../../src/ui/screens/catalogue/CatalogueScreen';
import { parseSeed, randomSeed } from '../../src/ui/screens/catalogue/random-seed';
import PostmortemScreen from '../../src/ui/screens/postmortem/PostmortemScreen';
import ResultScreen from '../../src/ui/screens/result/ResultScreen';
import { usePreferences } from '../../src/ui/store/preferences-store';
import { openSession } from '../../src/ui/store/session-actions';
import { useSessionStore } from '../../src/ui/store/session-store';
import { openBriefing } from '../../src/ui/session/open-briefing';

let scenario: Scenario;
const seed = 7;

beforeAll(async () => {
  const loaded = await loadBuiltinScenario('avro-schema-break');
  if (!loaded) throw new Error('the built-in scenario did not load');
  scenario = loaded;
});

beforeEach(() => {
  localStorage.clear();
  useSessionStore.setState({ session: null, speed: 5, paused: false });
  usePreferences.setState({ theme: 'dark', speed: 5, level: 'normal', hintsOn: true, bestScores: {} });
});

afterEach(cleanup);

/** Puts a finished or half-finished run into the session store, as the host would after a replay. */
function showState(state: SimState, hintsOn = true): void {
  useSessionStore.setState({ session: { scenario, seed: state.seed, level: 'normal', hintsOn, state, view: playerView(scenario, state), clock: state.t } });
}

/** The model's run, stopped just before it submits the postmortem (stage prevent). */
function resolvedRun(): SimState {
  const run = playBot(scenario, 'model', seed);
  const at = run.log.findIndex((e) => e.command.type === 'postmortem.submit');
  const submit = run.log[at];
  if (!submit) throw new Error('the model never submits a postmortem');
  return replay(scenario, seed, run.log.slice(0, at), submit.at);
}

const stage = () => {
  const session = useSessionStore.getState().session;
  return session ? stageOf(session.state.flow) : null;
};

/** WCAG 2.1 A and AA rules that jsdom can evaluate (contrast needs layout; the browser check covers it). */
async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('catalogue', () => {
  it('lists every built-in scenario as a card with its facts and a named way in', () => {
    render(<CatalogueScreen notice={null} />);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(scenarioCards.length).toBeGreaterThan(0);
    for (const card of scenarioCards) {
      const article = screen.getByRole('article', { name: card.title });
      expect(within(article).getByRole('heading', { name: card.title })).toBeTruthy();
      expect(within(article).getByText(card.hook)).toBeTruthy();
      expect(within(article).getByText(`~${card.expectedMinutes} min`)).toBeTruthy();
      for (const system of card.systems) expect(within(article).getByText(system)).toBeTruthy();
      expect(within(article).getByText('Not played yet')).toBeTruthy();
      expect(within(article).queryByText('Decision drill') !== null, card.id).toBe(card.kind === 'decision');
      expect(screen.getByRole('button', { name: new RegExp(card.title) })).toBeTruthy();
    }
    expect(scenarioCards.filter((c) => c.kind === 'decision').map((c) => c.id)).toEqual(['launch-moved-forward']);
  });

  it("shows the player's best score once there is one", () => {
    usePreferences.setState({ bestScores: { 'avro-schema-break': { score: 87, grade: 'B' } } });
    render(<CatalogueScreen notice={null} />);
    expect(within(screen.getByRole('article', { name: 'Blank executive dashboard' })).getByText('Best: 87 · B')).toBeTruthy();
  });

  it('tells the player why a saved session was set aside', () => {
    render(<CatalogueScreen notice="Your last session could not be resumed: it was played on version 1." />);
    expect(screen.getByRole('status').textContent).toContain('could not be resumed');
  });

  it("opens the briefing's own link with the chosen level and seed, keeping speed and hints for it", () => {
    render(<CatalogueScreen notice={null} />);
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '4242' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Hard' }));
    fireEvent.click(screen.getByRole('radio', { name: '10×' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Hints/ }));
    fireEvent.click(screen.getByRole('button', { name: /Blank executive dashboard/ }));
    expect(window.location.hash).toBe('#/scenario/avro-schema-break?level=hard&seed=4242');
    expect(usePreferences.getState().speed).toBe(10);
    expect(usePreferences.getState().hintsOn).toBe(false);
  });

  it('opens a briefing at the preferred speed and hints', async () => {
    usePreferences.setState({ speed: 10, hintsOn: false });
    expect(await openBriefing('avro-schema-break', 'hard', 4242)).toBeNull();
    const session = useSessionStore.getState().session;
    expect(session?.scenario.id).toBe('avro-schema-break');
    expect(session?.seed).toBe(4242);
    expect(session?.level).toBe('hard');
    expect(session?.hintsOn).toBe(false);
    expect(stage()).toBe('briefing');
    expect(useSessionStore.getState().speed).toBe(10);
    expect(await openBriefing('no-such-scenario', 'normal', 1)).toMatch(/no scenario "no-such-scenario"/);
  });

  it('offers a fresh random seed and refuses a seed that is not a whole number', () => {
    render(<CatalogueScreen notice={null} />);
    const input = screen.getByLabelText('Seed') as HTMLInputElement;
    expect(parseSeed(input.value)).not.toBeNull();
    fireEvent.change(input, { target: { value: '' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: /Blank executive dashboard/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'New random seed' }));
    expect(parseSeed(input.value)).not.toBeNull();
    expect((screen.getByRole('button', { name: /Blank executive dashboard/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('switches to the light theme and says so', () => {
    render(<CatalogueScreen notice={null} />);
    const toggle = screen.getByRole('button', { name: 'Light theme' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(usePreferences.getState().theme).toBe('light');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('passes the axe WCAG 2.1 AA rules', async () => {
    const { container } = render(<CatalogueScreen notice="A notice." />);
    await expectNoAxeViolations(container);
  });
});

describe('seeds', () => {
  it('reads only whole numbers the engine can tell apart', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed(' 0 ')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(parseSeed('4294967296')).toBeNull();
    expect(parseSeed('-1')).toBeNull();
    expect(parseSeed('1.5')).toBeNull();
    expect(parseSeed('')).toBeNull();
  });

  it('draws six-digit random seeds', () => {
    for (let i = 0; i < 20; i++) {
      const s = randomSeed();
      expect(Number.isInteger(s) && s >= 0 && s < 1_000_000).toBe(true);
    }
  });
});

describe('briefing', () => {
  beforeEach(() => openSession(scenario, seed, true, 'normal'));

  it('briefs the player: role, platform, SLAs, stakes, deadline, seed and speed', () => {
    render(<BriefingScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Incident briefing' })).toBeTruthy();
    expect(screen.getByText(/on-call data engineer/)).toBeTruthy();
    expect(screen.getByText(scenario.briefing.deadline.label)).toBeTruthy();
    const view = useSessionStore.getState().session?.view;
    expect(screen.getByText(timeUntil(scenario.briefing.deadline.atS - (view?.t ?? 0)))).toBeTruthy();
    const slas = screen.getByRole('table');
    for (const sla of scenario.briefing.slas) expect(within(slas).getByRole('rowheader', { name: sla.name })).toBeTruthy();
    for (const stake of scenario.briefing.stakes) expect(screen.getByText(stake)).toBeTruthy();
    expect(screen.getByText(String(seed))).toBeTruthy();
    expect(screen.getByText(/5× /)).toBeTruthy();
    expect(screen.getByRole('img', { name: /orders-enricher/ })).toBeTruthy();
  });

  it('starts the incident', () => {
    render(<BriefingScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Start the incident' }));
    expect(stage()).toBe('running');
  });

  it('goes back to the catalogue', () => {
    render(<BriefingScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Back to catalogue' }));
    expect(useSessionStore.getState().session).toBeNull();
  });

  it('passes the axe WCAG 2.1 AA rules', async () => {
    const { container } = render(<BriefingScreen />);
    await expectNoAxeViolations(container);
  });
});

describe('platform diagram', () => {
  const topology = () => playerView(scenario, useSessionStore.getState().session?.state ?? replay(scenario, seed, [])).scenario.topology;

  it('draws a box for every producer, topic, job, table, DAG and dashboard, left to right along the data flow', () => {
    const t = topology();
    const layout = layoutPlatform(t);
    expect(layout.nodes).toHaveLength(t.producers.length + t.topics.length + t.jobs.length + t.tables.length + t.dags.length + t.dashboards.length);
    const x = (key: string) => layout.nodes.find((n) => n.key === key)?.x ?? Number.NaN;
    for (const e of layout.edges) expect(x(e.to)).toBeGreaterThan(x(e.from));
    expect(x('producer:orders-api')).toBeLessThan(x('topic:orders'));
    expect(x('table:orders_fact')).toBeLessThan(x('dag:exec_revenue_refresh'));
    expect(x('dag:exec_revenue_refresh')).toBeLessThan(x('table:exec_revenue_daily'));
    expect(x('table:exec_revenue_daily')).toBeLessThan(x('dashboard:exec-revenue'));
  });

  it('keeps boxes apart and labels inside them, within a thousand pixels', () => {
    const layout = layoutPlatform(topology());
    expect(layout.width).toBeLessThanOrEqual(1040);
    for (const a of layout.nodes) {
      for (const line of a.lines) expect(estimateWidth(line, 12, a.kind !== 'dashboard')).toBeLessThanOrEqual(layout.boxWidth - 12);
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = a.x + layout.boxWidth <= b.x || b.x + layout.boxWidth <= a.x || a.y + layout.boxHeight <= b.y || b.y + layout.boxHeight <= a.y;
        expect(apart, `${a.key} overlaps ${b.key}`).toBe(true);
      }
    }
  });

  it('dims what is off the critical path and keeps the critical path bright', () => {
    const layout = layoutPlatform(topology());
    const critical = (key: string) => layout.nodes.find((n) => n.key === key)?.critical;
    for (const key of ['producer:orders-api', 'topic:orders', 'job:orders-enricher', 'table:orders_fact', 'dag:exec_revenue_refresh', 'table:exec_revenue_daily', 'dashboard:exec-revenue']) expect(critical(key), key).toBe(true);
    for (const key of ['producer:payments-api', 'job:payments-loader', 'dag:marketing_attribution', 'table:ml_order_features', 'dashboard:finance-recon']) expect(critical(key), key).toBe(false);
  });

  it('describes the pipelines in words for screen readers', () => {
    const text = describePlatform(topology());
    expect(text).toContain('orders-api writes to Kafka topic orders (12 partitions), read by Flink job orders-enricher (critical) into table orders_fact');
    expect(text).toContain('Airflow DAG exec_revenue_refresh (critical) reads orders_fact and writes exec_revenue_daily');
    render(<PlatformDiagram topology={topology()} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(text);
  });

  it('lays out any topology left to right: chained DAGs, dashboards on landing tables, no DAGs at all', () => {
    const base = topology();
    const chained = {
      ...base,
      dags: [...base.dags, { id: 'exec_weekly_rollup', reads: 'exec_revenue_daily', writes: 'exec_weekly', critical: false }],
      tables: [...base.tables, { id: 'exec_weekly', description: 'Weekly rollup.', freshnessSlaS: 86400 }],
      dashboards: [...base.dashboards, { id: 'ops', title: 'Ops', table: 'orders_fact', audience: 'On-call', tiles: [], blankAfterS: 900 }],
    };
    const noDags = { ...base, dags: [], dashboards: [{ id: 'ops', title: 'Ops', table: 'orders_fact', audience: 'On-call', tiles: [], blankAfterS: 900 }] };
    for (const t of [chained, noDags]) {
      const layout = layoutPlatform(t);
      const node = (key: string) => layout.nodes.find((n) => n.key === key);
      for (const e of layout.edges) expect(node(e.to)?.x, `${e.from} -> ${e.to}`).toBeGreaterThan(node(e.from)?.x ?? Infinity);
      const dashboards = layout.nodes.filter((n) => n.kind === 'dashboard');
      expect(new Set(dashboards.map((n) => n.x)).size).toBe(1);
      expect(Math.max(...layout.nodes.map((n) => n.x))).toBe(dashboards[0]?.x);
    }
    expect(layoutPlatform(noDags).columns.map((c) => c.title)).toEqual(['Producers', 'Topics', 'Streaming', 'Lake', 'Dashboards']);
  });

  it('breaks long names at separators into two lines', () => {
    const fits = (s: string) => s.length <= 15;
    expect(wrapLabel('orders_fact', fits)).toEqual(['orders_fact']);
    expect(wrapLabel('marketing_attribution', fits)).toEqual(['marketing_', 'attribution']);
    expect(wrapLabel('Executive Revenue (today)', fits)).toEqual(['Executive', 'Revenue (today)']);
    expect(wrapLabel('averyveryverylongidentifierwithoutbreaks', fits)[1]?.endsWith('…')).toBe(true);
  });
});

describe('postmortem', () => {
  beforeEach(() => showState(resolvedRun()));

  it('recaps what the player saw, without scored times', () => {
    render(<PostmortemScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Postmortem' })).toBeTruthy();
    expect(screen.getByText(/after the first page/)).toBeTruthy();
    const events = useSessionStore.getState().session?.view.timeline.length;
    expect(screen.getByText(`${events} events`)).toBeTruthy();
    expect(screen.queryByText(/MTTD/)).toBeNull();
  });

  it('lists every follow-up by label only', () => {
    render(<PostmortemScreen />);
    const group = screen.getByRole('group', { name: 'Follow-ups' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(scenario.prevention.length);
    const labels = boxes.map((b) => b.closest('label')?.textContent?.trim() ?? '');
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
    expect(group.textContent).not.toMatch(/correct|distractor|right/i);
  });

  it('submits only once the root cause is stated, with the chosen follow-ups', () => {
    render(<PostmortemScreen />);
    const submit = screen.getByRole('button', { name: 'Submit postmortem' }) as HTMLButtonElement;
    const statement = screen.getByRole('textbox', { name: 'Root-cause statement' });
    fireEvent.change(statement, { target: { value: 'too short' } });
    expect(submit.disabled).toBe(true);
    const text = 'orders-enricher pinned the v7 reader and failed on REFUNDED';
    fireEvent.change(statement, { target: { value: text } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: scenario.prevention[1]?.label }));
    fireEvent.click(screen.getByRole('checkbox', { name: scenario.prevention[0]?.label }));
    fireEvent.click(submit);
    const state = useSessionStore.getState().session?.state;
    expect(state?.postmortem?.rootCause).toBe(text);
    // Follow-ups are listed, and so submitted, alphabetically: the order carries no signal.
    const picked = [scenario.prevention[0], scenario.prevention[1]].filter((p) => p !== undefined).sort((a, b) => a.label.localeCompare(b.label));
    expect(state?.postmortem?.followUps).toEqual(picked.map((p) => p.id));
    expect(stage()).toBe('debrief');
  });

  it('submits the checkable facts: impact numbers, the cause in the taxonomy, owners and contributing factors', () => {
    render(<PostmortemScreen />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Root-cause statement' }), { target: { value: 'orders-enricher pinned the v7 reader and failed on REFUNDED' } });
    const first = [...scenario.prevention].sort((a, b) => a.label.localeCompare(b.label))[0];
    fireEvent.click(screen.getByRole('checkbox', { name: first?.label }));
    fireEvent.change(screen.getByRole('textbox', { name: `Owner of: ${first?.label}` }), { target: { value: 'data platform' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Impact duration/ }), { target: { value: '35' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Records or rows lost/ }), { target: { value: '1,200' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Component' }), { target: { value: 'job:orders-enricher' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Mechanism' }), { target: { value: 'schema-incompatibility' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Contributing factors/ }), { target: { value: 'The reader was pinned to v7\n\nNo alert on restarts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit postmortem' }));
    const pm = useSessionStore.getState().session?.state.postmortem;
    expect(pm?.impact).toEqual({ durationMin: 35, lost: 1200 });
    expect(pm?.cause).toEqual({ component: 'job:orders-enricher', mechanism: 'schema-incompatibility' });
    expect(pm?.owners).toEqual({ [first?.id as string]: 'data platform' });
    expect(pm?.contributing).toEqual(['The reader was pinned to v7', 'No alert on restarts']);
  });

  it('refuses a number it cannot read, says which field, and keeps everything typed', () => {
    render(<PostmortemScreen />);
    const text = 'orders-enricher pinned the v7 reader and failed on REFUNDED';
    fireEvent.change(screen.getByRole('textbox', { name: 'Root-cause statement' }), { target: { value: text } });
    fireEvent.change(screen.getByRole('textbox', { name: /Time to detect/ }), { target: { value: 'about ten' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit postmortem' }));
    expect(screen.getByRole('alert').textContent).toBe('Time to detect (minutes): "about ten" is not a number of zero or more.');
    expect(stage()).toBe('prevent');
    expect((screen.getByRole('textbox', { name: 'Root-cause statement' }) as HTMLTextAreaElement).value).toBe(text);
    expect((screen.getByRole('textbox', { name: /Time to detect/ }) as HTMLInputElement).value).toBe('about ten');
  });

  it('passes the axe WCAG 2.1 AA rules', async () => {
    const { container } = render(<PostmortemScreen />);
    await expectNoAxeViolations(container);
  });
});

describe('result', () => {
  it("shows the engine's score, grade, times, parts and decisions, and records the best score", () => {
    const state = playBot(scenario, 'model', seed).state;
    showState(state);
    const report = resultView(scenario, state)?.report;
    if (!report) throw new Error('no result');
    render(<ResultScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Debrief' })).toBeTruthy();
    const hero = screen.getByRole('region', { name: 'Debrief' });
    expect(hero.textContent).toContain(`${report.total} / ${report.maxScore}`);
    expect(hero.textContent).toContain(`grade ${report.grade}`);
    expect(screen.getByText('✓ Resolved')).toBeTruthy();
    expect(screen.getByText(/Completed at/)).toBeTruthy();
    expect(screen.getByText(/Par is the model walkthrough on the same seed/)).toBeTruthy();
    for (const name of ['MTTD', 'MTTA', 'Time to diagnose', 'MTTM', 'MTTR']) expect(screen.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toBeTruthy();
    for (const part of report.parts) expect(screen.getByRole('rowheader', { name: part.label })).toBeTruthy();
    expect(report.decisions.some((d) => d.typed)).toBe(true);
    for (const d of report.decisions) expect(screen.getAllByText(d.typed ? `$ ${d.label}` : d.label).length).toBeGreaterThan(0);
    expect(screen.getByText('Met')).toBeTruthy();
    expect(usePreferences.getState().bestScores[scenario.id]).toEqual({ score: report.total, grade: report.grade });
  });

  it('explains each status update and each postmortem fact with a mark and the numbers behind it', () => {
    const state = playBot(scenario, 'model', seed).state;
    showState(state);
    const report = resultView(scenario, state)?.report;
    render(<ResultScreen />);
    const comms = screen.getByRole('region', { name: 'Status updates, rule by rule' });
    expect(within(comms).getAllByRole('listitem').length).toBeGreaterThan(report?.communication.updates ?? 0);
    expect(within(comms).getAllByText(/^Passed:$/).length).toBeGreaterThan(0);
    expect(within(comms).queryAllByText(/^Failed:$/)).toHaveLength(0);
    expect(comms.textContent).toMatch(/promised \d\d:\d\d, resolved \d\d:\d\d: held/);
    const facts = screen.getByRole('region', { name: 'Postmortem' });
    expect(facts.textContent).toMatch(/Impact duration: stated \d+ min, the run's \d+ min/);
    const outcomes = screen.getByRole('region', { name: 'Outcomes' });
    expect(outcomes.textContent).toMatch(/streaming records into orders_fact: 0 of [\d,]+/);
    expect(outcomes.textContent).not.toMatch(/\b0 of 0\b/);
  });

  it('explains a run that timed out unresolved', () => {
    showState(playBot(scenario, 'idle', seed).state);
    render(<ResultScreen />);
    expect(screen.getByText('✗ Not resolved')).toBeTruthy();
    expect(screen.getByText(/Time ran out at .* before the incident was resolved/)).toBeTruthy();
    expect(screen.getAllByText('never').length).toBeGreaterThan(0);
    expect(within(screen.getByRole('region', { name: 'Decisions' })).queryAllByText('Missed').length).toBe(resultView(scenario, useSessionStore.getState().session?.state as SimState)?.report.missedKeyActions.length);
    // Missed key steps are listed under the decisions only when there are some (the key steps table lists them all).
    const missed = resultView(scenario, useSessionStore.getState().session?.state as SimState)?.report.missedKeyActions.length ?? 0;
    expect(screen.queryAllByRole('heading', { name: 'Key steps missed' })).toHaveLength(missed > 0 ? 1 : 0);
  });

  it('plays again with the same seed, with a new seed, or goes back', async () => {
    showState(playBot(scenario, 'model', seed).state);
    render(<ResultScreen />);
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Play again with the same seed' })));
    await waitFor(() => expect(stage()).toBe('briefing'));
    expect(useSessionStore.getState().session?.seed).toBe(seed);

    cleanup();
    showState(playBot(scenario, 'model', seed).state);
    render(<ResultScreen />);
    fireEvent.click(screen.getByRole('button', { name: /New seed/ }));
    await waitFor(() => expect(stage()).toBe('briefing'));
    expect(useSessionStore.getState().session?.scenario.id).toBe(scenario.id);

    cleanup();
    showState(playBot(scenario, 'model', seed).state);
    render(<ResultScreen />);
    fireEvent.click(screen.getByRole('button', { name: 'Back to catalogue' }));
    expect(useSessionStore.getState().session).toBeNull();
  });

  it('passes the axe WCAG 2.1 AA rules', async () => {
    showState(playBot(scenario, 'random', seed).state);
    const { container } = render(<ResultScreen />);
    await expectNoAxeViolations(container);
  });
});
