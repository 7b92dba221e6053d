import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration, relativeTime, timeOfDay } from '../../../engine';
import { useClock, useView } from '../../hooks/use-session';
import { useConsoleUi } from '../../store/console-ui-store';
import { defaultLogFilter, type LogFilter } from './JobLogsOutput';
import { OutputBody } from './OutputBody';
import { ResultHistory } from './ResultHistory';
import { ToolEmptyState } from './ToolEmptyState';
import { TerminalPanel } from '../terminal/TerminalPanel';
import { PinLines } from '../evidence/PinLines';
import { PlanEditor } from '../plan/PlanEditor';
import { fillersByTab, resultCounts, resultsByTab, tabOfKind, toolTabs, type ToolTabId } from './tool-tabs';
import './tools.css';

/**
 * The investigation tools: one tab per tool, each showing the latest output the engine printed
 * for it (earlier ones a click away), presented the way the real tool looks.
 */
export function ToolsPanel() {
  const view = useView();
  const clock = useClock();
  const base = useId();
  const results = useMemo(() => resultsByTab(view.outputs), [view.outputs]);
  const counts = resultCounts(results);
  const fillers = useMemo(() => fillersByTab(view.scenario.actions), [view.scenario.actions]);
  const labelOf = useMemo(() => new Map(view.scenario.actions.map((a) => [a.id, a.label])), [view.scenario.actions]);
  const decision = view.scenario.kind === 'decision';
  // The plan in a decision drill; the shell and the SQL prompt always; another tab only when something in this scenario prints into it.
  const tabs = toolTabs.filter((t) => (t.id === 'plan' ? decision : t.id === 'terminal' || t.id === 'sql' || fillers[t.id].length > 0 || counts[t.id] > 0));

  const [active, setActive] = useState<ToolTabId>(() => {
    if (decision) return 'plan';
    const newest = view.outputs.at(-1);
    return newest ? tabOfKind[newest.kind] : 'terminal';
  });
  // Results already present when the panel opens (a resumed session) are not news.
  const [seen, setSeen] = useState(counts);
  const [pinned, setPinned] = useState<Partial<Record<ToolTabId, string>>>({});
  const [logFilter, setLogFilter] = useState<LogFilter>(defaultLogFilter);
  const [knownTotal, setKnownTotal] = useState(view.outputs.length);
  const tabRefs = useRef<Partial<Record<ToolTabId, HTMLButtonElement | null>>>({});
  const panelRef = useRef<HTMLDivElement>(null);

  // A new output never moves focus; it only takes over the view when the open tab is empty.
  if (view.outputs.length !== knownTotal) {
    setKnownTotal(view.outputs.length);
    const newest = view.outputs.at(-1);
    if (view.outputs.length < knownTotal) {
      setSeen(counts);
      setPinned({});
    } else if (newest && counts[active] === 0 && active !== 'terminal' && active !== 'sql' && active !== 'plan') {
      const tab = tabOfKind[newest.kind];
      setActive(tab);
      setSeen((prev) => ({ ...prev, [tab]: counts[tab] }));
    }
  }

  const select = (tab: ToolTabId) => {
    setSeen((prev) => ({ ...prev, [active]: counts[active], [tab]: counts[tab] }));
    setActive(tab);
  };

  // A tab asked for from outside (a keyboard shortcut) opens (adjusted during render), then its first field takes focus.
  const request = useConsoleUi((s) => s.toolRequest);
  const [handledRequest, setHandledRequest] = useState(request.n);
  const requestAtMount = useRef(request.n);
  if (request.n !== handledRequest) {
    setHandledRequest(request.n);
    select(request.tab);
  }
  useEffect(() => {
    if (handledRequest === requestAtMount.current) return;
    const panel = panelRef.current;
    (panel?.querySelector('input') ?? panel)?.focus();
  }, [handledRequest]);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === active);
    const to = e.key === 'ArrowRight' ? (at + 1) % tabs.length : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    const next = tabs[to];
    if (!next) return;
    e.preventDefault();
    select(next.id);
    tabRefs.current[next.id]?.focus();
  };

  const timeOf = (t: number) => timeOfDay(view.scenario.clock, t);
  const tab = tabs.find((t) => t.id === active) ?? toolTabs[0];
  const tabResults = results[active];
  const latest = tabResults.at(-1);
  const shown = tabResults.find((r) => r.key === pinned[active]) ?? latest;
  const fillerIds = (id: ToolTabId) => new Set(fillers[id].map((f) => f.id));
  const runningHere = view.running.filter((r) => fillerIds(active).has(r.action));
  const tabId = (id: ToolTabId) => `${base}-tab-${id}`;
  const panelId = `${base}-panel`;

  const pick = (key: string | null) => {
    setPinned((prev) => ({ ...prev, [active]: key ?? undefined }));
    if (panelRef.current) panelRef.current.scrollTop = 0;
  };

  return (
    <section className="panel tools" aria-labelledby={`${base}-title`}>
      <h2 className="visually-hidden" id={`${base}-title`}>
        Investigation tools
      </h2>
      <div className="tools-tabs" role="tablist" aria-label="Tools" onKeyDown={onTabKey}>
        {tabs.map((t) => {
          const selected = t.id === active;
          const unread = selected ? 0 : Math.max(0, counts[t.id] - seen[t.id]);
          const running = view.running.some((r) => fillerIds(t.id).has(r.action));
          return (
            <button
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={tabId(t.id)}
              className={`tools-tab${unread > 0 ? ' tools-tab--unread' : ''}`}
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => select(t.id)}
            >
              {t.short ? (
                <>
                  <span className="tools-tab__full">{t.label}</span>
                  <span className="tools-tab__short" aria-hidden="true">
                    {t.short}
                  </span>
                </>
              ) : (
                t.label
              )}
              {running && (
                <span className="tools-tab__running" aria-hidden="true">
                  <span className="tools-spinner" />
                </span>
              )}
              {running && <span className="visually-hidden"> (running)</span>}
              {unread > 0 && (
                <span className="tools-tab__unread" aria-hidden="true">
                  {unread}
                </span>
              )}
              {unread > 0 && <span className="visually-hidden"> ({unread} new)</span>}
            </button>
          );
        })}
      </div>
      <div key={active} ref={panelRef} className="tools-output" role="tabpanel" id={panelId} aria-labelledby={tabId(tab.id)} tabIndex={0}>
        {runningHere.map((r) => (
          <p key={`${r.action}@${r.startedAt}`} className="tools-running">
            <span className="tools-spinner" aria-hidden="true" />
            Running “{labelOf.get(r.action) ?? r.action}” — output at {timeOf(r.endsAt)} ({formatDuration(Math.max(0, r.endsAt - clock))})
          </p>
        ))}
        {active === 'plan' ? (
          <PlanEditor />
        ) : active === 'terminal' || active === 'sql' ? (
          <TerminalPanel key={active} kind={active} />
        ) : !shown ? (
          runningHere.length === 0 && <ToolEmptyState label={tab.label} fillers={fillers[active]} />
        ) : (
          <>
            <div className="tools-meta">
              <p className="tools-meta__asof">
                <span className="tools-meta__title">{shown.outputs.map((o) => o.title).join(' · ')}</span>
                <span className="tools-meta__time">
                  as of <time>{timeOf(shown.at)}</time> ({relativeTime(shown.at)})
                  {clock - shown.at >= 60 && <span className="tools-meta__age"> · {formatDuration(clock - shown.at)} ago</span>}
                  {shown !== latest && <span className="tools-tag tools-tag--neutral tools-meta__earlier">earlier result</span>}
                </span>
              </p>
              <ResultHistory results={tabResults} shownKey={shown.key} timeOf={timeOf} onPick={pick} />
            </div>
            {shown.outputs.map((output, i) => (
              <div key={i} className="tools-result">
                {shown.outputs.length > 1 && <h3 className="tools-subhead">{output.title}</h3>}
                {output.command !== '' && (
                  <p className="tools-prompt">
                    <span className="tools-prompt__sign" aria-hidden="true">
                      $
                    </span>
                    <span className="visually-hidden">Command: </span>
                    <code className="tools-prompt__cmd">{output.command}</code>
                  </p>
                )}
                <OutputBody output={output} logFilter={logFilter} onLogFilter={setLogFilter} />
                <PinLines text={output.body} what={output.title} />
              </div>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
