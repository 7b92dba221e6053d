import { speeds } from '../../store/session-store';

/** What a console shortcut does. */
export type ShortcutAction =
  | { do: 'pause' }
  | { do: 'speed'; speed: (typeof speeds)[number] }
  | { do: 'help' }
  | { do: 'acknowledge' }
  | { do: 'terminal' }
  | { do: 'update' }
  | { do: 'search-logs' };

/** The console's keys, as the shortcuts dialog lists them: every key the console answers is here. */
export const shortcutList: readonly { keys: string; what: string }[] = [
  { keys: 'Space', what: 'Pause or resume the clock (Space never presses a focused button: Enter does)' },
  { keys: '1 – 5', what: 'Speed 1×, 2×, 5×, 10×, 20×' },
  { keys: 'A', what: 'Acknowledge the newest page' },
  { keys: 'T', what: 'Focus the terminal' },
  { keys: 'U', what: 'Write a status update' },
  { keys: '/', what: 'Search the job logs (starts kubectl logs at the terminal)' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Tab', what: 'Move between controls; the first Tab offers links that skip to each part' },
  { keys: '← →', what: 'Move between tabs' },
  { keys: '↑ ↓', what: 'Resize the tool pane, on its handle' },
  { keys: 'Esc', what: 'Close this dialog' },
];

const letters: Record<string, ShortcutAction> = {
  ' ': { do: 'pause' },
  '?': { do: 'help' },
  a: { do: 'acknowledge' },
  t: { do: 'terminal' },
  u: { do: 'update' },
  '/': { do: 'search-logs' },
};

/** Whether a key press lands where the player types (a field, a list box, an editable area), where no key is a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The shortcut a key press asks for, or null. Never while typing in a field or inside a dialog,
 * and never with Ctrl, Alt or Meta, which belong to the browser.
 */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return null;
  if (e.target instanceof Element && e.target.closest('dialog')) return null;
  const digit = /^[1-5]$/.test(e.key) ? speeds[Number(e.key) - 1] : undefined;
  if (digit !== undefined) return { do: 'speed', speed: digit };
  return letters[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? null;
}
