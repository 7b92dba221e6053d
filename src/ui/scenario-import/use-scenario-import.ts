import { useCallback, useState } from 'react';
import type { ScenarioProblem } from '../../scenarios/cross-references';
import { useImportedScenarios, type ImportFile, type ImportOutcome } from './imported-scenarios-store';

/** A file that was refused, with every problem found in it. */
export interface RefusedFile {
  fileName: string;
  problems: ScenarioProblem[];
}

/** What the catalogue shows after an import: a status line, the files refused, the card to bring into view. */
export interface ImportFeedbackState {
  busy: boolean;
  /** A plain-words status line (what was imported, replaced or removed). */
  status: string | null;
  /** How the status line reads: good news, a refusal, or plain information. */
  tone: 'ok' | 'refused' | 'info';
  refused: RefusedFile[];
  /** The id of the card to scroll to and focus, with a counter so importing the same id again moves focus again. */
  focus: { id: string; n: number } | null;
}

/** The sentence that says what one successful import did. */
export function importedSentence(outcome: Extract<ImportOutcome, { ok: true }>): string {
  const what = outcome.replaced
    ? `Replaced the imported scenario “${outcome.title}” with the one in ${outcome.fileName} (same id, ${outcome.id}).`
    : `Imported “${outcome.title}” from ${outcome.fileName}. It is in the catalogue, marked Imported.`;
  return outcome.kept ? what : `${what} This browser would not store it, so it will be gone after a reload.`;
}

/** Imports files one after another and keeps what the catalogue needs to say about them. */
export function useScenarioImport(): ImportFeedbackState & {
  importFiles: (files: readonly ImportFile[]) => Promise<void>;
  dismissRefused: () => void;
  announce: (status: string) => void;
} {
  const [state, setState] = useState<ImportFeedbackState>({ busy: false, status: null, tone: 'info', refused: [], focus: null });

  const importFiles = useCallback(async (files: readonly ImportFile[]) => {
    if (files.length === 0) return;
    setState((s) => ({ ...s, busy: true, tone: 'info', status: files.length === 1 ? `Checking ${files[0]?.name ?? 'the file'}…` : `Checking ${files.length} files…`, refused: [] }));
    const done: string[] = [];
    const refused: RefusedFile[] = [];
    let focusId: string | null = null;
    for (const file of files) {
      let outcome: ImportOutcome;
      try {
        outcome = await useImportedScenarios.getState().importFile(file);
      } catch (e) {
        outcome = { ok: false, fileName: file.name, problems: [{ path: '', message: `could not be imported: ${e instanceof Error ? e.message : String(e)}` }] };
      }
      if (outcome.ok) {
        done.push(importedSentence(outcome));
        focusId = outcome.id;
      } else refused.push({ fileName: outcome.fileName, problems: outcome.problems });
    }
    const refusedLine = refused.length === 0 ? '' : refused.length === 1 ? `${refused[0]?.fileName} was not imported.` : `${refused.length} files were not imported.`;
    setState((s) => ({
      busy: false,
      status: [...done, refusedLine].filter(Boolean).join(' '),
      tone: done.length > 0 ? 'ok' : 'refused',
      refused,
      focus: focusId ? { id: focusId, n: (s.focus?.n ?? 0) + 1 } : s.focus,
    }));
  }, []);

  const dismissRefused = useCallback(() => setState((s) => ({ ...s, refused: [] })), []);
  const announce = useCallback((status: string) => setState((s) => ({ ...s, status, tone: 'info' })), []);
  return { ...state, importFiles, dismissRefused, announce };
}
