import { useEffect, useMemo } from 'react';
import { debriefView, replay, runInfo, summarizeRun, timeDefinitions, timeOfDay, type ResultView } from '../../../engine';
import { saveAttempt } from '../../history/history-store';
import { attemptFromRun } from '../../history/record-attempt';
import { bestScoreKey, usePreferences } from '../../store/preferences-store';
import { openSession } from '../../store/session-actions';
import { useSessionStore, type LiveSession } from '../../store/session-store';
import { randomSeed } from '../catalogue/random-seed';
import { ScreenHeader } from '../catalogue/ScreenHeader';
import { DebriefExport } from './DebriefExport';
import { DebriefKeySteps } from './DebriefKeySteps';
import { DebriefMilestones } from './DebriefMilestones';
import { DebriefPlan } from './DebriefPlan';
import { DebriefRootCause } from './DebriefRootCause';
import { DebriefTimeline } from './DebriefTimeline';
import { DebriefWalkthrough } from './DebriefWalkthrough';
import { ResultCommunication } from './ResultCommunication';
import { ResultDecisions } from './ResultDecisions';
import { ResultFollowUps } from './ResultFollowUps';
import { ResultOutcomes } from './ResultOutcomes';
import { ResultParts } from './ResultParts';
import { ResultPostmortemFacts } from './ResultPostmortemFacts';
import { ImportedRunNotice } from './ImportedRunNotice';
import { ResultTimes } from './ResultTimes';
import { CostliestList } from './CostliestList';
import { levelLabels } from '../../selectors/format';
import './result.css';

const gradeTone: Record<ResultView['report']['grade'], string> = { A: 'ok', B: 'ok', C: 'warn', D: 'danger', F: 'danger' };

/** Why the session ended, in words: completed, ended by the player, or the clock ran out (and at which stage). */
function endedText(session: LiveSession, result: ResultView): string {
  const ended = session.state.ended;
  if (!ended) return '';
  const when = timeOfDay(session.scenario.clock, ended.at);
  if (ended.reason === 'completed') return `Completed at ${when}: incident resolved and postmortem submitted.`;
  if (ended.reason === 'ended-early') return result.report.resolved ? `Ended by you at ${when}, after the incident was resolved but before the postmortem was submitted.` : `Ended by you at ${when}, before the incident was resolved.`;
  return result.report.resolved ? `Time ran out at ${when}, after the incident was resolved but before the postmortem was submitted.` : `Time ran out at ${when} before the incident was resolved.`;
}

/**
 * The debrief: the engine's score against par, explained part by part, the milestones and the
 * timeline against the model's ghost run, a scrubber over the replayed console, the decision
 * review, the model walkthrough and root cause revealed, and exports. The UI only shows it.
 */
export default function ResultScreen() {
  const session = useSessionStore((s) => s.session);
  return session ? <Result session={session} /> : null;
}

