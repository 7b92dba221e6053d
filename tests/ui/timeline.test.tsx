// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { playerView, relativeTime, timeOfDay, type SimState } from '../../src/engine';
import { TimelinePanel } from '../../src/ui/console/timeline/TimelinePanel';
import { describeEntry } from '../../src/ui/console/timeline/timeline-entries';
import { useSessionStore } from '../../src/ui/store/session-store';
import { Sim, scenario } from '../support/sim-harness';

// @testing-library/react is not installed, so these tests drive react-dom directly.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const avro = scenario('avro-schema-break');
let root: Root | null = null;
let container: HTMLElement;

function publish(state: SimState): void {
  act(() => {
    useSessionStore.setState({ session: { scenario: avro, seed: 1, hintsOn: true, state, view: playerView(avro, state), clock: state.t } });
  });
}

function mount(state: SimState): void {
  publish(state);
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root?.render(<TimelinePanel />));
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container.remove();
  useSessionStore.setState({ session: null });
});

const items = () => [...container.querySelectorAll('ol > li')];
const live = () => container.querySelector('[aria-live="polite"]')?.textContent ?? '';
const choose = (select: HTMLSelectElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('incident timeline', () => {
  it('lists every entry oldest first, each with its wall-clock time, T± time and a badge word', () => {
    const sim = new Sim(avro, 1).start().waitForPage().ack().complete('describe-consumer-group');
    mount(sim.state);
    const entries = sim.state.timeline;
    expect(items()).toHaveLength(entries.length);
    const page = entries.findIndex((e) => e.text.startsWith('PAGE: '));
    const text = items()[page]?.textContent ?? '';
    expect(text).toContain(timeOfDay(avro.clock, entries[page]?.at ?? 0));
    expect(text).toContain(relativeTime(entries[page]?.at ?? 0));
    expect(text).toContain('PAGE');
    expect(text).toContain('orders_fact freshness over SLA');
    const badges = items().map((li) => li.querySelector('.timeline-badge [aria-hidden="true"]')?.textContent);
    expect(badges).toEqual(expect.arrayContaining(['WARN', 'SYSTEM', 'PAGE', 'ACK', 'ACTION', 'DONE']));
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('filters the entries by kind', () => {
    const sim = new Sim(avro, 1).start().waitForPage().ack().complete('describe-consumer-group');
    mount(sim.state);
    const select = container.querySelector('select');
    if (!select) throw new Error('no filter');
    choose(select, 'alerts');
    const alerts = sim.state.timeline.filter((e) => e.kind === 'alert');
    expect(items()).toHaveLength(alerts.length);
    expect(items().every((li) => /PAGE|WARN|RESOLVED/.test(li.textContent ?? ''))).toBe(true);
    choose(select, 'actions');
    expect(items().map((li) => li.textContent).join('\n')).not.toMatch(/PAGE/);
  });

  it('announces a new page, and only pages', () => {
    const sim = new Sim(avro, 1).start();
    mount(sim.state);
    expect(live()).toBe('');

    sim.waitForPage();
    publish(sim.state);
    expect(live()).toMatch(/New page at \d\d:\d\d:\d\d: orders_fact freshness over SLA/);

    const announced = live();
    sim.ack().complete('read-job-logs');
    publish(sim.state);
    expect(live()).toBe(announced);
  });

  it('does not announce pages that were already on the timeline when it opened', () => {
    mount(new Sim(avro, 1).start().waitForPage().state);
    expect(live()).toBe('');
  });

  it('says what an entry is without repeating the prefix its badge already shows', () => {
    expect(describeEntry({ at: 80, kind: 'alert', text: 'PAGE: orders_fact freshness over SLA (10 min)' })).toMatchObject({ badge: 'PAGE', text: 'orders_fact freshness over SLA (10 min)', page: true });
    expect(describeEntry({ at: 80, kind: 'alert', text: 'Warning: lag above 20k' })).toMatchObject({ badge: 'WARN', page: false });
    expect(describeEntry({ at: 90, kind: 'action-completed', text: 'Done: Read the logs' })).toMatchObject({ badge: 'DONE', text: 'Read the logs' });
    expect(describeEntry({ at: 95, kind: 'declaration', text: 'Root cause declared: x' }).badge).toBe('DECLARED');
    expect(describeEntry({ at: 99, kind: 'inject', text: 'The CEO joins the review' }).badge).toBe('INJECT');
  });
});
