import { create } from 'zustand';
import { goTo, replaceRoute } from '../routes/use-hash-route';

interface Navigation {
  /** A message for the screen at a fragment: why what was asked for could not be opened there. */
  notice: { hash: string; text: string } | null;
}

/** Messages that travel with a navigation; the URL itself says which screen shows. */
export const useNavigation = create<Navigation>()(() => ({ notice: null }));

/** Opens a screen's fragment, as a new history entry or in place of the current one, with a message for it. */
export function navigate(hash: string, options: { replace?: boolean; notice?: string } = {}): void {
  useNavigation.setState({ notice: options.notice === undefined ? null : { hash, text: options.notice } });
  if (options.replace) replaceRoute(hash);
  else goTo(hash);
}

/** The message for the screen at this fragment, if one was left for it. */
export function useNotice(hash: string): string | null {
  return useNavigation((n) => (n.notice?.hash === hash ? n.notice.text : null));
}
