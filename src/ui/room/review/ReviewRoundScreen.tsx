import { useCallback, useEffect, useId, useMemo, useState, type ChangeEvent } from 'react';
import { facilitatorView } from '../../../engine';
import { calibrate } from '../../../engine/interview/calibration';
import { roundOutcome } from '../../../engine/facilitator/round-outcome';
import { rubricCriteria } from '../../../engine/interview/rubric';
import { roundReportMarkdown } from '../../../engine/interview/round-report';
import { commandFeed, type RoundRead, type RubricMark } from '../../../rooms';
import { downloadText, exportBaseName } from '../../debrief/download';
import { leaveRoute } from '../../routes/use-hash-route';
import { ScreenHeader } from '../../screens/catalogue/ScreenHeader';
import { LiveFeed, type CiteTarget } from '../console/LiveFeed';
import { RubricCard, type MarkCriterion } from '../console/RubricCard';
import { fileText, readRoundText } from './read-round';
import { dropReview, loadCurrentReview, loadProgressFor, reviewHash, saveReview, type LoadedReview, type ReviewProgress } from './saved-review';
import '../room.css';
import '../console/host-console.css';

type Loaded = Extract<RoundRead, { ok: true }>;

/** The round on screen: as read, its file's text and name (to keep the review by), and the progress it was opened with. */
interface OpenRound {
  read: Loaded;
  text: string;
  fileName: string;
  progress: ReviewProgress | null;
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function toggled<T>(list: readonly T[], x: T): T[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
}

function Calibration({ round, marks, name }: { round: Loaded; marks: readonly RubricMark[]; name: string }) {
  const criteria = useMemo(() => rubricCriteria(round.scenario.rubric), [round]);
  const first = round.round.host ?? 'First interviewer';
  const c = calibrate(criteria, round.round.first.marks, marks);
  const download = () => {
    const view = facilitatorView(round.scenario, round.state);
    const feed = commandFeed(view, round.attribution, round.round.mode);
    const markdown = roundReportMarkdown({
      title: round.round.title,
      scenarioId: round.scenario.id,
      mode: round.round.mode,
      level: round.file.level,
      seed: round.file.seed,
      code: round.round.code,
      host: round.round.host,
      participants: round.round.participants,
      anchor: round.scenario.clock,
      outcome: roundOutcome(round.scenario, round.state),
      criteria,
      marks: round.round.first.marks,
      notes: round.round.first.notes,
      commands: feed.map((f) => ({ seq: f.seq, at: f.at, by: f.by?.name ?? null, text: f.text })),
      second: { name, marks },
    });
    downloadText(`${exportBaseName(round.scenario.id, round.file.seed)}-calibration.md`, markdown, 'text/markdown');
  };
  return (
    <section className="panel room-card" aria-labelledby="review-calibration-title">
      <h2 id="review-calibration-title" className="room-card__heading">
        Calibration
      </h2>
      <p className="room-card__help">
        {c.bothScored === 0 ? 'No criterion was scored by both of you.' : `Both scored ${c.bothScored} of ${c.rows.length}: ${c.exact} the same, ${c.withinOne} within one point, mean gap ${(c.meanAbsGap ?? 0).toFixed(1)}.`}
      </p>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">{first}</th>
            <th scope="col">{name}</th>
            <th scope="col">Agree?</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r) => (
            <tr key={r.criterion} className={r.differs ? 'review-table__row--differs' : undefined}>
              <th scope="row">{r.title}</th>
              <td className="mono">{r.first ?? '—'}</td>
              <td className="mono">{r.second ?? '—'}</td>
              <td>
                {r.differs ? (
                  <span className="badge badge--warn">Differs{r.gap !== null ? ` by ${Math.abs(r.gap)}` : ''}</span>
                ) : r.first === null ? (
                  <span className="badge badge--neutral">Neither scored</span>
                ) : (
                  <span className="badge badge--ok">Same</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="room-card__actions">
        <button type="button" className="btn btn--primary" onClick={download}>
          Download the report with both (Markdown)
        </button>
      </div>
    </section>
  );
}

function Review({ round, initial, onProgress }: { round: Loaded; initial: ReviewProgress | null; onProgress: (progress: ReviewProgress) => void }) {
  const id = useId();
  const criteria = useMemo(() => rubricCriteria(round.scenario.rubric), [round]);
  const view = useMemo(() => facilitatorView(round.scenario, round.state), [round]);
  const feed = useMemo(() => commandFeed(view, round.attribution, round.round.mode), [view, round]);
  const [name, setName] = useState(initial?.name ?? '');
  const [marks, setMarks] = useState<RubricMark[]>(initial?.marks ?? []);
  const [collecting, setCollecting] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(initial?.revealed ?? false);
  // Every change is kept in this browser at once, so a reload finds the marks where they were.
  useEffect(() => onProgress({ name, marks, revealed }), [name, marks, revealed, onProgress]);
  const onMark: MarkCriterion = (criterion, score, evidence, notes) => setMarks((all) => [...all.filter((m) => m.criterion !== criterion), { criterion, score, evidence, notes, at: round.state.t }]);
  const criterion = criteria.find((c) => c.id === collecting);
  const mark = criterion && marks.find((m) => m.criterion === criterion.id);
  const target: CiteTarget | null = !revealed && criterion ? { title: criterion.title, cited: mark?.evidence ?? [], cite: (seq) => onMark(criterion.id, mark?.score ?? null, toggled(mark?.evidence ?? [], seq), []) } : null;
  const scored = marks.filter((m) => m.score !== null).length;
  const who = name.trim() || 'Second interviewer';
  return (
    <>
      <p className="room-card__lead">
        {round.round.participants.join(', ') || 'Nobody'} · level {round.file.level} · seed <span className="mono">{round.file.seed}</span> · interviewed by {round.round.host ?? 'someone'} in room {round.round.code}. {round.round.first.marks.length > 0 ? 'Their marks are sealed until you reveal them.' : 'They left no marks.'}
      </p>
      <div className="room-grid room-grid--console">
        <div className="room-grid__column">
          <LiveFeed feed={feed} view={view} mode={round.round.mode} target={target} title="Commands" />
        </div>
        <div className="room-grid__column">
          <section className="panel room-card" aria-labelledby={`${id}-you`}>
            <h2 id={`${id}-you`} className="room-card__heading">
              You
            </h2>
            <label className="field__label" htmlFor={`${id}-name`}>
              Your name (in the report)
            </label>
            <input id={`${id}-name`} className="room-input" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} disabled={revealed} />
            <p className="room-card__help">{revealed ? 'Your scores are locked: they were given before you saw the first marks.' : `You have scored ${scored} of ${criteria.length}. Revealing the first marks locks yours.`}</p>
            {!revealed && (
              <div className="room-card__actions">
                <button type="button" className="btn btn--primary" disabled={scored === 0} onClick={() => setRevealed(true)}>
                  Lock my scores and reveal the first marks
                </button>
              </div>
            )}
          </section>
          {revealed ? <Calibration round={round} marks={marks} name={who} /> : <RubricCard onMark={onMark} criteria={criteria} marks={marks} feed={feed} collecting={collecting} onCollect={setCollecting} title="Your rubric" />}
        </div>
      </div>
    </>
  );
}

/**
 * A second interviewer's screen: open a finished round's file (from the first interviewer's
 * report), read the replayed commands with their output, score the rubric without seeing the first
 * marks, then lock the scores and compare them side by side (calibration), with a report of both.
 */
export default function ReviewRoundScreen() {
  const id = useId();
  const [open, setOpen] = useState<OpenRound | null>(null);
  const round = open?.read ?? null;
  const [error, setError] = useState<string | null>(null);
  const [storage] = useState(browserStorage);
  // The round this browser had open comes back after a reload, with the marks given so far; a corrupt entry is said and dropped.
  const [saved] = useState((): LoadedReview => (storage ? loadCurrentReview(storage) : { kind: 'none' }));
  const [notice, setNotice] = useState<string | null>(saved.kind === 'corrupt' ? `A review saved in this browser could not be restored: ${saved.problem}. It was dropped.` : null);
  const [busy, setBusy] = useState(saved.kind === 'saved');

  useEffect(() => {
    if (!storage || saved.kind === 'none') return;
    if (saved.kind === 'corrupt') return dropReview(storage, saved.hash);
    const { fileName, text, ...progress } = saved.review;
    let live = true;
    void readRoundText(text).then((read) => {
      if (!live) return;
      setBusy(false);
      if (read.ok) setOpen({ read, text, fileName, progress });
      else {
        dropReview(storage, saved.hash);
        setNotice(`Your saved review of ${fileName || 'a round'} could not be restored: ${read.error} It was dropped.`);
      }
    });
    return () => {
      live = false;
    };
  }, [storage, saved]);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const got = await fileText(file);
    const read = got.ok ? await readRoundText(got.text) : got;
    setBusy(false);
    input.value = '';
    if (read.ok && got.ok) setOpen({ read, text: got.text, fileName: file.name, progress: storage ? loadProgressFor(storage, got.text) : null });
    else if (!read.ok) setError(read.error);
  };
  const keep = useCallback(
    (progress: ReviewProgress) => {
      if (!storage || !open) return;
      const failed = saveReview(storage, open.fileName, open.text, progress);
      if (failed) setNotice(`Your marks could not be kept in this browser (${failed}); they stay until this page is closed or reloaded.`);
    },
    [storage, open],
  );
  return (
    <div className="page room-page room-page--host room-page--console">
      <ScreenHeader>
        <button type="button" className="btn btn--ghost" onClick={leaveRoute}>
          Catalogue
        </button>
      </ScreenHeader>
      <main className="room-host">
        <div className="room-host__intro">
          <p className="room-card__eyebrow">Mock interview · second interviewer</p>
          <h1 className="room-card__title">{round ? round.round.title : 'Score a round on your own'}</h1>
        </div>
        {!round && <p className="room-card__lead">Open the round file the interviewer downloaded from their report. You will see every command the candidate sent, with its output, and score the rubric without seeing the first marks.</p>}
        <div className="room-card__actions">
          <label htmlFor={id} className="btn">
            {round ? 'Open another round file' : 'Open a round file'}
          </label>
          <input id={id} type="file" accept=".json,application/json" className="visually-hidden" aria-describedby={error ? `${id}-error` : undefined} disabled={busy} onChange={(e) => void onChange(e)} />
          {busy && <span role="status">Replaying the round…</span>}
        </div>
        {error && (
          <p id={`${id}-error`} className="room-card__error" role="alert">
            <strong>Round refused.</strong> {error}
          </p>
        )}
        {notice && (
          <p className="room-card__error" role="alert">
            {notice}
          </p>
        )}
        {open && <Review key={reviewHash(open.text)} round={open.read} initial={open.progress} onProgress={keep} />}
      </main>
    </div>
  );
}
