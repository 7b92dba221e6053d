// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { relativeTime, timeOfDay, type SimState } from '../../src/engine';
import { TimelinePanel } from '../../src/ui/console/timeline/TimelinePanel';
import { describeEntry } from '../../src/ui/console/timeline/timeline-entries';
import { PanelHarness } from '../support/panel-harness';
import { avroSteps } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

const avro = scenarioRun('avro-schema-break');
const harness = new PanelHarness(avro, () => <TimelinePanel />);
const publish = (state: SimState) => harness.publish(state);
const mount = (state: SimState) => harness.mount(state);
afterEach(() => harness.unmount());

const items = () => [...harness.container.querySelectorAll('ol > li')];
const live = () => harness.container.querySelector('[aria-live="polite"]')?.textContent ?? '';
const choose = (select: HTMLSelectElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });

describe('incident timeline', () => {
  it('lists every entry oldest first, each with its wall-clock time, T± time and a badge word', () => {
    const sim = new Sim(avro, 1).start().waitForPage().ack().complete('read-runbook').typeAll(avroSteps.enableDlq);
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
    const sim = new Sim(avro, 1).start().waitForPage().ack().complete('read-runbook').typeAll(avroSteps.enableDlq);
    mount(sim.state);
    const select = harness.container.querySelector('select');
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
