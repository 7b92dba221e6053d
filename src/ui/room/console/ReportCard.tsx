import { useMemo } from 'react';
import type { FacilitatorView } from '../../../engine';
import type { RoundOutcome } from '../../../engine/facilitator/round-outcome';
import type { RubricCriterion } from '../../../engine/interview/rubric';
import { roundReportMarkdown } from '../../../engine/interview/round-report';
import { makeRoundFile, type Attribution, type FeedItem, type HostNote, type Participant, type RoomInfo, type RubricMark } from '../../../rooms';
import type { ReplayFile } from '../../../scenarios/schema';
import { downloadText, exportBaseName } from '../../debrief/download';

interface ReportProps {
  info: RoomInfo;
  view: FacilitatorView;
  /** The engine's score once the round is over. */
  outcome: RoundOutcome | null;
  /** The finished round's replay, once the server has sent it. */
  replay: ReplayFile | null;
  /** Who sent each log entry. */
  log: readonly Attribution[];
  participants: readonly Participant[];
  criteria: readonly RubricCriterion[];
  marks: readonly RubricMark[];
  notes: readonly HostNote[];
  feed: readonly FeedItem[];
}

/** The combined report: the engine's score against the model, the rubric with its evidence, the notes; as Markdown or printed. Host only. */
export function ReportCard({ info, view, outcome, replay, log, participants, criteria, marks, notes, feed }: ReportProps) {
  const host = participants.find((p) => p.role === 'host')?.name ?? null;
  const players = useMemo(() => participants.filter((p) => p.role !== 'host' && p.role !== 'observer').map((p) => p.name), [participants]);
  const markdown = useMemo(
    () =>
      roundReportMarkdown({
        title: info.scenario.title,
        scenarioId: info.scenario.id,
        mode: info.mode,
        level: info.level,
        seed: info.seed,
        code: info.code,
        host,
        participants: players,
        anchor: view.scenario.clock,
        outcome,
        criteria,
        marks,
        notes,
        commands: feed.map((f) => ({ seq: f.seq, at: f.at, by: f.by?.name ?? null, text: f.text })),
      }),
    [info, view, outcome, host, players, criteria, marks, notes, feed],
  );
  const over = outcome !== null;
  // The replay, who sent what, and the marks and notes sealed: a second interviewer scores it on the review screen.
  const downloadRound = () => {
    if (!replay) return;
    const round = makeRoundFile({ title: info.scenario.title, code: info.code, mode: info.mode, host, participants: players, attribution: log, replay, marks, notes });
    downloadText(`${exportBaseName(info.scenario.id, info.seed)}-round.json`, `${JSON.stringify(round, null, 2)}\n`, 'application/json');
  };
  const print = () => {
    document.body.classList.add('printing-host-report');
    const done = () => {
      document.body.classList.remove('printing-host-report');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  return (
    <section className="panel room-card host-report" aria-labelledby="host-report-title">
      <h2 id="host-report-title" className="room-card__heading">
        Report {over ? <span className="badge badge--ok">Scored</span> : <span className="badge badge--neutral">Draft</span>}
      </h2>
      <p className="room-card__help">{over ? 'The engine has scored the round; the rubric and notes are yours.' : 'The engine scores the round when it ends; you can export a draft now.'}</p>
      <div className="room-card__actions">
        <button type="button" className="btn btn--primary" onClick={() => downloadText(`${exportBaseName(info.scenario.id, info.seed)}-${info.mode}-report.md`, markdown, 'text/markdown')}>
          Download report (Markdown)
        </button>
        <button type="button" className="btn" onClick={print}>
          Print or save as PDF
        </button>
        {info.mode === 'interview' && replay && (
          <button type="button" className="btn" onClick={downloadRound}>
            Round for a second interviewer (JSON)
          </button>
        )}
      </div>
      <details className="host-report__preview">
        <summary>Preview</summary>
        <pre className="host-report__text" tabIndex={0} aria-label="Report preview">
          {markdown}
        </pre>
      </details>
      <pre className="host-report__print" aria-hidden="true">
        {markdown}
      </pre>
    </section>
  );
}
