// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyEntry, createInitialState, facilitatorView, playBot, playerView, prepareRun, type SimState } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import { roundOutcome, type RoundOutcome } from '../../src/engine/facilitator/round-outcome';
import { logUpTo, type Attribution, type ClockState, type CreateRoomOptions, type Participant, type Seat } from '../../src/rooms';
import type { Scenario } from '../../src/scenarios/schema';
import { DialerContext } from '../../src/ui/room/dialer-context';
import CreateRoomScreen from '../../src/ui/room/CreateRoomScreen';
import HostRoomScreen from '../../src/ui/room/HostRoomScreen';
import { useImportedScenarios } from '../../src/ui/scenario-import/imported-scenarios-store';
import { scenarioCard } from '../../src/scenarios/schema/scenario-card';
import JoinRoomScreen from '../../src/ui/room/JoinRoomScreen';
import { FakeDialer } from '../support/fake-room-dialer';
import { requireBuiltinScenario } from '../support/require-scenario';

let scenario: Scenario;
let dialer: FakeDialer;
const hostToken = 'h'.repeat(43);
const room = { code: 'K7MP4Q', mode: 'drill' as const, scenario: { id: 'avro-schema-break', title: 'The executive dashboard went blank' }, level: 'normal' as const, seed: 7 };
const fay: Participant = { seat: 's-host', name: 'Fay', role: 'host', connected: true };
const ana: Participant = { seat: 's-ops', name: 'Ana', role: 'operations', connected: true };
const clockAt = (t: number, over: Partial<ClockState> = {}): ClockState => ({ t, paused: false, speed: 5, stage: 'running', serverNow: 0, ...over });

beforeAll(async () => {
  scenario = prepareRun(await requireBuiltinScenario('avro-schema-break'), 7, 'normal');
});

beforeEach(() => {
  localStorage.clear();
  dialer = new FakeDialer();
});

afterEach(cleanup);

function withDialer(children: ReactNode) {
  return <DialerContext.Provider value={() => dialer}>{children}</DialerContext.Provider>;
}

function started(): SimState {
  return applyEntry(scenario, createInitialState(scenario, 7), { at: 0, command: { type: 'session.start' } });
}

