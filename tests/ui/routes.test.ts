import { describe, expect, it } from 'vitest';
import { hashOf, isLinkRoute, parseHashRoute, type HashRoute } from '../../src/ui/routes/hash-route';
import { followRoute, followSession, screenFor, type SessionKey } from '../../src/ui/routes/session-route';

const attempt = 'avro-schema-break@3/7/9f2c01ab';
const defaults = { level: 'hard', seed: 424242 } as const;

function key(stage: SessionKey['stage'], more: Partial<SessionKey> = {}): SessionKey {
  return { stage, scenarioId: 'avro-schema-break', level: 'normal', seed: 7, attemptId: stage === 'debrief' ? attempt : null, ...more };
}

describe('screen links in the URL fragment', () => {
  it('reads every solo screen', () => {
    expect(parseHashRoute('#/')).toEqual({ kind: 'catalogue' });
    expect(parseHashRoute('#')).toBeNull();
    expect(parseHashRoute('#/history')).toEqual({ kind: 'history' });
    expect(parseHashRoute('#/new-room/interview')).toEqual({ kind: 'new-room', mode: 'interview' });
    expect(parseHashRoute('#/scenario/avro-schema-break?level=easy&seed=7')).toEqual({ kind: 'briefing', scenarioId: 'avro-schema-break', level: 'easy', seed: 7 });
    expect(parseHashRoute('#/scenario/avro-schema-break')).toEqual({ kind: 'briefing', scenarioId: 'avro-schema-break', level: null, seed: null });
    expect(parseHashRoute('#/play')).toEqual({ kind: 'play' });
    expect(parseHashRoute('#/postmortem/')).toEqual({ kind: 'postmortem' });
    expect(parseHashRoute(`#/debrief/${encodeURIComponent(attempt)}`)).toEqual({ kind: 'debrief', attemptId: attempt });
  });

  it('refuses a link whose level, seed, room kind or path names nothing rather than guessing', () => {
    for (const hash of [
      '#/scenario/avro-schema-break?level=brutal&seed=7',
      '#/scenario/avro-schema-break?seed=-1',
      '#/scenario/avro-schema-break?seed=4294967296',
      '#/scenario/avro-schema-break?seed=1e3',
      '#/scenario/',
      '#/scenario/a/b',
      '#/new-room/party',
      '#/debrief/',
      '#/debrief/%E0%A4%A',
      '#/play/now',
      '#/nowhere',
    ]) {
      expect(parseHashRoute(hash), hash).toBeNull();
    }
  });

  it('writes the links it reads, with ids that carry slashes and spaces', () => {
    const routes: HashRoute[] = [
      { kind: 'catalogue' },
      { kind: 'history' },
      { kind: 'new-room', mode: 'drill' },
      { kind: 'briefing', scenarioId: 'our own/drill', level: 'normal', seed: 0 },
      { kind: 'briefing', scenarioId: 'lag', level: null, seed: 4_294_967_295 },
      { kind: 'play' },
      { kind: 'postmortem' },
      { kind: 'debrief', attemptId: attempt },
      { kind: 'join', code: 'K7MP4Q' },
      { kind: 'projector', code: 'K7MP4Q' },
      { kind: 'review' },
    ];
    for (const route of routes) expect(parseHashRoute(hashOf(route))).toEqual(route);
    expect(hashOf({ kind: 'briefing', scenarioId: 'avro-schema-break', level: 'normal', seed: 7 })).toBe('#/scenario/avro-schema-break?level=normal&seed=7');
  });

  it('keeps room and follower links apart from the solo screens', () => {
    expect(isLinkRoute({ kind: 'follow' })).toBe(true);
    expect(isLinkRoute({ kind: 'review' })).toBe(true);
    expect(parseHashRoute('#/room/k7mp4q/projector')).toEqual({ kind: 'projector', code: 'K7MP4Q' });
    expect(isLinkRoute({ kind: 'projector', code: 'K7MP4Q' })).toBe(true);
    expect(parseHashRoute('#/room/K7MP4Q/projector/extra')).toBeNull();
    expect(isLinkRoute({ kind: 'host', code: 'K7MP4Q', hostToken: 'a'.repeat(43) })).toBe(true);
    expect(isLinkRoute({ kind: 'play' })).toBe(false);
    expect(isLinkRoute({ kind: 'new-room', mode: 'drill' })).toBe(false);
  });
});

describe('the URL following the session', () => {
  const briefingOf7 = { kind: 'briefing', scenarioId: 'avro-schema-break', level: 'normal', seed: 7 } as const;

  it('opens a new run as a new history entry, so Back returns to where it was opened', () => {
    expect(followSession({ kind: 'catalogue' }, null, key('briefing'))).toEqual({ do: 'navigate', hash: '#/scenario/avro-schema-break?level=normal&seed=7', replace: false });
    expect(followSession({ kind: 'history' }, null, key('debrief'))).toEqual({ do: 'navigate', hash: hashOf({ kind: 'debrief', attemptId: attempt }), replace: false });
    // Play again with the same seed: the same scenario and seed, but a new run.
    expect(followSession({ kind: 'debrief', attemptId: attempt }, key('debrief'), key('briefing'))).toMatchObject({ do: 'navigate', replace: false });
  });

  it('moves a stage on in place: an incident cannot go back to its briefing', () => {
    expect(followSession(briefingOf7, key('briefing'), key('running'))).toEqual({ do: 'navigate', hash: '#/play', replace: true });
    expect(followSession({ kind: 'play' }, key('running'), key('prevent'))).toEqual({ do: 'navigate', hash: '#/postmortem', replace: true });
    expect(followSession({ kind: 'play' }, key('running'), key('debrief'))).toEqual({ do: 'navigate', hash: hashOf({ kind: 'debrief', attemptId: attempt }), replace: true });
  });

  it('leaves the URL alone when it already names the session, and goes to the catalogue when the session closes', () => {
    expect(followSession(briefingOf7, null, key('briefing'))).toEqual({ do: 'nothing' });
    expect(followSession({ kind: 'debrief', attemptId: attempt }, key('debrief'), null)).toEqual({ do: 'navigate', hash: '#/', replace: false });
    expect(followSession({ kind: 'history' }, key('briefing'), null)).toEqual({ do: 'nothing' });
  });
});

