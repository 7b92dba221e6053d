import { useEffect, useMemo, useState } from 'react';
import { ImportReplayControl } from '../../debrief/ImportReplayControl';
import { catalogueEntries } from '../../scenario-import/catalogue-entries';
import { ImportFeedback } from '../../scenario-import/ImportFeedback';
import { ImportHint } from '../../scenario-import/ImportHint';
import { ImportScenarioControl } from '../../scenario-import/ImportScenarioControl';
import { useImportedScenarios } from '../../scenario-import/imported-scenarios-store';
import { RemoveImportControl } from '../../scenario-import/RemoveImportControl';
import { ScenarioDropZone } from '../../scenario-import/ScenarioDropZone';
import { useScenarioImport } from '../../scenario-import/use-scenario-import';
import { scenarioCards } from '../../scenarios/builtin-scenarios';
import { bestScoreKey, usePreferences } from '../../store/preferences-store';
import { hashOf } from '../../routes/hash-route';
import { goTo } from '../../routes/use-hash-route';
import { HowItWorks } from './HowItWorks';
import { IncidentInProgress } from './IncidentInProgress';
import { parseSeed, randomSeed } from './random-seed';
import { PlayTogether } from './PlayTogether';
import { ScenarioCard } from './ScenarioCard';
import { ScreenHeader } from './ScreenHeader';
import { SessionSettings } from './SessionSettings';
import './catalogue.css';
import '../../scenario-import/scenario-import.css';

/** The first screen: pick an incident, set speed, hints and seed, and open its briefing. */
export function CatalogueScreen({ notice }: { notice: string | null }) {
  const speed = usePreferences((p) => p.speed);
  const hintsOn = usePreferences((p) => p.hintsOn);
  const level = usePreferences((p) => p.level);
  const bestScores = usePreferences((p) => p.bestScores);
  const [seedText, setSeedText] = useState(() => String(randomSeed()));
  const seed = parseSeed(seedText);
  const seedError = seed === null ? 'Enter a whole number from 0 to 4294967295, or pick a new random seed.' : null;
  const imports = useImportedScenarios((s) => s.imports);
  const entries = useMemo(() => catalogueEntries(scenarioCards, imports), [imports]);
  const importer = useScenarioImport();
  useEffect(() => {
    void useImportedScenarios.getState().ensureLoaded();
  }, []);

  const removeImport = async (id: string, title: string) => {
    await useImportedScenarios.getState().remove(id);
    importer.announce(`Removed “${title}” from the catalogue.`);
    document.getElementById('catalogue-scenarios-title')?.focus();
  };

  // The briefing's own link opens it, so a click and a shared link are one way in.
  const openBriefing = (id: string) => {
    if (seed === null) return;
    goTo(hashOf({ kind: 'briefing', scenarioId: id, level, seed }));
  };

  return (
    <div className="page catalogue">
      <ScreenHeader>
        <ImportScenarioControl onFiles={(files) => void importer.importFiles(files)} busy={importer.busy} />
        <ImportReplayControl />
        <button type="button" className="btn btn--ghost" onClick={() => goTo(hashOf({ kind: 'history' }))}>
          History
        </button>
      </ScreenHeader>
      <main className="catalogue__main">
        {notice && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        <IncidentInProgress />
        <ImportFeedback feedback={importer} onDismissRefused={importer.dismissRefused} />
        <div className="catalogue__intro">
          <h1 className="catalogue__title">Choose an incident</h1>
          <p className="catalogue__lead">
            You are on call for a small data platform. Detect, triage, mitigate and prevent a timed incident with tools that look like the real ones, then
            see your response scored against a model walkthrough.
          </p>
        </div>
        <div className="catalogue__layout">
          <section className="catalogue__scenarios" aria-labelledby="catalogue-scenarios-title">
            <h2 id="catalogue-scenarios-title" className="catalogue__section-title" tabIndex={-1}>
              Scenarios <span className="catalogue__count">{entries.length}</span>
            </h2>
            {entries.length === 0 ? (
              <p className="empty">No scenarios are installed.</p>
            ) : (
              <div className="catalogue__cards">
                {entries.map(({ card, imported }) => (
                  <ScenarioCard
                    key={card.id}
                    card={card}
                    imported={imported}
                    actions={imported ? <RemoveImportControl title={card.title} fileName={imported.fileName} onRemove={() => removeImport(card.id, card.title)} /> : undefined}
                    best={bestScores[bestScoreKey(card.id, level)]}
                    level={level}
                    blockedBy={seedError ? 'Fix the seed in the session settings first.' : null}
                    onOpen={() => openBriefing(card.id)}
                  />
                ))}
              </div>
            )}
            <ImportHint />
            <HowItWorks />
          </section>
          <div className="catalogue__aside">
            <SessionSettings
              speed={speed}
              onSpeed={(s) => usePreferences.getState().setSpeed(s)}
              level={level}
              onLevel={(l) => usePreferences.getState().setLevel(l)}
              hintsOn={hintsOn}
              onHints={(on) => usePreferences.getState().setHintsOn(on)}
              seedText={seedText}
              onSeedText={setSeedText}
              seedError={seedError}
              onNewSeed={() => setSeedText(String(randomSeed()))}
            />
            <PlayTogether />
          </div>
        </div>
      </main>
      <ScenarioDropZone onFiles={(files) => void importer.importFiles(files)} disabled={importer.busy} />
    </div>
  );
}