async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function joinAsAna(): Promise<void> {
  render(withDialer(<JoinRoomScreen code="K7MP4Q" />));
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Ana' } });
  fireEvent.click(screen.getByRole('radio', { name: /Operations/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Join' }));
  await waitFor(() => expect(dialer.channels).toHaveLength(1));
  const you: Seat = { seat: 's-ops', name: 'Ana', role: 'operations' };
  act(() => {
    dialer.last.say('welcome', { you, seatToken: 'seat-token', room });
    dialer.last.say('lobby', { participants: [fay, ana] });
  });
}

describe('joining a room', () => {
  it('asks for a name before joining, with the roles described', async () => {
    render(withDialer(<JoinRoomScreen code="K7MP4Q" />));
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(screen.getByText('Enter the name the others will see.')).toBeTruthy();
    expect(dialer.channels).toHaveLength(0);
    expect(screen.getByRole('radio', { name: /Incident commander.*declares the cause/ })).toBeTruthy();
  });

  it('refuses a code that cannot be a room code', () => {
    render(withDialer(<JoinRoomScreen code={null} />));
    fireEvent.change(screen.getByLabelText('Room code or link'), { target: { value: 'hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByText(/six-character room code/)).toBeTruthy();
  });

  it('joins with the chosen name and role and waits in the lobby until the host starts', async () => {
    await joinAsAna();
    expect(dialer.last.how).toEqual({ via: 'join', options: { name: 'Ana', role: 'operations' } });
    act(() => dialer.last.say('view.player', { clock: clockAt(-60, { stage: 'briefing' }), view: playerView(scenario, createInitialState(scenario, 7)), log: [] }));
    expect(screen.getByRole('heading', { name: room.scenario.title })).toBeTruthy();
    expect(screen.getByText(/opens for everyone when the facilitator starts the clock/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Participants' });
    expect(within(list).getByText('Fay')).toBeTruthy();
    expect(within(list).getByText('Facilitator')).toBeTruthy();
    expect(within(list).getByText('Operations')).toBeTruthy();
    await expectNoAxeViolations(document.body);
  });

  it('shows the room’s console once the incident runs, with the facilitator’s pause and the connection', async () => {
    await joinAsAna();
    const view = playerView(scenario, started());
    act(() => dialer.last.say('view.player', { clock: clockAt(30), view, log: [] }));
    expect(await screen.findByRole('main', { name: 'Incident console' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End incident' })).toBeNull();
    expect(screen.queryByText(/Paused by/)).toBeNull();
    act(() => dialer.last.say('view.player', { clock: clockAt(31, { paused: true }), view, log: [] }));
    expect(screen.getByText('Paused by the facilitator.')).toBeTruthy();
    act(() => dialer.last.drop());
    expect(screen.getByText('Reconnecting…')).toBeTruthy();
    await expectNoAxeViolations(document.body);
  });

  it('shows a refused command to the participant who sent it', async () => {
    await joinAsAna();
    act(() => dialer.last.say('view.player', { clock: clockAt(30), view: playerView(scenario, started()), log: [] }));
    await screen.findByRole('main', { name: 'Incident console' }, { timeout: 15_000 });
    act(() => dialer.last.say('error', { code: 'forbidden', message: 'Only the incident commander declares the cause.', type: 'command' }));
    expect(screen.getByRole('alert').textContent).toBe('Only the incident commander declares the cause.');
  });
});

it('offers to choose again when the room refuses the seat', async () => {
  dialer.refuseJoin = 'This room is a mock interview: join as candidate or observer.';
  render(withDialer(<JoinRoomScreen code="K7MP4Q" />));
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Ana' } });
  fireEvent.click(screen.getByRole('button', { name: 'Join' }));
  expect((await screen.findByRole('alert')).textContent).toBe('This room is a mock interview: join as candidate or observer.');
  dialer.refuseJoin = null;
  fireEvent.click(screen.getByRole('button', { name: 'Choose the name and role again' }));
  fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Ana' } });
  fireEvent.click(screen.getByRole('radio', { name: /^Candidate/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Join' }));
  await waitFor(() => expect(dialer.channels).toHaveLength(1));
  expect(dialer.last.how).toEqual({ via: 'join', options: { name: 'Ana', role: 'candidate' } });
});

describe('the host screen', () => {
  async function openHost() {
    render(withDialer(<HostRoomScreen code="K7MP4Q" hostToken={hostToken} />));
    await waitFor(() => expect(dialer.channels).toHaveLength(1));
    act(() => {
      dialer.last.say('welcome', { you: fay, seatToken: 'host-seat', room, hostToken });
      dialer.last.say('lobby', { participants: [fay, ana] });
      dialer.last.say('view.facilitator', { clock: clockAt(-60, { stage: 'briefing' }), view: facilitatorView(scenario, createInitialState(scenario, 7)), log: [], schedule: [] });
    });
  }

  it('opens the host seat with the secret link’s token', async () => {
    await openHost();
    expect(dialer.last.how).toEqual({ via: 'join', options: { name: 'Host', role: 'host', hostToken } });
  });

  it('shows the code, the participants’ link and the secret host link, and who has joined', async () => {
    await openHost();
    expect(screen.getByText('K7MP4Q', { selector: '.room-code__value' })).toBeTruthy();
    expect((screen.getByLabelText("Participants' link") as HTMLInputElement).value).toMatch(/#\/room\/K7MP4Q$/);
    expect((screen.getByLabelText('Your host link (secret)') as HTMLInputElement).value).toMatch(new RegExp(`#/room/K7MP4Q/host/${hostToken}$`));
    expect(within(screen.getByRole('list', { name: 'Participants' })).getByText('Ana')).toBeTruthy();
    await expectNoAxeViolations(document.body);
  });

  it('starts, pauses, sets the speed and ends for everyone', async () => {
    await openHost();
    fireEvent.click(screen.getByRole('button', { name: 'Start the incident' }));
    act(() => dialer.last.say('view.facilitator', { clock: clockAt(0), view: facilitatorView(scenario, started()), log: [], schedule: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause for everyone' }));
    fireEvent.click(screen.getByRole('button', { name: '20×' }));
    window.confirm = () => true;
    fireEvent.click(screen.getByRole('button', { name: 'End the incident' }));
    expect(dialer.last.sent.slice(1).map((m) => m.type)).toEqual(['host.start', 'host.pause', 'host.speed', 'host.end']);
    expect(dialer.last.sentOf('host.speed')).toEqual([{ speed: 20 }]);
  });

  it('fires an inject now, or schedules it at a sim time that has not passed', async () => {
    await openHost();
    act(() => dialer.last.say('view.facilitator', { clock: clockAt(600), view: facilitatorView(scenario, started()), log: [], schedule: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Fire now: The CEO joins the review' }));
    const at = screen.getByLabelText('Schedule Refund surge at T+ minutes');
    fireEvent.change(at, { target: { value: '5' } });
    fireEvent.submit(at.closest('form') as HTMLFormElement);
    expect(screen.getByText(/That time has passed/)).toBeTruthy();
    fireEvent.change(at, { target: { value: '25' } });
    fireEvent.submit(at.closest('form') as HTMLFormElement);
    expect(dialer.last.sentOf('host.inject').map((p) => ({ ...(p as object), id: 'x' }))).toEqual([
      { id: 'x', inject: 'ceo-joins' },
      { id: 'x', inject: 'refund-surge', atS: 1500 },
    ]);
  });
});

describe("a finished room's “start a drill from here”", () => {
  it('opens a new room at the chosen moment with the same scenario, level, seed and the log up to it', async () => {
    const { state } = playBot(scenario, 'model', 7);
    const log: Attribution[] = state.log.map((e, seq) => ({ seq, at: e.at, type: e.command.type, by: e.command.type === 'session.start' ? fay : ana }));
    const replay = makeReplayFile(scenario, state);
    render(withDialer(<HostRoomScreen code="K7MP4Q" hostToken={hostToken} />));
    await waitFor(() => expect(dialer.channels).toHaveLength(1));
    act(() => {
      dialer.last.say('welcome', { you: fay, seatToken: 'host-seat', room, hostToken });
      dialer.last.say('lobby', { participants: [fay, ana] });
      dialer.last.say('view.facilitator', { clock: clockAt(state.t, { stage: 'debrief', paused: true }), view: facilitatorView(scenario, state), log, schedule: [] });
      dialer.last.say('host.outcome', { outcome: roundOutcome(scenario, state) as RoundOutcome, replay });
    });
    const card = screen.getByRole('region', { name: 'Start a drill from here' });
    const moment = (state.log[3]?.at as number) + 5;
    fireEvent.change(within(card).getByLabelText('Moment of the run'), { target: { value: String(moment) } });
    expect(card.textContent).toContain('last step before it: Ana');
    await expectNoAxeViolations(card);
    fireEvent.click(within(card).getByRole('button', { name: /^Start a drill from / }));
    await waitFor(() => expect(dialer.channels).toHaveLength(2));
    expect(dialer.last.how).toEqual({ via: 'create', options: { mode: 'drill', name: 'Fay', scenario: { kind: 'builtin', id: 'avro-schema-break' }, seed: 7, level: 'normal', from: { scenarioVersion: scenario.version, at: moment, log: logUpTo(replay, log, moment) } } });
    expect((dialer.last.how as { options: CreateRoomOptions }).options.from?.log).toHaveLength(state.log.filter((e) => e.at <= moment).length);
    act(() => dialer.last.say('welcome', { you: fay, seatToken: 'host-seat-2', room: { ...room, code: 'B7NCH2' }, hostToken: 'n'.repeat(43) }));
    expect(window.location.hash).toBe(`#/room/B7NCH2/host/${'n'.repeat(43)}`);
  });
});

describe('creating a room', () => {
  it('creates a drill with the chosen scenario, level and seed, then opens the host screen on its secret link', async () => {
    render(withDialer(<CreateRoomScreen mode="drill" />));
    fireEvent.change(screen.getByLabelText(/Your name/), { target: { value: 'Fay' } });
    fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'avro-schema-break' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Hard' }));
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '4242' } });
    fireEvent.click(screen.getByRole('radio', { name: '20×' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the room' }));
    await waitFor(() => expect(dialer.channels).toHaveLength(1));
    expect(dialer.last.how).toEqual({ via: 'create', options: { mode: 'drill', name: 'Fay', scenario: { kind: 'builtin', id: 'avro-schema-break' }, seed: 4242, level: 'hard' } });
    act(() => dialer.last.say('welcome', { you: fay, seatToken: 'host-seat', room, hostToken }));
    expect(window.location.hash).toBe(`#/room/K7MP4Q/host/${hostToken}`);
    expect(dialer.last.sentOf('host.speed')).toEqual([{ speed: 20 }]);
    await expectNoAxeViolations(document.body);
  });

  it('sends an imported scenario as its file, for the server to check again', async () => {
    const own = { ...scenario, id: 'own-drill', title: 'Our own drill' };
    useImportedScenarios.setState({ status: 'ready', imports: [{ card: scenarioCard(own), scenario: own, fileName: 'own-drill.yaml', text: 'id: own-drill\n', importedAt: '2026-05-04T09:00:00.000Z' }] });
    render(withDialer(<CreateRoomScreen mode="interview" />));
    fireEvent.change(screen.getByLabelText(/Your name/), { target: { value: 'Ivo' } });
    fireEvent.change(screen.getByLabelText('Scenario'), { target: { value: 'own-drill' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the room' }));
    await waitFor(() => expect(dialer.channels).toHaveLength(1));
    expect(dialer.last.how).toMatchObject({ via: 'create', options: { mode: 'interview', scenario: { kind: 'file', fileName: 'own-drill.yaml', text: 'id: own-drill\n' } } });
  });
});