describe('the session following the URL', () => {
  it('opens a shared briefing link, filling a missing level and seed in place', () => {
    expect(followRoute({ kind: 'briefing', scenarioId: 'lag', level: 'easy', seed: 3 }, null, defaults)).toEqual({ do: 'open-briefing', scenarioId: 'lag', level: 'easy', seed: 3 });
    expect(followRoute({ kind: 'briefing', scenarioId: 'lag', level: null, seed: null }, null, defaults)).toEqual({ do: 'navigate', hash: '#/scenario/lag?level=hard&seed=424242', replace: true });
    expect(followRoute({ kind: 'briefing', scenarioId: 'lag', level: 'easy', seed: null }, null, defaults)).toEqual({ do: 'navigate', hash: '#/scenario/lag?level=easy&seed=424242', replace: true });
  });

  it('never throws away the incident in progress for its own briefing link, but plays a finished one again', () => {
    const link = { kind: 'briefing', scenarioId: 'avro-schema-break', level: 'normal', seed: 7 } as const;
    expect(followRoute(link, key('briefing'), defaults)).toEqual({ do: 'nothing' });
    expect(followRoute(link, key('running'), defaults)).toEqual({ do: 'navigate', hash: '#/play', replace: true });
    expect(followRoute(link, key('debrief'), defaults)).toEqual({ do: 'open-briefing', scenarioId: 'avro-schema-break', level: 'normal', seed: 7 });
    expect(followRoute(link, key('running', { seed: 8 }), defaults)).toMatchObject({ do: 'open-briefing' });
  });

  it('shows the console only for a running incident: the one kept in this browser, else the open one where it stands, else says there is none', () => {
    expect(followRoute({ kind: 'play' }, key('running'), defaults)).toEqual({ do: 'nothing' });
    expect(followRoute({ kind: 'play' }, key('prevent'), defaults)).toEqual({ do: 'resume', stage: 'running', otherwise: { do: 'navigate', hash: '#/postmortem', replace: true } });
    expect(followRoute({ kind: 'postmortem' }, key('running'), defaults)).toEqual({ do: 'resume', stage: 'prevent', otherwise: { do: 'navigate', hash: '#/play', replace: true } });
    expect(followRoute({ kind: 'postmortem' }, key('prevent'), defaults)).toEqual({ do: 'nothing' });
    expect(followRoute({ kind: 'play' }, null, defaults)).toMatchObject({ do: 'resume', otherwise: { do: 'refuse', hash: '#/', notice: expect.stringMatching(/No incident is running/) } });
  });

  it('opens a debrief from the history unless it is the one on screen', () => {
    expect(followRoute({ kind: 'debrief', attemptId: attempt }, key('debrief'), defaults)).toEqual({ do: 'nothing' });
    expect(followRoute({ kind: 'debrief', attemptId: attempt }, key('running'), defaults)).toEqual({ do: 'open-attempt', attemptId: attempt });
    expect(followRoute({ kind: 'debrief', attemptId: 'other' }, key('debrief'), defaults)).toEqual({ do: 'open-attempt', attemptId: 'other' });
  });

  it('sends a bare address to wherever the player left off', () => {
    expect(followRoute(null, null, defaults)).toEqual({ do: 'navigate', hash: '#/', replace: true });
    expect(followRoute(null, key('running'), defaults)).toEqual({ do: 'navigate', hash: '#/play', replace: true });
    expect(followRoute({ kind: 'catalogue' }, key('running'), defaults)).toEqual({ do: 'nothing' });
  });
});

describe('which screen shows', () => {
  it("shows the home screens whatever the session, and the session's stage on its own routes", () => {
    expect(screenFor({ kind: 'history' }, key('running'))).toBe('history');
    expect(screenFor({ kind: 'play' }, key('running'))).toBe('console');
    expect(screenFor({ kind: 'play' }, key('prevent'))).toBe('postmortem');
    expect(screenFor({ kind: 'debrief', attemptId: attempt }, key('debrief'))).toBe('debrief');
  });

  it('waits while a link opens another run than the one in memory', () => {
    expect(screenFor(null, key('running'))).toBe('loading');
    expect(screenFor({ kind: 'play' }, null)).toBe('loading');
    expect(screenFor({ kind: 'debrief', attemptId: 'other' }, key('debrief'))).toBe('loading');
    expect(screenFor({ kind: 'briefing', scenarioId: 'avro-schema-break', level: 'normal', seed: 8 }, key('briefing'))).toBe('loading');
    // The start button moved the run on a moment before its URL: show the console, not a wait.
    expect(screenFor({ kind: 'briefing', scenarioId: 'avro-schema-break', level: 'normal', seed: 7 }, key('running'))).toBe('console');
  });
});