function Result({ session }: { session: LiveSession }) {
  const { scenario, state, seed, level, hintsOn } = session;
  const base = runInfo(scenario).base;
  // The debrief replays the model's run for the ghost: computed once per finished run.
  const debrief = useMemo(() => debriefView(scenario, state), [scenario, state]);
  const result = useMemo<ResultView | null>(() => (debrief ? { summary: debrief.summary, report: debrief.report, timeDefinitions } : null), [debrief]);
  // The model's own score, part by part: par for each part of the breakdown.
  const parReport = useMemo(
    () => (debrief ? summarizeRun(scenario, replay(scenario, debrief.seed, debrief.model.log, scenario.clock.endS), 'player').report : null),
    [scenario, debrief],
  );
  const total = result?.report.total;
  const grade = result?.report.grade;

  const origin = session.origin;
  const own = origin === undefined;
  const keptImport = origin?.kept === true ? origin.fileName : null;

  useEffect(() => {
    // Someone else's run never becomes the player's best score, kept or not.
    if (own && total !== undefined && grade !== undefined) usePreferences.getState().recordScore(bestScoreKey(scenario.id, level), { score: total, grade });
  }, [own, scenario.id, level, total, grade]);

  useEffect(() => {
    // A printed debrief is the whole debrief: folded sections open for print, from the button or the browser's menu.
    const unfold = () => document.querySelectorAll<HTMLDetailsElement>('.result details').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', unfold);
    return () => window.removeEventListener('beforeprint', unfold);
  }, []);

  useEffect(() => {
    // An imported run enters the history only once the player keeps it, and then marked as imported.
    if (!own && keptImport === null) return;
    // Saving the same finished run again overwrites its record (the id comes from the run).
    const record = attemptFromRun(scenario, state, new Date(), keptImport === null ? undefined : { fileName: keptImport });
    if (record) void saveAttempt(record).catch(() => undefined);
  }, [own, keptImport, scenario, state]);

  const actions = (
    <div className="result__actions">
      <button type="button" className="btn btn--primary result__action" onClick={() => void openSession(base, seed, hintsOn, level)}>
        Play again with the same seed
      </button>
      <button type="button" className="btn result__action" onClick={() => void openSession(base, randomSeed(), hintsOn, level)}>
        New seed<span className="visually-hidden">: play {scenario.title} again with a different seed</span>
      </button>
      <button type="button" className="btn btn--ghost result__action" onClick={() => useSessionStore.getState().close()}>
        Back to catalogue
      </button>
    </div>
  );

  if (!result || !debrief) {
    return (
      <div className="page result">
        <ScreenHeader />
        <main className="result__main">
          <h1 className="result__title">Debrief</h1>
          <p className="result__empty">The session has not ended yet, so there is no score to show.</p>
          {actions}
        </main>
      </div>
    );
  }

  const { report } = result;
  return (
    <div className="page result">
      <ScreenHeader />
      <main className="result__main">
        <section className={`result-hero result-hero--${gradeTone[report.grade]}`} aria-labelledby="result-title">
          {origin && (
            <div className="result-hero__notice">
              <ImportedRunNotice origin={origin} />
            </div>
          )}
          <div className="result-hero__score">
            <p className="result-hero__eyebrow">
              {scenario.title} · {levelLabels[level]} level · seed <span className="mono">{seed}</span>
            </p>
            <h1 id="result-title" className="result__title">
              Debrief
            </h1>
            <p className="result-hero__total">
              <span className="result-hero__points">{report.total}</span>
              <span className="result-hero__max"> / {report.maxScore}</span>
              <span className="result-hero__grade">
                <span className="visually-hidden">, grade </span>
                {report.grade}
              </span>
            </p>
            <p className="result-hero__status">
              <span className={`badge ${report.resolved ? 'badge--ok' : 'badge--danger'}`}>{report.resolved ? '✓ Resolved' : '✗ Not resolved'}</span>
              <span>{endedText(session, result)}</span>
            </p>
          </div>
          <CostliestList report={report} />
          <div className="result-hero__times">
            <ResultTimes result={result} />
            <DebriefMilestones debrief={debrief} scenario={scenario} />
          </div>
          <div className="result-hero__summary">
            <p className="result-hero__par">
              Par is the model walkthrough on the same seed{parReport ? <>, which scores <strong>{parReport.total} / {parReport.maxScore}</strong> (grade {parReport.grade})</> : null}. Every part of
              the score is explained below against its own.
            </p>
            {actions}
          </div>
        </section>

        <ResultOutcomes result={result} deadlineLabel={scenario.briefing.deadline.label} duplicatesPeak={debrief.duplicatesPeak} />
        <ResultParts result={result} par={parReport} />
        <DebriefTimeline debrief={debrief} scenario={scenario} state={state} />
        <div className="debrief-review">
          <ResultDecisions result={result} clock={scenario.clock} />
          <DebriefKeySteps debrief={debrief} scenario={scenario}>
            <DebriefWalkthrough debrief={debrief} scenario={scenario} />
          </DebriefKeySteps>
        </div>
        {scenario.kind === 'decision' ? <DebriefPlan scenario={scenario} state={state} /> : <DebriefRootCause debrief={debrief} scenario={scenario} />}
        <div className="debrief-pair">
          <ResultCommunication result={result} scenario={scenario} />
          <ResultPostmortemFacts result={result}>
            <ResultFollowUps result={result} scenario={scenario} submitted={state.postmortem !== null} />
          </ResultPostmortemFacts>
        </div>
        <DebriefExport debrief={debrief} scenario={scenario} state={state} />
      </main>
    </div>
  );
}
