import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useConsoleUi } from '../../store/console-ui-store';
import { completeLine, completeSqlLine, formatDuration, handsRefusal, timeOfDay, type PlayerView, type TerminalEntry } from '../../../engine';
import type { Command } from '../../../scenarios/schema';
import { useActor, useClock, useHostState, useReadOnly, useSend, useView } from '../../hooks/use-session';
import { CommandPalette } from './CommandPalette';
import { TerminalEntryView } from './TerminalEntryView';
import './terminal.css';

/** How each prompt looks and talks to the engine. */
const prompts = {
  terminal: {
    prompt: 'oncall@jump-1:~$',
    name: 'Terminal',
    entries: (view: PlayerView) => view.terminal,
    command: (text: string): Command => ({ type: 'terminal.run', line: text }),
    typed: (c: Command) => (c.type === 'terminal.run' ? c.line : null),
    complete: (view: PlayerView, line: string) => completeLine(view.scenario.shellNames, line),
    welcome: (
      <>
        On-call jump host. Type <kbd>help</kbd> for the tools (kafka-consumer-groups, kubectl, curl, …); each has <kbd>--help</kbd>. <kbd>Tab</kbd> completes, <kbd>↑</kbd>/<kbd>↓</kbd> recall earlier lines, <kbd>clear</kbd> or <kbd>Ctrl</kbd>+<kbd>L</kbd> clears the screen.
      </>
    ),
  },
  sql: {
    prompt: 'warehouse=>',
    name: 'SQL',
    entries: (view: PlayerView) => view.sql,
    command: (text: string): Command => ({ type: 'sql.run', query: text }),
    typed: (c: Command) => (c.type === 'sql.run' ? c.query : null),
    complete: (view: PlayerView, line: string) => completeSqlLine(view.scenario.sqlNames, line),
    welcome: (
      <>
        Read-only SQL over the lake tables (PostgreSQL dialect). <kbd>\dt</kbd> lists the tables, <kbd>\d</kbd> <i>table</i> its columns, <kbd>\?</kbd> what the warehouse answers. <kbd>Tab</kbd> completes, <kbd>↑</kbd>/<kbd>↓</kbd> recall earlier queries.
      </>
    ),
  },
} as const;

/**
 * A prompt the responder types at: the on-call shell (the platform's real command lines) or the
 * SQL prompt over the lake tables. Every line is a command to the engine, so a replay holds
 * exactly what was typed; the output comes from the world as it is when the command finishes.
 */
