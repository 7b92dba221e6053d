// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { playBot } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import { makeRoundFile, type Attribution } from '../../src/rooms';
import ReviewRoundScreen from '../../src/ui/room/review/ReviewRoundScreen';
import { loadCurrentReview, loadProgressFor, reviewHash, saveReview } from '../../src/ui/room/review/saved-review';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const { state } = playBot(s, 'model', 1);
const host = { seat: 'host', name: 'Ivy', role: 'host' as const };
const cy = { seat: 's-1', name: 'Cy', role: 'candidate' as const };
const attribution: Attribution[] = state.log.map((e, seq) => ({ seq, at: e.at, type: e.command.type, by: e.command.type === 'session.start' ? host : cy }));
const text = JSON.stringify(makeRoundFile({ title: s.title, code: 'K7MP4Q', mode: 'interview', host: 'Ivy', participants: ['Cy'], attribution, replay: makeReplayFile(s, state), marks: [{ criterion: 'shared:diagnose-from-hypotheses', score: 3, evidence: [], notes: [], at: 600 }], notes: [] }));
const typed = attribution.find((a) => a.type === 'terminal.run') as Attribution;
const mine = { name: 'Sam', marks: [{ criterion: 'shared:diagnose-from-hypotheses', score: 2 as const, evidence: [typed.seq], notes: [], at: state.t }], revealed: false };

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe("a second interviewer's saved review", () => {
  it('keeps the round and the marks per round file, and reads them back', () => {
    expect(loadCurrentReview(localStorage)).toEqual({ kind: 'none' });
    expect(saveReview(localStorage, 'round.json', text, mine)).toBeNull();
    expect(loadCurrentReview(localStorage)).toEqual({ kind: 'saved', hash: reviewHash(text), review: { fileName: 'round.json', text, ...mine } });
    expect(loadProgressFor(localStorage, text)).toEqual(mine);
    expect(loadProgressFor(localStorage, `${text} `)).toBeNull();
  });

  it('reports a corrupt entry with what is wrong, and never throws', () => {
    saveReview(localStorage, 'round.json', text, mine);
    const key = `firedrill.review.round.${reviewHash(text)}`;
    localStorage.setItem(key, '{"version":1,"fileName":"round.json"');
    expect(loadCurrentReview(localStorage)).toMatchObject({ kind: 'corrupt', problem: 'it is not valid JSON' });
    localStorage.setItem(key, JSON.stringify({ version: 1, fileName: 'round.json', text, name: 'Sam', marks: [{ criterion: 'x', score: 9 }], revealed: false }));
    expect(loadCurrentReview(localStorage)).toMatchObject({ kind: 'corrupt', problem: expect.stringContaining('"marks.0.score" is invalid') });
    localStorage.setItem(key, JSON.stringify({ version: 1, fileName: 'round.json', text: `${text}\n`, ...mine }));
    expect(loadCurrentReview(localStorage)).toMatchObject({ kind: 'corrupt', problem: 'its round file does not match the one it was saved for' });
  });

  it('opens the saved round again on the review screen with the marks where they were', async () => {
    saveReview(localStorage, 'round.json', text, mine);
    render(<ReviewRoundScreen />);
    const own = await screen.findByRole('region', { name: /^Your rubric/ }, { timeout: 15_000 });
    expect((screen.getByLabelText('Your name (in the report)') as HTMLInputElement).value).toBe('Sam');
    const diagnose = within(own).getByRole('group', { name: /Diagnose from hypotheses/ });
    expect(within(diagnose).getAllByRole('radio').map((r) => [(r as HTMLInputElement).value, (r as HTMLInputElement).checked])).toEqual([
      ['1', false],
      ['2', true],
      ['3', false],
      ['4', false],
    ]);
    expect(screen.getByRole('list', { name: /Evidence for Diagnose/ }).textContent).toContain((state.log[typed.seq]?.command as { line: string }).line);
    fireEvent.change(screen.getByLabelText('Your name (in the report)'), { target: { value: 'Sam K' } });
    await waitFor(() => expect(loadProgressFor(localStorage, text)?.name).toBe('Sam K'));
  });

  it('says a corrupt saved review was dropped, and shows the empty screen', () => {
    localStorage.setItem('firedrill.review.current', 'abc');
    localStorage.setItem('firedrill.review.round.abc', 'not json');
    render(<ReviewRoundScreen />);
    expect(screen.getByRole('alert').textContent).toBe('A review saved in this browser could not be restored: it is not valid JSON. It was dropped.');
    expect(screen.getByText('Open a round file')).toBeTruthy();
    expect(localStorage.getItem('firedrill.review.round.abc')).toBeNull();
    expect(localStorage.getItem('firedrill.review.current')).toBeNull();
  });
});
