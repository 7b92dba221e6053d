import { useState } from 'react';
import { TabList, type TabSpec } from '../../components/tabs/TabList';
import { useView } from '../../hooks/use-session';
import { useSessionStore } from '../../store/session-store';
import { useConsoleUi, type SideTab } from '../../store/console-ui-store';
import { HintsPanel } from '../notes/HintsPanel';
import { NotesPanel } from '../notes/NotesPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { ChatPanel } from './ChatPanel';
import './chat.css';

/** Counts stakeholder messages that arrived while the chat tab was not showing. */
function useUnreadMessages(active: boolean): number {
  const count = useView().messages.filter((m) => m.kind === 'stakeholder').length;
  const [seen, setSeen] = useState(count);
  // While the chat shows, everything in it counts as read (state adjusted during render, no effect).
  if (active && seen !== count) setSeen(count);
  return Math.max(0, count - seen);
}

/** The right-hand column: stakeholder chat, the timeline, notes and hints. */
export function SidePanel() {
  const tab = useConsoleUi((s) => s.sideTab);
  const setTab = useConsoleUi((s) => s.setSideTab);
  // Select just the flag: the session object changes with every clock update.
  const hintsOn = useSessionStore((s) => s.session?.hintsOn ?? false);
  const unread = useUnreadMessages(tab === 'chat');
  const tabs: TabSpec<SideTab>[] = [
    {
      id: 'chat',
      label: (
        <>
          Chat
          {unread > 0 && (
            <span className="side__unread">
              {unread}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </>
      ),
    },
    { id: 'timeline', label: 'Timeline' },
    { id: 'notes', label: 'Notes' },
    ...(hintsOn ? [{ id: 'hints' as const, label: 'Hints' }] : []),
  ];
  return (
    <section className="panel side" aria-label="Communication and record">
      <TabList label="Side panel" idPrefix="side" tabs={tabs} selected={tab} onSelect={setTab} />
      <div className="side__body" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'chat' && <ChatPanel />}
        {tab === 'timeline' && <TimelinePanel />}
        {tab === 'notes' && <NotesPanel />}
        {tab === 'hints' && <HintsPanel />}
      </div>
    </section>
  );
}
