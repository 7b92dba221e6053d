import { failed, printed, type ToolResult } from './types';

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

// Longest common subsequence over lines; inputs here are a few hundred lines at most. The walk
// below matches equal lines as it meets them, so the lines both texts start with need no table:
// it covers only what follows them, one flat array of (n - p + 1) × (m - p + 1) lengths.
function hunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  let p = 0;
  while (p < n && p < m && a[p] === b[p]) p++;
  const width = m - p + 1;
  const table = new Uint32Array((n - p + 1) * width);
  const lcs = (i: number, j: number) => table[(i - p) * width + (j - p)] as number;
  for (let i = n - 1; i >= p; i--) {
    for (let j = m - 1; j >= p; j--) {
      table[(i - p) * width + (j - p)] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }
  const out: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (open) out.push(open);
      open = null;
      i++;
      j++;
      continue;
    }
    open ??= { aStart: i, aEnd: i, bStart: j, bEnd: j };
    if (j < m && (i >= n || lcs(i, j + 1) >= lcs(i + 1, j))) open.bEnd = ++j;
    else open.aEnd = ++i;
  }
  if (open) out.push(open);
  return out;
}

const range = (start: number, end: number) => (end - start <= 1 ? String(end - start === 1 ? start + 1 : start) : `${start + 1},${end}`);

function normal(a: readonly string[], b: readonly string[], hs: readonly Hunk[]): string[] {
  const out: string[] = [];
  for (const h of hs) {
    const op = h.aEnd === h.aStart ? 'a' : h.bEnd === h.bStart ? 'd' : 'c';
    out.push(`${op === 'a' ? String(h.aStart) : range(h.aStart, h.aEnd)}${op}${op === 'd' ? String(h.bStart) : range(h.bStart, h.bEnd)}`);
    for (let k = h.aStart; k < h.aEnd; k++) out.push(`< ${a[k]}`);
    if (op === 'c') out.push('---');
    for (let k = h.bStart; k < h.bEnd; k++) out.push(`> ${b[k]}`);
  }
  return out;
}

function unified(a: readonly string[], b: readonly string[], hs: readonly Hunk[], names: [string, string], context = 3): string[] {
  const out = [`--- ${names[0]}`, `+++ ${names[1]}`];
  let k = 0;
  while (k < hs.length) {
    // Hunks closer than twice the context share one block, as diff -u prints them.
    let last = k;
    while (last + 1 < hs.length && (hs[last + 1] as Hunk).aStart - (hs[last] as Hunk).aEnd <= 2 * context) last++;
    const first = hs[k] as Hunk;
    const end = hs[last] as Hunk;
    const aFrom = Math.max(0, first.aStart - context);
    const aTo = Math.min(a.length, end.aEnd + context);
    const bFrom = Math.max(0, first.bStart - context);
    const bTo = Math.min(b.length, end.bEnd + context);
    const span = (from: number, to: number) => `${to - from === 0 ? from : from + 1}${to - from === 1 ? '' : `,${to - from}`}`;
    out.push(`@@ -${span(aFrom, aTo)} +${span(bFrom, bTo)} @@`);
    let ai = aFrom;
    for (let h = k; h <= last; h++) {
      const hunk = hs[h] as Hunk;
      for (; ai < hunk.aStart; ai++) out.push(` ${a[ai]}`);
      for (let x = hunk.aStart; x < hunk.aEnd; x++) out.push(`-${a[x]}`);
      for (let x = hunk.bStart; x < hunk.bEnd; x++) out.push(`+${b[x]}`);
      ai = hunk.aEnd;
    }
    for (; ai < aTo; ai++) out.push(` ${a[ai]}`);
    k = last + 1;
  }
  return out;
}

/** `diff [-u] A B` over two texts (the outputs of `<( … )`), exit 1 when they differ, as diff does. */
export function diffTexts(args: readonly string[], inputs: readonly (string | null)[], names: readonly string[]): ToolResult {
  const flags = args.filter((x) => x.startsWith('-') && x.length > 1);
  const bad = flags.find((x) => x !== '-u' && x !== '--unified');
  if (bad) return failed(`diff: unrecognized option '${bad}'\ndiff: Try 'diff --help' for more information.`, 2);
  if (inputs.length !== 2) return failed(`diff: ${inputs.length < 2 ? 'missing operand after' : 'extra operand'} '${names[names.length - 1] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.`, 2);
  const missing = inputs.findIndex((x) => x === null);
  if (missing >= 0) return failed(`diff: ${names[missing]}: No such file or directory`, 2);
  const toLines = (x: string) => (x === '' ? [] : (x.endsWith('\n') ? x.slice(0, -1) : x).split('\n'));
  const a = toLines(inputs[0] as string);
  const b = toLines(inputs[1] as string);
  const hs = hunks(a, b);
  if (hs.length === 0) return printed('');
  const body = flags.length > 0 ? unified(a, b, hs, [names[0] as string, names[1] as string]) : normal(a, b, hs);
  return { ...printed(body.join('\n')), exit: 1 };
}
