// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionPalette } from '../../src/ui/console/actions/ActionPalette';
import { TerminalPanel } from '../../src/ui/console/terminal/TerminalPanel';
import { useSessionStore } from '../../src/ui/store/session-store';
import { PanelHarness } from '../support/panel-harness';
import { Sim, scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const label = (id: string) => s.actions.find((a) => a.id === id)?.label ?? id;
const harness = new PanelHarness(s, () => (
  <>
    <ActionPalette />
    <TerminalPanel />
  </>
));
afterEach(() => harness.unmount());

const hands = () => harness.container.querySelector('[aria-label="Your hands"]')?.textContent ?? '';
const input = () => {
  const found = harness.container.querySelector<HTMLInputElement>('.term__input');
  if (!found) throw new Error('no terminal input');
  return found;
};
const typeAndEnter = (value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });

describe('the console shows what the responder has in hand', () => {
  it('lists both held commands and says a third waits, and the terminal keeps the line instead of sending it', () => {
    const sim = new Sim(s, 1).start().waitForPage().act('read-deploy-log').act('ask-upstream-rollback');
    harness.mount(sim.state);
    expect(hands()).toContain('In hand (2 of 2)');
    expect(hands()).toContain(`“${label('read-deploy-log')}” until`);
    expect(hands()).toContain(`“${label('ask-upstream-rollback')}” until`);
    expect(hands()).toMatch(/both hands are busy; the next command can start in 30s/);

    typeAndEnter('kafka-consumer-groups --bootstrap-server kafka:9092 --list');
    expect(harness.container.textContent).toContain(`You are busy with "${label('read-deploy-log')}" and "${label('ask-upstream-rollback')}"`);
    expect(input().value).toBe('kafka-consumer-groups --bootstrap-server kafka:9092 --list');
    expect(useSessionStore.getState().session?.state.terminal ?? []).toEqual([]);
  });

  it('shows nothing in hand once the commands have been read and a job runs on its own', () => {
    const sim = new Sim(s, 1).start().waitForPage().act('ask-upstream-rollback').advance(150);
    harness.mount(sim.state);
    expect(sim.state.running.map((r) => r.action)).toEqual(['ask-upstream-rollback']);
    expect(hands()).toBe('');
  });
});
