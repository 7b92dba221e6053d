import { postmortemMarkdown, starStoryMarkdown, type DebriefView, type SimState } from '../../../engine';
import { makeReplayFile } from '../../../engine/debrief/replay-file';
import type { Scenario } from '../../../scenarios/schema';
import { downloadText, exportBaseName } from '../../debrief/download';

/** The debrief's exports: the postmortem and STAR story as Markdown, the replay as JSON, and print. */
export function DebriefExport({ debrief, scenario, state }: { debrief: DebriefView; scenario: Scenario; state: SimState }) {
  const base = exportBaseName(scenario.id, state.seed);
  const playedOn = () => new Date().toISOString().slice(0, 10);
  return (
    <section className="result__section debrief-section debrief-export" aria-labelledby="debrief-export-title">
      <h2 id="debrief-export-title" className="result__heading">
        Export
      </h2>
      <p className="result__note">
        The replay file holds the scenario, seed and every command you gave; importing it replays your run exactly and checks it against the score it carries.
      </p>
      <div className="result__actions">
        <button type="button" className="btn" onClick={() => downloadText(`${base}-postmortem.md`, postmortemMarkdown(scenario, state, debrief, { playedOn: playedOn() }), 'text/markdown')}>
          Download postmortem (Markdown)
        </button>
        <button type="button" className="btn" onClick={() => downloadText(`${base}-star-story.md`, starStoryMarkdown(scenario, state, debrief), 'text/markdown')}>
          Download STAR story (Markdown)
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => downloadText(`${base}-replay.json`, `${JSON.stringify({ ...makeReplayFile(scenario, state), exportedAt: new Date().toISOString() }, null, 2)}\n`, 'application/json')}
        >
          Download replay (JSON)
        </button>
        <button type="button" className="btn" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
    </section>
  );
}
