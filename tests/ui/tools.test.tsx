// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { timeOfDay, type SimState } from '../../src/engine';
import { ToolsPanel } from '../../src/ui/console/tools/ToolsPanel';
import { PanelHarness } from '../support/panel-harness';
import { withCatalogueInvestigations } from '../support/avro-steps';
import { Sim, scenarioRun } from '../support/sim-harness';

// The tool tabs through catalogue investigations (the built-in incident itself is worked by typing).
const avro = withCatalogueInvestigations(scenarioRun('avro-schema-break'));
const harness = new PanelHarness(avro, () => <ToolsPanel />);
const publish = (state: SimState) => harness.publish(state);
const mount = (state: SimState) => harness.mount(state);
afterEach(() => harness.unmount());

const tabs = () => [...harness.container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const tab = (name: RegExp) => {
  const found = tabs().find((t) => name.test(t.textContent ?? ''));
  if (!found) throw new Error(`no tab named ${name}`);
  return found;
};
const panel = () => {
  const found = harness.container.querySelector<HTMLElement>('[role="tabpanel"]');
  if (!found) throw new Error('no tab panel');
  return found;
};
const button = (name: RegExp) => {
  const found = [...harness.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button named ${name}`);
  return found;
};
const click = (el: HTMLElement) => act(() => el.click());
const press = (el: HTMLElement, key: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const logLines = () => [...panel().querySelectorAll('ol li')].map((li) => li.textContent ?? '');
const logCount = () => panel().querySelector('[role="status"]')?.textContent ?? '';

/** A session paged and past the consumer's crash, with the job logs read. */
function pagedWithLogs(): Sim {
  return new Sim(avro, 1).start().waitForPage().ack().complete('read-job-logs');
}

describe('tools panel', () => {
  it('marks the Consumer groups tab as new when the consumer group describe completes, without taking focus or the view', () => {
    const sim = pagedWithLogs();
    mount(sim.state);
    expect(tab(/Job logs/).getAttribute('aria-selected')).toBe('true');
    expect(tab(/Consumer groups/).textContent).not.toMatch(/new/);

    const focused = document.activeElement;
    sim.complete('describe-consumer-group');
    publish(sim.state);

    expect(tab(/Consumer groups/).textContent).toMatch(/\(1 new\)/);
    expect(tab(/Job logs/).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(focused);

    click(tab(/Consumer groups/));
    const headers = [...panel().querySelectorAll('th')].map((th) => th.textContent);
    expect(headers).toContain('LAG');
    expect(panel().querySelector('code')?.textContent).toMatch(/^kafka-consumer-groups .*--describe --group orders-enricher$/);
    expect(panel().textContent).toMatch(/has no active members/);
    expect(panel().querySelectorAll('td.tools-lag--behind').length).toBeGreaterThan(0);
    expect(tab(/Consumer groups/).textContent).not.toMatch(/new/);
  });

  it('shows only ERROR lines when the log is filtered to ERROR', () => {
    const sim = pagedWithLogs();
    mount(sim.state);
    const body = sim.state.outputs.at(-1)?.body ?? '';
    const total = body.split('\n').length;
    expect(logLines().some((l) => / INFO /.test(l))).toBe(true);

    click(button(/^ERROR/));

    const lines = logLines();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => / INFO /.test(l))).toBe(false);
    expect(lines.every((l) => / ERROR /.test(l) || !/^\d{4}-/.test(l))).toBe(true);
    expect(logCount()).toBe(`${lines.length} of ${total} lines`);
  });

  it('highlights search matches and counts the lines that contain them', () => {
    const sim = pagedWithLogs();
    mount(sim.state);
    const body = sim.state.outputs.at(-1)?.body ?? '';
    const matching = body.split('\n').filter((l) => l.toLowerCase().includes('refunded')).length;
    expect(matching).toBeGreaterThan(0);

    const search = panel().querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) throw new Error('no search box');
    type(search, 'refunded');

    const marks = [...panel().querySelectorAll('mark')];
    expect(marks.length).toBe(matching);
    expect(marks.every((m) => m.textContent === 'REFUNDED')).toBe(true);
    expect(logLines()).toHaveLength(matching);
    expect(logCount()).toBe(`${matching} of ${body.split('\n').length} lines`);
  });

  it('moves between tabs with the arrow keys, Home and End, selecting and focusing the tab', () => {
    mount(new Sim(avro, 1).start().state);
    const first = tab(/Terminal/);
    expect(first.getAttribute('aria-selected')).toBe('true');
    act(() => first.focus());

    press(first, 'ArrowRight');
    expect(tab(/^SQL/).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab(/^SQL/));
    expect(first.getAttribute('aria-selected')).toBe('false');
    expect(first.tabIndex).toBe(-1);

    press(tab(/^SQL/), 'ArrowLeft');
    press(first, 'ArrowLeft');
    expect(document.activeElement).toBe(tab(/Runbook & notes/));
    press(tab(/Runbook & notes/), 'Home');
    expect(document.activeElement).toBe(first);
    press(first, 'End');
    expect(tab(/Runbook & notes/).getAttribute('aria-selected')).toBe('true');
    expect(panel().getAttribute('aria-labelledby')).toBe(tab(/Runbook & notes/).id);
  });

  it('names the action that fills an empty tab', () => {
    mount(new Sim(avro, 1).start().state);
    click(tab(/Consumer groups/));
    expect(panel().textContent).toContain('Run “describe-consumer-group” from the action palette');
    click(tab(/Schema registry/));
    expect(panel().textContent).toContain('“schema-diff”');
  });

  it('keeps an earlier result a click away, stamped with its own time', () => {
    const sim = new Sim(avro, 1).start().waitForPage().ack().complete('describe-consumer-group');
    const firstAt = sim.state.outputs.at(-1)?.at ?? 0;
    sim.advance(120).complete('describe-consumer-group');
    mount(sim.state);

    const history = harness.container.querySelector('[aria-label="Earlier results"]');
    const earlier = history?.querySelector<HTMLButtonElement>('button');
    if (!earlier) throw new Error('no earlier result');
    const clockAt = (t: number) => timeOfDay(avro.clock, t);
    expect(earlier.textContent).toContain(clockAt(firstAt));

    click(earlier);
    expect(earlier.getAttribute('aria-pressed')).toBe('true');
    expect(panel().textContent).toContain(`as of ${clockAt(firstAt)}`);
    expect(panel().textContent).toContain('earlier result');
  });

  it('renders what a tool printed as text, never as markup', () => {
    const sim = new Sim(avro, 1).start();
    const state: SimState = { ...sim.state, outputs: [{ at: 0, action: 'read-runbook', kind: 'text', title: 'Runbook', command: '', body: '<img src=x onerror="alert(1)"> step 1' }] };
    mount(state);
    expect(panel().querySelector('img')).toBeNull();
    expect(panel().textContent).toContain('<img src=x onerror="alert(1)"> step 1');
  });
});

describe('the tool tabs of an incident worked by typing', () => {
  it('shows the terminal and the SQL prompt, and only the tabs something in the scenario prints into', () => {
    const typedOnly = scenarioRun('avro-schema-break');
    const typedHarness = new PanelHarness(typedOnly, () => <ToolsPanel />);
    typedHarness.mount(new Sim(typedOnly, 1).start().state);
    const names = [...typedHarness.container.querySelectorAll('[role="tab"]')].map((t) => t.textContent ?? '');
    expect(names[0]).toMatch(/^Terminal/);
    expect(names[1]).toMatch(/^SQL/);
    // The runbook and deploy log are the incident's procedures; nothing prints consumer groups or registry views.
    expect(names.some((n) => /Runbook/.test(n))).toBe(true);
    expect(names.some((n) => /Consumer groups|Schema registry|Lineage/.test(n))).toBe(false);
    typedHarness.unmount();
  });
});
