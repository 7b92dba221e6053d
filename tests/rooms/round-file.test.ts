import { describe, expect, it } from 'vitest';
import { playBot, stateHash } from '../../src/engine';
import { makeReplayFile } from '../../src/engine/debrief/replay-file';
import { makeRoundFile, readRoundFile, type Attribution } from '../../src/rooms';
import { scenarioRun } from '../support/sim-harness';

const s = scenarioRun('avro-schema-break');
const { state } = playBot(s, 'model', 1);
const host = { seat: 'host', name: 'Ivy', role: 'host' as const };
const cy = { seat: 's-1', name: 'Cy', role: 'candidate' as const };
const attribution: Attribution[] = state.log.map((e, seq) => ({ seq, at: e.at, type: e.command.type, by: e.command.type === 'session.start' ? host : cy }));
const marks = [{ criterion: 'scenario:0', score: 3 as const, evidence: [1], notes: ['n1'], at: 600 }];
const notes = [{ id: 'n1', at: 590, text: 'Went to the logs first.', seq: 1 }];
const round = makeRoundFile({ title: s.title, code: 'K7MP4Q', mode: 'interview', host: 'Ivy', participants: ['Cy'], attribution, replay: makeReplayFile(s, state), marks, notes });
const find = (id: string) => (id === s.id ? s : undefined);

describe('a round file for a second interviewer', () => {
  it('replays to the same run, with who sent each command and the first marks kept for later', () => {
    const read = readRoundFile(JSON.stringify(round), find);
    if (!read.ok) throw new Error(read.error);
    expect(stateHash(read.state)).toBe(stateHash(state));
    expect(read.attribution).toEqual(attribution);
    expect(read.round.first).toEqual({ marks, notes });
  });

  it('refuses what is not a round, a malformed round, and an edited replay, saying why', () => {
    expect(readRoundFile('{', find)).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is not a Firedrill round: it is not valid JSON/) });
    expect(readRoundFile(JSON.stringify(round.replay), find)).toMatchObject({ ok: false, error: expect.stringContaining('"format" field should be "firedrill-round"') });
    expect(readRoundFile(JSON.stringify({ ...round, senders: 'everyone' }), find)).toMatchObject({ ok: false, error: expect.stringContaining('the field "senders" is invalid') });
    const replay = round.replay as { log: { at: number }[] };
    const edited = { ...round, replay: { ...replay, log: replay.log.map((e, i) => (i === replay.log.length - 1 ? { ...e, at: e.at + 1 } : e)) } };
    expect(readRoundFile(JSON.stringify(edited), find)).toMatchObject({ ok: false, error: expect.stringMatching(/^The round's replay was refused: /) });
    expect(readRoundFile(JSON.stringify(round), () => undefined)).toMatchObject({ ok: false, error: expect.stringContaining(s.id) });
  });
});
