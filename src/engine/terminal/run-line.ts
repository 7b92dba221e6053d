import type { Effect } from '../../scenarios/schema';
import { diffTexts } from './diff';
import { parseLine, type Stage, type Word } from './tokenize';
import { allTools, toolNamed } from './tool-registry';
import { failed, type ToolContext, type ToolResult } from './types';

/** What a command line printed (stdout, then stderr, as the terminal shows both), its exit code and what it changed. */
export interface LineResult {
  output: string;
  exit: number;
  effects: Effect[];
  changed: string[];
}

/** The longest a line may be; the shell refuses longer ones rather than truncating them. */
export const maxLineLength = 2000;

/** Sim seconds a line takes: its slowest stage (stages of a pipeline run together). Reads no world state. */
export function lineDurationS(line: string): number {
  const parsed = line.length > maxLineLength ? null : parseLine(line);
  if (!parsed || !parsed.ok || parsed.pipeline.length === 0) return 1;
  return Math.max(1, ...allStages(parsed.pipeline).map((st) => stageDuration(st)));
}

function allStages(pipeline: readonly Stage[]): Stage[] {
  return pipeline.flatMap((st) => [st, ...st.words.flatMap((w) => (typeof w === 'string' ? [] : allStages(w.pipeline)))]);
}

function stageDuration(stage: Stage): number {
  const [name, ...args] = stage.words;
  if (typeof name !== 'string') return 1;
  const tool = toolNamed(name);
  return tool ? tool.durationS(args.filter((a): a is string => typeof a === 'string')) : 1;
}

/** Runs a command line against the world at this moment: a pure function of scenario, state and text. */
export function runLine(ctx: ToolContext, line: string): LineResult {
  if (line.length > maxLineLength) return { output: `bash: line too long (${line.length} characters; at most ${maxLineLength})\n`, exit: 2, effects: [], changed: [] };
  const parsed = parseLine(line);
  if (!parsed.ok) return { output: `${parsed.error}\n`, exit: 2, effects: [], changed: [] };
  const results: ToolResult[] = [];
  const out = runPipeline(ctx, parsed.pipeline, results);
  const err = results.map((r) => r.err).join('');
  return {
    output: out.out + err,
    exit: out.exit,
    effects: results.flatMap((r) => r.effects),
    changed: results.flatMap((r) => (r.changed ? [r.changed] : [])),
  };
}

function runPipeline(ctx: ToolContext, pipeline: readonly Stage[], results: ToolResult[]): ToolResult {
  let stdin = '';
  let last: ToolResult = { out: '', err: '', exit: 0, effects: [] };
  for (const stage of pipeline) {
    last = runStage(ctx, stage, stdin, results);
    results.push(last);
    stdin = last.out;
  }
  return last;
}

function runStage(ctx: ToolContext, stage: Stage, stdin: string, results: ToolResult[]): ToolResult {
  const [head, ...rest] = stage.words;
  if (typeof head !== 'string') return failed('bash: /dev/fd/63: Permission denied', 126);
  // Process substitutions become the texts their pipelines printed, named as bash names them.
  const substituted: (string | null)[] = [];
  const names: string[] = [];
  const args: string[] = [];
  let fd = 63;
  rest.forEach((word: Word) => {
    if (typeof word === 'string') {
      args.push(word);
      if (!word.startsWith('-')) {
        substituted.push(null);
        names.push(word);
      }
      return;
    }
    const inner = runPipeline(ctx, word.pipeline, results);
    const name = `/dev/fd/${fd--}`;
    substituted.push(inner.out);
    names.push(name);
    args.push(name);
  });
  if (head === 'diff') return diffTexts(args, substituted, names);
  if (head === 'help') return helpText();
  const tool = toolNamed(head);
  if (!tool) return failed(`bash: ${head}: command not found`, 127);
  return tool.run(ctx, args, stdin);
}

function helpText(): ToolResult {
  const rows = allTools().map((t) => `  ${t.name.padEnd(24)}${t.summary}`);
  return {
    out: `Tools on this on-call host (each has --help):\n${rows.join('\n')}\n  ${'diff'.padEnd(24)}compare two outputs: diff <(cmd1) <(cmd2), -u for unified\n\nPipes (|) work; Tab completes; ↑/↓ recall earlier lines.\n`,
    err: '',
    exit: 0,
    effects: [],
  };
}
