// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gradeOf } from '../../src/engine';
import type { AttemptRecord } from '../../src/ui/history/attempt-record';
import { createHistoryStore, openHistoryDb, type HistoryStore } from '../../src/ui/history/history-store';
import HistoryScreen from '../../src/ui/screens/history/HistoryScreen';
import { usePreferences } from '../../src/ui/store/preferences-store';

// jsdom has no layout, so chart boxes measure 0×0 and Recharts would draw nothing; report a size.
class ChartSizedResizeObserver {
  constructor(private readonly callback: (entries: { target: Element; contentRect: { width: number; height: number } }[]) => void) {}
  observe(target: Element): void {
    this.callback([{ target, contentRect: { width: 320, height: 132 } }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver = ChartSizedResizeObserver;

const scenarioId = 'avro-schema-break';

/** An attempt at the built-in scenario on `day` of March 2025. */
function attempt(day: number, total: number, mttrS: number | null, extra: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    recordVersion: 2,
    level: 'normal',
    id: `attempt-${day}`,
    scenarioId,
    scenarioVersion: 1,
    scenarioTitle: 'Blank executive dashboard',
    seed: 1000 + day,
    log: [{ at: -60, command: { type: 'session.start' } }],
    score: { total, maxScore: 100, grade: gradeOf(total) },
    times: { mttdS: 90, mttaS: 200, mttmS: mttrS === null ? null : Math.round(mttrS * 0.6), mttrS },
    records: { lost: mttrS === null ? 1200 : 0, duplicates: day === 2 ? 35 : 0 },
    resolved: mttrS !== null,
    endedReason: mttrS === null ? 'timed-out' : 'completed',
    stateHash: `hash${day}`,
    finishedAt: `2025-03-0${day}T10:00:00.000Z`,
    ...extra,
  };
}

const custom = (day: number, total: number): AttemptRecord => ({ ...attempt(day, total, 1800), id: `custom-${day}`, scenarioId: 'team-postmortem', scenarioTitle: 'Our own outage' });

let dbCount = 0;
let dbName: string;
let store: HistoryStore;

beforeEach(() => {
  dbName = `history-screen-${++dbCount}`;
  store = createHistoryStore({ dbName, now: () => new Date('2025-04-01T12:00:00.000Z') });
  usePreferences.setState({ theme: 'dark' });
});

afterEach(cleanup);

async function putRaw(key: string, value: unknown): Promise<void> {
  const db = await openHistoryDb(dbName);
  await db.put('attempts', value, key);
  db.close();
}

async function seed(records: AttemptRecord[]): Promise<void> {
  for (const r of records) await store.saveAttempt(r);
}

async function showHistory(props: { onOpenAttempt?: (r: AttemptRecord) => void; onBack?: () => void } = {}) {
  const view = render(<HistoryScreen onBack={props.onBack ?? (() => {})} onOpenAttempt={props.onOpenAttempt} store={store} />);
  await waitFor(() => expect(screen.queryByText('Loading your history…')).toBeNull());
  return view;
}

/** WCAG 2.1 A and AA rules that jsdom can evaluate (contrast needs layout; the browser check covers it). */
async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('history screen', () => {
  it('says there is nothing yet when no attempt has been saved', async () => {
    await showHistory();
    expect(screen.getByRole('heading', { level: 1, name: 'History' })).toBeTruthy();
    expect(screen.getByText('No finished attempts yet. Play an incident and it will appear here.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows each scenario with its attempts, best score and trends in words', async () => {
    await seed([attempt(1, 42, null), attempt(2, 91, 1500), attempt(3, 70, 2400), attempt(4, 88, 1260), custom(5, 64)]);
    await showHistory();

    // The most recently played scenario comes first.
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Our own outage Normal level', 'Blank executive dashboard Normal level']);

    const avro = screen.getByRole('region', { name: 'Blank executive dashboard Normal level' });
    const fact = (term: string) => within(avro).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('Attempts')).toBe('4');
    expect(fact('Best score')).toBe('91 / 100 grade A');
    expect(fact('Fastest MTTR')).toBe('21m 00s');

    expect(within(avro).getByRole('figure', { name: 'Score over 4 attempts: from 42 to 88, best 91.' })).toBeTruthy();
    expect(within(avro).getByRole('figure', { name: 'MTTR over 4 attempts: from 25 min to 21 min; not resolved in 1.' })).toBeTruthy();

    const table = within(avro).getByRole('table', { name: 'Attempts at Blank executive dashboard, normal level, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Attempt 4', 'Attempt 3', 'Attempt 2', 'Attempt 1']);
    const oldest = rows[3] as HTMLElement;
    expect(within(oldest).getByText('1001')).toBeTruthy();
    expect(within(oldest).getByText('✗ No')).toBeTruthy();
    expect(within(oldest).getAllByText('not reached')).toHaveLength(2);
    expect(within(oldest).getByText('1,200')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('25m 00s')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('35')).toBeTruthy();
  });

  it('opens the debrief of the attempt whose button is pressed', async () => {
    await seed([attempt(1, 42, null), attempt(2, 91, 1500)]);
    const onOpenAttempt = vi.fn();
    await showHistory({ onOpenAttempt });
    fireEvent.click(screen.getByRole('button', { name: 'Open debrief of attempt 1, seed 1001' }));
    expect(onOpenAttempt).toHaveBeenCalledTimes(1);
    expect((onOpenAttempt.mock.calls[0]?.[0] as AttemptRecord).id).toBe('attempt-1');
  });

  it('offers no debrief buttons when the app cannot open one', async () => {
    await seed([attempt(1, 42, null)]);
    await showHistory();
    expect(screen.queryByRole('button', { name: /Open debrief/ })).toBeNull();
  });

  it('goes back to the catalogue', async () => {
    const onBack = vi.fn();
    await showHistory({ onBack });
    fireEvent.click(screen.getByRole('button', { name: 'Back to catalogue' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('says which saved attempts were set aside and why, shows the rest, and discards them on request', async () => {
    await seed([attempt(1, 42, null), attempt(2, 91, 1500)]);
    await putRaw('broken', { ...attempt(3, 50, 100), score: { total: 'fifty' } });
    await putRaw('future', { ...attempt(4, 50, 100), recordVersion: 9 });
    await showHistory();

    const notice = screen.getByRole('status');
    expect(notice.textContent).toContain('2 saved attempts could not be read and were set aside:');
    expect(notice.textContent).toContain('broken: version 2 record is invalid: score.total:');
    expect(notice.textContent).toContain('future: it was saved by a newer Firedrill (record version 9)');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);

    fireEvent.click(within(notice).getByRole('button', { name: 'Discard them' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect((await store.loadHistory()).setAside).toEqual([]);
  });

  it('says so when the history cannot be opened', async () => {
    store = { loadHistory: () => Promise.reject(new Error('IndexedDB is disabled')), saveAttempt: (r) => Promise.resolve(r), clearSetAside: () => Promise.resolve() };
    await showHistory();
    expect(screen.getByRole('alert').textContent).toContain('Your history could not be opened: IndexedDB is disabled.');
  });

  it('passes the axe WCAG 2.1 AA rules with attempts, trends and a set-aside notice', async () => {
    await seed([attempt(1, 42, null), attempt(2, 91, 1500), attempt(3, 70, 2400), custom(4, 64)]);
    await putRaw('broken', 'garbage');
    const { container } = await showHistory({ onOpenAttempt: () => {} });
    expect(container.querySelectorAll('.recharts-line').length).toBeGreaterThan(0);
    await expectNoAxeViolations(container);
  });

  it('passes the axe WCAG 2.1 AA rules when empty', async () => {
    const { container } = await showHistory();
    await expectNoAxeViolations(container);
  });
});
