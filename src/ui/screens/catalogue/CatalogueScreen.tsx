import { useState } from 'react';
import { ImportReplayControl } from '../../debrief/ImportReplayControl';
import { loadBuiltinScenario, scenarioCards } from '../../scenarios/builtin-scenarios';
import { usePreferences } from '../../store/preferences-store';
import { useNavigation } from '../../store/navigation-store';
import { useSessionStore } from '../../store/session-store';
import { HowItWorks } from './HowItWorks';
import { parseSeed, randomSeed } from './random-seed';
import { ScenarioCard } from './ScenarioCard';
import { ScreenHeader } from './ScreenHeader';
import { SessionSettings } from './SessionSettings';
import './catalogue.css';

/** The first screen: pick an incident, set speed, hints and seed, and open its briefing. */
export function CatalogueScreen({ notice }: { notice: string | null }) {
  const speed = usePreferences((p) => p.speed);
  const hintsOn = usePreferences((p) => p.hintsOn);
  const bestScores = usePreferences((p) => p.bestScores);
  const [seedText, setSeedText] = useState(() => String(randomSeed()));
  const [loadingId, setLoadingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seed = parseSeed(seedText);
  const seedError = seed === null ? 'Enter a whole number from 0 to 4294967295, or pick a new random seed.' : null;

  const openBriefing = async (id: string) => {
    if (seed === null) return;
    setLoadingId(id);
    setError(null);
    try {
      const scenario = await loadBuiltinScenario(id);
      if (!scenario) throw new Error(`scenario "${id}" is not available`);
      usePreferences.getState().setSpeed(speed);
      useSessionStore.getState().setSpeed(speed);
      useSessionStore.getState().open(scenario, seed, hintsOn);
    } catch (e) {
      setError(`The briefing could not be opened: ${e instanceof Error ? e.message : String(e)}.`);
      setLoadingId(null);
    }
  };

  return (
    <div className="page catalogue">
      <ScreenHeader>
        <ImportReplayControl />
        <button type="button" className="btn btn--ghost" onClick={() => useNavigation.getState().go('history')}>
          History
        </button>
      </ScreenHeader>
      <main className="catalogue__main">
        {notice && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        <div className="catalogue__intro">
          <h1 className="catalogue__title">Choose an incident</h1>
          <p className="catalogue__lead">
            You are on call for a small data platform. Detect, triage, mitigate and prevent a timed incident with tools that look like the real ones, then
            see your response scored against a model walkthrough.
          </p>
        </div>
        <div className="catalogue__layout">
          <section className="catalogue__scenarios" aria-labelledby="catalogue-scenarios-title">
            <h2 id="catalogue-scenarios-title" className="catalogue__section-title">
              Scenarios <span className="catalogue__count">{scenarioCards.length}</span>
            </h2>
            {error && (
              <p className="catalogue__error" role="alert">
                {error}
              </p>
            )}
            {scenarioCards.length === 0 ? (
              <p className="empty">No scenarios are installed.</p>
            ) : (
              <div className="catalogue__cards">
                {scenarioCards.map((card) => (
                  <ScenarioCard
                    key={card.id}
                    card={card}
                    best={bestScores[card.id]}
                    loading={loadingId === card.id}
                    blockedBy={seedError ? 'Fix the seed in the session settings first.' : null}
                    onOpen={() => void openBriefing(card.id)}
                  />
                ))}
              </div>
            )}
            <HowItWorks />
          </section>
          <div className="catalogue__aside">
            <SessionSettings
              speed={speed}
              onSpeed={(s) => usePreferences.getState().setSpeed(s)}
              hintsOn={hintsOn}
              onHints={(on) => usePreferences.getState().setHintsOn(on)}
              seedText={seedText}
              onSeedText={setSeedText}
              seedError={seedError}
              onNewSeed={() => setSeedText(String(randomSeed()))}
            />
          </div>
        </div>
      </main>
    </div>
  );
}
