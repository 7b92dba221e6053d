import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Level } from '../../engine';
import type { Speed } from './session-store';

/** A colour theme. */
export type Theme = 'dark' | 'light';

/** The best result a player has had on a scenario. */
export interface BestScore {
  score: number;
  grade: string;
}

/**
 * Where a best score is kept: runs are comparable only within a level, so each level has its
 * own best (normal keeps the bare id that bests were stored under before levels existed).
 */
export function bestScoreKey(scenarioId: string, level: Level): string {
  return level === 'normal' ? scenarioId : `${scenarioId}/${level}`;
}

/** The tool pane's share of the console's centre column: over half, so a terminal or a log has room to read. */
export const defaultToolPaneShare = 0.6;
/** How far the tool pane can be resized: either pane keeps enough to stay useful. */
export const toolPaneShareRange = { min: 0.25, max: 0.85 } as const;

/** A tool-pane share within its range. */
export function clampToolPaneShare(share: number): number {
  return Math.min(toolPaneShareRange.max, Math.max(toolPaneShareRange.min, Number.isFinite(share) ? share : defaultToolPaneShare));
}

interface Preferences {
  theme: Theme;
  speed: Speed;
  level: Level;
  hintsOn: boolean;
  bestScores: Record<string, BestScore>;
  /** The console's tool pane, as a share of the height it splits with the dashboards. */
  toolPaneShare: number;
  setTheme: (theme: Theme) => void;
  setSpeed: (speed: Speed) => void;
  setLevel: (level: Level) => void;
  setHintsOn: (on: boolean) => void;
  setToolPaneShare: (share: number) => void;
  /** Keeps a score if it beats the best for its key (see `bestScoreKey`). */
  recordScore: (key: string, best: BestScore) => void;
}

/** The player's preferences and personal bests, kept in local storage. */
export const usePreferences = create<Preferences>()(
  persist(
    (set, get) => ({
      theme: 'dark',
      speed: 5,
      level: 'normal',
      hintsOn: true,
      bestScores: {},
      toolPaneShare: defaultToolPaneShare,
      setTheme: (theme) => set({ theme }),
      setSpeed: (speed) => set({ speed }),
      setLevel: (level) => set({ level }),
      setHintsOn: (hintsOn) => set({ hintsOn }),
      setToolPaneShare: (share) => set({ toolPaneShare: clampToolPaneShare(share) }),
      recordScore: (key, best) => {
        const current = get().bestScores[key];
        if (!current || best.score > current.score) set({ bestScores: { ...get().bestScores, [key]: best } });
      },
    }),
    {
      name: 'firedrill.preferences',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ theme, speed, level, hintsOn, bestScores, toolPaneShare }) => ({ theme, speed, level, hintsOn, bestScores, toolPaneShare }),
    },
  ),
);
