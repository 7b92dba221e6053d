import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Speed } from './session-store';

/** A colour theme. */
export type Theme = 'dark' | 'light';

/** The best result a player has had on a scenario. */
export interface BestScore {
  score: number;
  grade: string;
}

interface Preferences {
  theme: Theme;
  speed: Speed;
  hintsOn: boolean;
  bestScores: Record<string, BestScore>;
  setTheme: (theme: Theme) => void;
  setSpeed: (speed: Speed) => void;
  setHintsOn: (on: boolean) => void;
  recordScore: (scenarioId: string, best: BestScore) => void;
}

/** The player's preferences and personal bests, kept in local storage. */
export const usePreferences = create<Preferences>()(
  persist(
    (set, get) => ({
      theme: 'dark',
      speed: 5,
      hintsOn: true,
      bestScores: {},
      setTheme: (theme) => set({ theme }),
      setSpeed: (speed) => set({ speed }),
      setHintsOn: (hintsOn) => set({ hintsOn }),
      recordScore: (scenarioId, best) => {
        const current = get().bestScores[scenarioId];
        if (!current || best.score > current.score) set({ bestScores: { ...get().bestScores, [scenarioId]: best } });
      },
    }),
    {
      name: 'firedrill.preferences',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ theme, speed, hintsOn, bestScores }) => ({ theme, speed, hintsOn, bestScores }),
    },
  ),
);
