import { roomLimits, type ClientMessage, type HostNote, type RubricMark } from '../src/rooms';
import type { Refusal } from './room-session';

/** A host record as stored: a note under its id, a mark under `mark:<criterion>`. */
export type HostRecord = { kind: 'note'; id: string; body: HostNote } | { kind: 'mark'; id: string; body: RubricMark };

/**
 * The host's private notebook for one room: notes pinned to sim times and rubric marks with
 * their evidence. It only ever goes to the host's own connection; synchronous and free of I/O
 * (the room persists each record `note` or `mark` returns before it calls `keep`).
 */
export class HostNotebook {
  private readonly notes: HostNote[] = [];
  private readonly marks = new Map<string, RubricMark>();

  constructor(
    records: readonly HostRecord[],
    /** The criteria this room's rubric has. */
    private readonly criteria: ReadonlySet<string>,
  ) {
    for (const r of records) this.keep(r);
  }

  /** Whether a note with this id is already kept (a resend). */
  hasNote(id: string): boolean {
    return this.notes.some((n) => n.id === id);
  }

  /** The record for a new note, or why it is refused. */
  note(m: ClientMessage<'host.note'>, at: number, logLength: number): HostRecord | Refusal {
    if (this.notes.length >= roomLimits.maxHostNotes) return { code: 'conflict', message: `a room keeps at most ${roomLimits.maxHostNotes} notes` };
    if (m.seq !== undefined && m.seq >= logLength) return { code: 'not-found', message: `there is no log entry ${m.seq} (the log has ${logLength})` };
    return { kind: 'note', id: m.id, body: { id: m.id, at, text: m.text, seq: m.seq ?? null } };
  }

  /** The record for a mark, or why it is refused. */
  mark(m: ClientMessage<'host.mark'>, at: number, logLength: number): HostRecord | Refusal {
    if (!this.criteria.has(m.criterion)) return { code: 'not-found', message: `this round's rubric has no criterion "${m.criterion}"` };
    const badSeq = m.evidence.find((seq) => seq >= logLength);
    if (badSeq !== undefined) return { code: 'not-found', message: `there is no log entry ${badSeq} (the log has ${logLength})` };
    const badNote = m.notes.find((id) => !this.hasNote(id));
    if (badNote !== undefined) return { code: 'not-found', message: `there is no note "${badNote}"` };
    const body: RubricMark = { criterion: m.criterion, score: m.score, evidence: [...new Set(m.evidence)].sort((a, b) => a - b), notes: [...new Set(m.notes)], at };
    return { kind: 'mark', id: `mark:${m.criterion}`, body };
  }

  /** Keeps a persisted record. */
  keep(r: HostRecord): void {
    if (r.kind === 'note') {
      if (!this.hasNote(r.id)) this.notes.push(r.body);
    } else this.marks.set(r.body.criterion, r.body);
  }

  /** What the host's connection receives. */
  picture(): { notes: HostNote[]; marks: RubricMark[] } {
    return { notes: this.notes.map((n) => ({ ...n })), marks: [...this.marks.values()].map((m) => ({ ...m, evidence: [...m.evidence], notes: [...m.notes] })) };
  }
}
