import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** A plan being written: each section's text, for one run. */
interface PlanDraftStore {
  /** The scenario the draft belongs to (`id@version`); a new session clears it (see the session store's `open`). */
  run: string | null;
  text: Record<string, string>;
  setText: (run: string, section: string, value: string) => void;
  /** Replaces the whole draft (starting from a sent plan). */
  load: (run: string, text: Record<string, string>) => void;
  clear: () => void;
}

/** The plan draft, kept in this browser so a reload does not lose what the player wrote. */
export const usePlanDraft = create<PlanDraftStore>()(
  persist(
    (set, get) => ({
      run: null,
      text: {},
      setText: (run, section, value) => set({ run, text: { ...(get().run === run ? get().text : {}), [section]: value } }),
      load: (run, text) => set({ run, text }),
      clear: () => set({ run: null, text: {} }),
    }),
    { name: 'firedrill-plan-draft', storage: createJSONStorage(() => localStorage), partialize: ({ run, text }) => ({ run, text }) },
  ),
);

/** The lines a section's text holds: one item per line, list markers and blank lines dropped. */
export function planLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}
