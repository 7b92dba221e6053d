import { create } from 'zustand';

interface EvidenceStore {
  /** The session the pins belong to (pins from another session are not shown). */
  sessionKey: string;
  lines: string[];
  pin: (sessionKey: string, line: string) => void;
  unpin: (sessionKey: string, line: string) => void;
}

/** At most this many lines can be pinned, as the declaration carries at most ten. */
export const maxPins = 10;

/** Lines the responder pinned from outputs as evidence for the root cause they will declare. */
export const useEvidenceStore = create<EvidenceStore>()((set) => ({
  sessionKey: '',
  lines: [],
  pin: (sessionKey, line) =>
    set((prev) => {
      const lines = prev.sessionKey === sessionKey ? prev.lines : [];
      const text = line.trim();
      if (text === '' || lines.includes(text) || lines.length >= maxPins) return { sessionKey, lines };
      return { sessionKey, lines: [...lines, text] };
    }),
  unpin: (sessionKey, line) => set((prev) => (prev.sessionKey === sessionKey ? { lines: prev.lines.filter((l) => l !== line) } : prev)),
}));

/** The pinned lines of this session. */
export function usePinnedLines(sessionKey: string): string[] {
  const key = useEvidenceStore((s) => s.sessionKey);
  const lines = useEvidenceStore((s) => s.lines);
  return key === sessionKey ? lines : [];
}
