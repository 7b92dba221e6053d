import { afterAll, describe, expect, it } from 'vitest';
import { serverPool } from './support/server-pool';
import { TestSeat } from './support/test-seat';

const { track, serverOn, cleanUp } = serverPool();

afterAll(cleanUp);

const options = { mode: 'interview', name: 'Ivy', scenario: { kind: 'builtin', id: 'avro-schema-break' }, seed: 3, level: 'normal' } as const;
/** A connection may send 10 messages a second; the test sends in bursts below it. */
const underTheFloodLimit = () => new Promise((r) => setTimeout(r, 1100));
const noteText = 'Went straight to the consumer group before the logs: ask why.';

describe("the interviewer's notebook", () => {
  it('keeps notes pinned to sim time and rubric marks with evidence for the host alone, across a restart', { timeout: 180_000 }, async () => {
    const first = await serverOn();
    const host = track(await TestSeat.create(first.url, options));
    const welcome = host.last('welcome');
    const code = welcome?.room.code as string;
    const candidate = track(await TestSeat.join(first.url, code, { name: 'Cy', role: 'candidate' }));
    await host.request('host.start', {});
    const typed = await candidate.command({ type: 'terminal.run', line: 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher' });
    const seq = (typed as { seq: number }).seq;
    expect(typeof seq).toBe('number');

    // The host sees the command as typed in its view's log, attributed to the candidate.
    await host.until(() => (host.view as { log?: { seq: number; text: string }[] })?.log?.some((e) => e.seq === seq) === true, 'the typed command in the host view');
    expect(host.log.find((a) => a.seq === seq)?.by.name).toBe('Cy');

    const noted = await host.request('host.note', { text: noteText, seq });
    expect(noted).toMatchObject({ rejected: null, duplicate: false });
    const noteAt = (noted as { at: number }).at;
    expect(noteAt).toBeGreaterThanOrEqual((typed as { at: number }).at);
    await host.until(() => host.last('host.private')?.notes.length === 1, 'the note back to the host');
    const noteId = host.last('host.private')?.notes[0]?.id as string;
    expect(host.last('host.private')?.notes[0]).toEqual({ id: noteId, at: noteAt, text: noteText, seq });

    expect(await host.request('host.mark', { criterion: 'shared:detect-and-scope', score: 3, evidence: [seq], notes: [noteId] })).toMatchObject({ rejected: null });
    expect(await host.request('host.mark', { criterion: 'scenario:0', score: 2, evidence: [] })).toMatchObject({ rejected: null });
    // A second mark on a criterion replaces the first.
    expect(await host.request('host.mark', { criterion: 'scenario:0', score: 4, evidence: [seq] })).toMatchObject({ rejected: null });
    await host.until(() => host.last('host.private')?.marks.length === 2 && host.last('host.private')?.marks[1]?.score === 4, 'both marks');
    expect(host.last('host.private')?.marks).toEqual([
      expect.objectContaining({ criterion: 'shared:detect-and-scope', score: 3, evidence: [seq], notes: [noteId] }),
      expect.objectContaining({ criterion: 'scenario:0', score: 4, evidence: [seq], notes: [] }),
    ]);

    await underTheFloodLimit();
    // Refused, with what and where: an entry or criterion that does not exist, a score off the scale, a candidate writing notes.
    expect(await host.request('host.mark', { criterion: 'scenario:9', score: 1 })).toMatchObject({ code: 'not-found', message: expect.stringContaining('scenario:9') });
    expect(await host.request('host.mark', { criterion: 'shared:verify', score: 2, evidence: [999] })).toMatchObject({ code: 'not-found', message: expect.stringContaining('999') });
    expect(await host.request('host.mark', { criterion: 'shared:verify', score: 5 })).toMatchObject({ code: 'malformed', message: expect.stringContaining('score') });
    expect(await host.request('host.note', { text: '   ' })).toMatchObject({ code: 'malformed', message: expect.stringContaining('text') });
    expect(await candidate.request('host.note', { text: 'let me in' })).toMatchObject({ code: 'forbidden' });
    await underTheFloodLimit();
    // The same note sent again is recognised, not kept twice.
    expect(await host.request('host.note', { text: noteText, seq }, noteId)).toMatchObject({ duplicate: true });

    // Nothing of the notebook ever reached the candidate's connection.
    await candidate.sync();
    const wire = Buffer.concat(candidate.frames().map((f) => Buffer.from(f)));
    expect(wire.includes(Buffer.from(noteText, 'utf8'))).toBe(false);
    expect(wire.includes(Buffer.from('host.private', 'utf8'))).toBe(false);
    expect(candidate.all('host.private')).toEqual([]);
    expect(Buffer.concat(host.frames().map((f) => Buffer.from(f))).includes(Buffer.from(noteText, 'utf8'))).toBe(true);

    // A restarted server gives the notebook back to the host.
    await new Promise((r) => setTimeout(r, 300));
    await first.stop('SIGKILL');
    const second = await serverOn(first.dataDir);
    const hostBack = track(await TestSeat.join(second.url, code, { name: 'Ivy', role: 'host', hostToken: welcome?.hostToken as string }));
    await hostBack.until(() => hostBack.last('host.private') !== undefined, 'the notebook after the restart');
    expect(hostBack.last('host.private')).toEqual(host.last('host.private'));
  });
});
