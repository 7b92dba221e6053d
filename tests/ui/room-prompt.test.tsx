// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createStore } from 'zustand/vanilla';
import { afterEach, describe, expect, it } from 'vitest';
import { playerView } from '../../src/engine';
import type { Seat } from '../../src/rooms';
import type { Command } from '../../src/scenarios/schema';
import { RoomSession } from '../../server/room-session';
import { TerminalPanel } from '../../src/ui/console/terminal/TerminalPanel';
import { HostContext } from '../../src/ui/hooks/use-session';
import type { HostSnapshot, SessionHost } from '../../src/ui/host/session-host';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('stale-revenue-table');
const ann: Seat = { seat: 's-ann', name: 'Ann', role: 'operations' };
const bob: Seat = { seat: 's-bob', name: 'Bob', role: 'incident-commander' };

afterEach(() => cleanup());

/** A room where Ann's line has printed and Bob's is still running, seen from Ann's window. */
function annsWindow(commands = true) {
  const room = new RoomSession(s, 3, [], [], null);
  let n = 0;
  const send = (by: Seat, at: number, command: Command) => room.apply(room.prepare(at, command, by, `c${(n += 1)}`));
  const start = s.clock.playerStartS;
  send(bob, start, { type: 'session.start' });
  send(ann, start + 10, { type: 'terminal.run', line: 'kubectl get pods' });
  send(bob, start + 60, { type: 'terminal.run', line: 'kubectl get deployments' });
  const view = playerView(s, room.state);
  const store = createStore<HostSnapshot>()(() => ({ view, clock: view.t, paused: true, speed: 1, controls: { clock: false, commands, end: false }, connection: 'connected', pausedBy: null, actor: ann.seat, sending: [], refused: null }));
  const sent: Command[] = [];
  const host: SessionHost = { kind: 'room', store, send: (c) => sent.push(c), setPaused: () => undefined, setSpeed: () => undefined, drive: () => () => undefined };
  render(
    <HostContext.Provider value={host}>
      <TerminalPanel />
    </HostContext.Provider>,
  );
  const input = screen.queryByRole('textbox', { name: /command line/ }) as HTMLInputElement;
  const enter = (line: string) => {
    fireEvent.change(input, { target: { value: line } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  return { store, sent, input, enter, view };
}

describe("a room seat's own prompt", () => {
  it("shows only this seat's lines and is not held up by another seat's running line", () => {
    const { sent, enter, view } = annsWindow();
    expect(view.terminal.map((e) => [e.by, e.output === null])).toEqual([
      ['s-ann', false],
      ['s-bob', true],
    ]);
    const screenText = screen.getByRole('log', { name: 'Terminal output' }).textContent ?? '';
    expect(screenText).toContain('kubectl get pods');
    expect(screenText).not.toContain('kubectl get deployments');
    expect(screenText).not.toContain('running');
    enter('kubectl logs deployment/airflow-scheduler --since=1h');
    expect(sent).toEqual([{ type: 'terminal.run', line: 'kubectl logs deployment/airflow-scheduler --since=1h' }]);
  });

  it("shows a window that only watches (an observer) every seat's lines", () => {
    annsWindow(false);
    const screenText = screen.getByRole('log', { name: 'Terminal output' }).textContent ?? '';
    expect(screenText).toContain('kubectl get pods');
    expect(screenText).toContain('kubectl get deployments');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('waits for the server to answer a line, and gives a refused line back with the reason', () => {
    const { store, sent, input, enter } = annsWindow();
    const line: Command = { type: 'terminal.run', line: 'kubectl rollout restart deployment/airflow-scheduler' };
    act(() => store.setState({ sending: [line] }));
    expect(screen.getByRole('log', { name: 'Terminal output' }).textContent).toContain('sending “kubectl rollout restart deployment/airflow-scheduler” to the room');
    enter('kubectl get nodes');
    expect(sent).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('is on its way to the room');
    expect(input.value).toBe('kubectl get nodes');

    fireEvent.change(input, { target: { value: '' } });
    act(() => store.setState({ sending: [], refused: { command: line, reason: 'more than 10 messages in one second; the extra ones are dropped', n: 1 } }));
    expect(screen.getByRole('status').textContent).toBe('Not run: “kubectl rollout restart deployment/airflow-scheduler”: more than 10 messages in one second; the extra ones are dropped.');
    expect(input.value).toBe(line.line);
    enter(line.line);
    expect(sent).toEqual([line]);
  });
});
