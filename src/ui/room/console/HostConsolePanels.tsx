import { useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { rubricCriteria } from '../../../engine/interview/rubric';
import type { RoomInfo } from '../../../rooms';
import type { RoomSession } from '../room-session';
import { useRoomPicture } from '../use-room-session';
import { BranchCard } from './BranchCard';
import { LiveFeed, type CiteTarget } from './LiveFeed';
import { NotesCard, type NoteTarget } from './NotesCard';
import { ProbesCard } from './ProbesCard';
import { ReportCard } from './ReportCard';
import { RubricCard } from './RubricCard';
import { ScoreboardCard } from './ScoreboardCard';
import { TruthCard } from './TruthCard';
import { useFeed } from './use-feed';
import { WalkthroughCard } from './WalkthroughCard';
import './host-console.css';

function toggled<T>(list: readonly T[], x: T): T[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
}

/**
 * The host's console beside the room's controls: the live feed and private notes, the hidden
 * truth and the walkthrough against the room, and for an interview the probes, the rubric and the
 * report (on top once the round is scored). `clock` leads the second column; `injects` and `more` close it. Whatever rubric criterion is collecting evidence receives the commands and notes cited.
 */
export function HostConsolePanels({ session, info, clock, injects, more }: { session: RoomSession; info: RoomInfo; clock?: ReactNode; injects?: ReactNode; more?: ReactNode }) {
  const view = useRoomPicture(session, (p) => p.facilitator);
  const marks = useRoomPicture(session, (p) => p.marks);
  const notes = useRoomPicture(session, (p) => p.notes);
  const participants = useRoomPicture(session, (p) => p.participants);
  const outcome = useRoomPicture(session, (p) => p.outcome);
  const replay = useRoomPicture(session, (p) => p.replay);
  const log = useRoomPicture(session, (p) => p.log);
  const you = useRoomPicture(session, (p) => p.you);
  const speed = useStore(session.store, (s) => s.speed);
  const feed = useFeed(session);
  const [collecting, setCollecting] = useState<string | null>(null);
  const rubric = view?.hidden.rubric;
  const criteria = useMemo(() => rubricCriteria(rubric ?? []), [rubric]);
  if (!view) return null;
  const interview = info.mode === 'interview';
  const criterion = interview ? criteria.find((c) => c.id === collecting) : undefined;
  const mark = criterion && marks.find((m) => m.criterion === criterion.id);
  const citeTarget: CiteTarget | null = criterion ? { title: criterion.title, cited: mark?.evidence ?? [], cite: (seq) => session.mark(criterion.id, mark?.score ?? null, toggled(mark?.evidence ?? [], seq), mark?.notes ?? []) } : null;
  const noteTarget: NoteTarget | null = criterion ? { title: criterion.title, cited: mark?.notes ?? [], cite: (id) => session.mark(criterion.id, mark?.score ?? null, mark?.evidence ?? [], toggled(mark?.notes ?? [], id)) } : null;
  const over = outcome !== null;
  const report = <ReportCard info={info} view={view} outcome={outcome} replay={replay} log={log} participants={participants} criteria={interview ? criteria : []} marks={marks} notes={notes} feed={feed} />;
  // Each part in its own slot: on a phone the two columns melt into one list, ordered by what an interviewer reaches for first (host-console.css).
  const slot = (name: string, node: ReactNode) => node && <div className={`host-slot host-slot--${name}`}>{node}</div>;
  return (
    <div className="room-grid room-grid--console">
      <div className="room-grid__column">
        {slot('feed', <LiveFeed feed={feed} view={view} mode={info.mode} target={citeTarget} />)}
        {slot('notes', <NotesCard session={session} view={view} notes={notes} target={noteTarget} />)}
        {slot('truth', <TruthCard view={view} />)}
        {slot('walkthrough', <WalkthroughCard view={view} />)}
      </div>
      <div className="room-grid__column">
        {slot('clock', clock)}
        {over && slot('report', report)}
        {over && replay && slot('branch', <BranchCard info={info} view={view} replay={replay} log={log} feed={feed} participants={participants} hostName={you?.name ?? 'Host'} speed={speed} />)}
        {slot('scoreboard', <ScoreboardCard view={view} />)}
        {interview && slot('probes', <ProbesCard view={view} />)}
        {interview && slot('rubric', <RubricCard onMark={session.mark} criteria={criteria} marks={marks} feed={feed} collecting={collecting} onCollect={setCollecting} />)}
        {!over && slot('report', report)}
        {slot('injects', injects)}
        {slot('more', more)}
      </div>
    </div>
  );
}
