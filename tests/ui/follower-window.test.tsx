// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { playerView } from '../../src/engine';
import type { Scenario } from '../../src/scenarios/schema';
import { HostContext } from '../../src/ui/hooks/use-session';
import { createFollowerHost, type FollowerHost } from '../../src/ui/host/follower-host';
import { leadFollowers } from '../../src/ui/host/lead-followers';
import { soloHost } from '../../src/ui/host/solo-host';
import { hashOf, parseHashRoute } from '../../src/ui/routes/hash-route';
import ConsoleScreen from '../../src/ui/screens/console/ConsoleScreen';
import { openSession, sendCommand, tickSession } from '../../src/ui/store/session-actions';
import { useSessionStore } from '../../src/ui/store/session-store';
import { requireBuiltinScenario } from '../support/require-scenario';

let scenario: Scenario;
let channelName = 0;
const open: { close: () => void }[] = [];

beforeAll(async () => {
  scenario = await requireBuiltinScenario('avro-schema-break');
});

beforeEach(() => {
  localStorage.clear();
  useSessionStore.setState({ session: null, speed: 5, paused: false });
});

afterEach(() => {
  cleanup();
  for (const o of open.splice(0)) o.close();
});

/** A leading solo window and a follower on their own channel, as two windows of one browser. */
function pair(): FollowerHost {
  const name = `follow-test-${(channelName += 1)}`;
  open.push({ close: leadFollowers(soloHost, new BroadcastChannel(name)) });
  const follower = createFollowerHost(new BroadcastChannel(name));
  open.push(follower);
  return follower;
}

async function startSolo(): Promise<void> {
  await openSession(scenario, 7, false, 'normal');
  sendCommand({ type: 'session.start' });
}

describe('a follower window', () => {
  it('mirrors the leading window’s view, clock and pause, and can do nothing itself', async () => {
    await startSolo();
    const follower = pair();
    await waitFor(() => expect(follower.store.getState().connection).toBe('connected'));
    const lead = useSessionStore.getState().session;
    expect(follower.store.getState().view).toEqual(lead?.view);
    expect(follower.store.getState().controls).toEqual({ clock: false, commands: false, end: false });
    act(() => tickSession(4000));
    await waitFor(() => expect(follower.store.getState().clock).toBe(useSessionStore.getState().session?.clock));
    act(() => useSessionStore.getState().setPaused(true));
    await waitFor(() => expect(follower.store.getState().paused).toBe(true));
  });

  it('publishes nothing while no follower is listening', async () => {
    await startSolo();
    const name = `follow-test-${(channelName += 1)}`;
    const heard: unknown[] = [];
    const listener = new BroadcastChannel(name);
    listener.onmessage = (e) => heard.push(e.data);
    open.push(listener, { close: leadFollowers(soloHost, new BroadcastChannel(name)) });
    act(() => tickSession(4000));
    act(() => sendCommand({ type: 'note.add', text: 'checking lag' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([]);
  });

  it('renders the console read-only: no clock controls, no End, the panels disabled', async () => {
    await startSolo();
    const follower = pair();
    await waitFor(() => expect(follower.store.getState().view).not.toBeNull());
    render(
      <HostContext.Provider value={follower}>
        <ConsoleScreen />
      </HostContext.Provider>,
    );
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End incident' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open a follower window' })).toBeNull();
    expect(screen.getByRole('status', { name: 'Clock' }).textContent).toContain('5×');
    expect(document.querySelector('main')?.hasAttribute('inert')).toBe(true);
  });

  it('is opened from the solo console by a button, at its own link', async () => {
    await startSolo();
    render(<ConsoleScreen />);
    expect(screen.getByRole('button', { name: 'Open a follower window' })).toBeTruthy();
    expect(parseHashRoute(hashOf({ kind: 'follow' }))).toEqual({ kind: 'follow' });
  });
});

describe('links in the URL fragment', () => {
  it('reads room links, the join form and the follower window, and nothing else', () => {
    const token = 'a'.repeat(43);
    expect(parseHashRoute('#/room/k7mp4q')).toEqual({ kind: 'join', code: 'K7MP4Q' });
    expect(parseHashRoute(`#/room/K7MP4Q/host/${token}`)).toEqual({ kind: 'host', code: 'K7MP4Q', hostToken: token });
    expect(parseHashRoute('#/join')).toEqual({ kind: 'join', code: null });
    expect(parseHashRoute('#/follow')).toEqual({ kind: 'follow' });
    expect(parseHashRoute('')).toBeNull();
    expect(parseHashRoute('#/room/K7MP4Q/host/short')).toBeNull();
    expect(parseHashRoute('#/room/0OIL11')).toBeNull();
  });

  it('writes the links it reads', () => {
    const routes = [{ kind: 'follow' }, { kind: 'join', code: null }, { kind: 'join', code: 'K7MP4Q' }, { kind: 'host', code: 'K7MP4Q', hostToken: 'b'.repeat(43) }] as const;
    for (const route of routes) expect(parseHashRoute(hashOf(route))).toEqual(route);
  });
});

describe('the solo host', () => {
  it('publishes the solo store’s view and clock as snapshots', async () => {
    await startSolo();
    const session = useSessionStore.getState().session;
    expect(soloHost.store.getState()).toMatchObject({ view: session?.view, clock: session?.clock, paused: false, speed: 5, connection: 'local' });
    expect(session && playerView(session.scenario, session.state)).toEqual(soloHost.store.getState().view);
  });
});
