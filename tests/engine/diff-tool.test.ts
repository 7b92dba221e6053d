import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../src/engine/terminal/diff';

// The normal-format diff written the plain way: a full longest-common-subsequence table, then a
// walk that matches equal lines as it meets them and prefers an insertion when both are as long.
function plainDiff(a: string[], b: string[]): string {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  const range = (s: number, e: number) => (e - s <= 1 ? String(e - s === 1 ? s + 1 : s) : `${s + 1},${e}`);
  let i = 0;
  let j = 0;
  let open: number[] | null = null;
  const flush = () => {
    if (!open) return;
    const [as, ae, bs, be] = open as [number, number, number, number];
    const op = ae === as ? 'a' : be === bs ? 'd' : 'c';
    out.push(`${op === 'a' ? String(as) : range(as, ae)}${op}${op === 'd' ? String(bs) : range(bs, be)}`);
    for (let k = as; k < ae; k++) out.push(`< ${a[k]}`);
    if (op === 'c') out.push('---');
    for (let k = bs; k < be; k++) out.push(`> ${b[k]}`);
    open = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
      continue;
    }
    open ??= [i, i, j, j];
    if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) open[3] = ++j;
    else open[1] = ++i;
  }
  flush();
  return out.join('\n');
}

const text = (lines: string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);

describe('diff over two texts', () => {
  it('prints a changed enum symbol the way diff does', () => {
    const v7 = ['{', '  "type": "enum",', '  "symbols": ["PLACED", "PAID"]', '}'];
    const v8 = ['{', '  "type": "enum",', '  "symbols": ["PLACED", "PAID", "REFUNDED"]', '}'];
    const r = diffTexts([], [text(v7), text(v8)], ['/dev/fd/63', '/dev/fd/62']);
    expect(r.exit).toBe(1);
    expect(r.out).toBe('3c3\n<   "symbols": ["PLACED", "PAID"]\n---\n>   "symbols": ["PLACED", "PAID", "REFUNDED"]\n');
    expect(diffTexts([], [text(v7), text(v7)], ['a', 'b'])).toMatchObject({ exit: 0, out: '' });
  });

  it('finds the same hunks as a full table, whatever the texts share at their start', () => {
    const line = fc.constantFrom('a', 'b', 'c', '{', '}', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (shared, restA, restB) => {
        const a = [...shared, ...restA];
        const b = [...shared, ...restB];
        const expected = plainDiff(a, b);
        expect(diffTexts([], [text(a), text(b)], ['a', 'b']).out).toBe(expected === '' ? '' : `${expected}\n`);
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});