export function TerminalPanel({ kind = 'terminal' }: { kind?: keyof typeof prompts }) {
  const config = prompts[kind];
  const { prompt } = config;
  const view = useView();
  const clock = useClock();
  const send = useSend();
  const readOnly = useReadOnly();
  const actor = useActor();
  const inputId = useId();
  // In a room each seat has its own prompt: it shows (and waits on) only the lines this seat typed; a window that only watches sees every seat's.
  const all = config.entries(view);
  const entries = actor === undefined || readOnly ? all : all.filter((e) => e.by === actor);
  const [line, setLine] = useState('');
  // A shortcut may start a line for the player to finish ("/" starts a log search); adjusted during render.
  const request = useConsoleUi((u) => u.toolRequest);
  const [handledRequest, setHandledRequest] = useState(request.n);
  if (request.n !== handledRequest) {
    setHandledRequest(request.n);
    if (request.tab === kind && request.line !== undefined) setLine(request.line);
  }
  const [clearedAt, setClearedAt] = useState(0);
  const [cursor, setCursor] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [offer, setOffer] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const screenRef = useRef<HTMLDivElement>(null);
  const running = entries.find((e) => e.output === null) ?? null;
  // In a room a line is on its way to the server until it answers; the prompt waits for that answer.
  const sending = useHostState((s) => s.sending?.map(config.typed).find((t) => t !== null) ?? null);
  // A line the session refused (the server's flood guard, the sender's hands…) is said at the prompt and given back to edit.
  const refused = useHostState((s) => s.refused ?? null);
  const [handledRefusal, setHandledRefusal] = useState(refused?.n ?? 0);
  if (refused && refused.n !== handledRefusal) {
    setHandledRefusal(refused.n);
    const text = config.typed(refused.command);
    if (text !== null) {
      setNotice(`Not run: “${text}”: ${refused.reason.replace(/\.$/, '')}.`);
      if (line.trim() === '') setLine(text);
    }
  }
  const history = entries.map((e) => e.line);
  const shown = entries.slice(clearedAt);
  const timeOf = (t: number) => timeOfDay(view.scenario.clock, t);

  const newestOutput = shown.at(-1)?.output;
  // Follow the newest output, as a terminal scrolls.
  useEffect(() => {
    const el = screenRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries.length, running?.id, newestOutput]);

  const submit = () => {
    const text = line.trim();
    setOffer([]);
    setCursor(null);
    if (text === '') return;
    if (text === 'clear' || (kind === 'sql' && text === '\\q')) {
      setClearedAt(entries.length);
      setLine('');
      return;
    }
    if (running) {
      setNotice(`“${running.line}” is still running; the next command can start when it finishes.`);
      return;
    }
    if (sending !== null) {
      setNotice(`“${sending}” is on its way to the room's server; the next command can start once it answers.`);
      return;
    }
    // One responder does two things at once; the line stays typed until a hand is free.
    const busy = handsRefusal(view.scenario.clock, view.hands, actor, clock);
    if (busy) {
      setNotice(`${busy}.`);
      return;
    }
    setNotice(null);
    send(config.command(text));
    setLine('');
  };

  const recall = (direction: -1 | 1) => {
    if (history.length === 0) return;
    const from = cursor ?? history.length;
    const to = Math.min(history.length, Math.max(0, from + direction));
    if (cursor === null) setDraft(line);
    setCursor(to === history.length ? null : to);
    setLine(to === history.length ? draft : (history[to] as string));
  };

  const complete = () => {
    const result = config.complete(view, line);
    if (result.candidates.length === 0) return;
    const single = result.candidates.length === 1;
    const word = single ? `${result.candidates[0]}${(result.candidates[0] as string).endsWith('=') || (result.candidates[0] as string).endsWith('/') ? '' : ' '}` : result.common;
    setLine(line.slice(0, result.from) + word);
    setOffer(single ? [] : result.candidates);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      recall(-1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      recall(1);
    } else if (e.key === 'Tab' && line.trim() !== '') {
      e.preventDefault();
      complete();
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      setClearedAt(entries.length);
    } else if (e.key === 'c' && e.ctrlKey && window.getSelection()?.toString() === '') {
      e.preventDefault();
      setLine('');
      setOffer([]);
    }
  };

  return (
    <div className="term" onClick={() => window.getSelection()?.toString() === '' && inputRef.current?.focus()}>
      <div ref={screenRef} className="term__screen" role="log" aria-label={`${config.name} output`} aria-live="polite" tabIndex={0}>
        {shown.length === 0 && <p className="term__welcome">{config.welcome}</p>}
        {shown.map((entry: TerminalEntry) => (
          <TerminalEntryView key={entry.id} entry={entry} prompt={prompt} time={timeOf(entry.startedAt)} />
        ))}
        {sending !== null && !running && (
          <p className="term__running">
            <span className="tools-spinner" aria-hidden="true" /> sending “{sending}” to the room…
          </p>
        )}
        {running && (
          <p className="term__running">
            <span className="tools-spinner" aria-hidden="true" /> running — done at {timeOf(running.endsAt)} ({formatDuration(Math.max(0, running.endsAt - clock))})
          </p>
        )}
        {offer.length > 0 && <pre className="term__offer">{offer.join('  ')}</pre>}
      </div>
      {!readOnly && (
        <div className="term__input-row">
          <label htmlFor={inputId} className="term__prompt">
            {prompt}
            <span className="visually-hidden"> {kind === 'sql' ? 'SQL query' : 'command line'}</span>
          </label>
          <input
            ref={inputRef}
            id={inputId}
            className="term__input"
            value={line}
            onChange={(e) => {
              setLine(e.target.value);
              setOffer([]);
            }}
            onKeyDown={onKey}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={notice ? `${inputId}-notice` : undefined}
          />
        </div>
      )}
      {!readOnly && kind === 'terminal' && view.scenario.palette && (
        <CommandPalette
          entries={view.scenario.palette}
          onPick={(picked) => {
            setLine(picked);
            setOffer([]);
            inputRef.current?.focus();
          }}
        />
      )}
      {notice && (
        <p id={`${inputId}-notice`} className="term__notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
