/** A piece of a JSON body, or a `# note`, or text that is not JSON (an error line, say). */
export type JsonSegment = { type: 'json'; value: unknown } | { type: 'note'; text: string } | { type: 'text'; text: string };

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Splits a REST tool's output into JSON documents, `# notes` and other lines. Several
 * documents may follow one another (`curl a && curl b`), compact or pretty-printed.
 */
export function parseJsonSegments(body: string): JsonSegment[] {
  const out: JsonSegment[] = [];
  let buffer: string[] = [];
  const flushAsText = () => {
    for (const line of buffer) if (line.trim() !== '') out.push({ type: 'text', text: line });
    buffer = [];
  };
  for (const line of body.split('\n')) {
    if (buffer.length === 0) {
      if (line.startsWith('# ')) {
        out.push({ type: 'note', text: line.slice(2) });
        continue;
      }
      if (!/^\s*[[{"]/.test(line)) {
        if (line.trim() !== '') out.push({ type: 'text', text: line });
        continue;
      }
    }
    buffer.push(line);
    const parsed = tryParse(buffer.join('\n'));
    if (parsed.ok) {
      out.push({ type: 'json', value: parsed.value });
      buffer = [];
    }
  }
  flushAsText();
  return out;
}

/** A token of pretty-printed JSON, for light syntax colouring. */
export interface JsonToken {
  kind: 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'space';
  text: string;
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function scalar(v: unknown): JsonToken {
  if (v === null) return { kind: 'null', text: 'null' };
  if (typeof v === 'string') return { kind: 'string', text: JSON.stringify(v) };
  if (typeof v === 'number') return { kind: 'number', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'boolean', text: String(v) };
  return { kind: 'punct', text: JSON.stringify(v) ?? '' };
}

/** Pretty-prints JSON as lines of tokens: two-space indent, short arrays of scalars kept on one line. */
export function formatJson(value: unknown): JsonToken[][] {
  const lines: JsonToken[][] = [];
  const write = (v: unknown, depth: number, lead: JsonToken[], trail: string) => {
    const pad: JsonToken = { kind: 'space', text: '  '.repeat(depth) };
    const close = (text: string): JsonToken[] => [{ kind: 'space', text: '  '.repeat(depth) }, { kind: 'punct', text: text + trail }];
    if (Array.isArray(v)) {
      if (v.length === 0 || (v.every(isPrimitive) && JSON.stringify(v).length <= 60)) {
        const inline: JsonToken[] = [{ kind: 'punct', text: '[' }];
        v.forEach((x, i) => {
          if (i > 0) inline.push({ kind: 'punct', text: ', ' });
          inline.push(scalar(x));
        });
        inline.push({ kind: 'punct', text: ']' + trail });
        lines.push([pad, ...lead, ...inline]);
        return;
      }
      lines.push([pad, ...lead, { kind: 'punct', text: '[' }]);
      v.forEach((x, i) => write(x, depth + 1, [], i < v.length - 1 ? ',' : ''));
      lines.push(close(']'));
      return;
    }
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      if (entries.length === 0) {
        lines.push([pad, ...lead, { kind: 'punct', text: '{}' + trail }]);
        return;
      }
      lines.push([pad, ...lead, { kind: 'punct', text: '{' }]);
      entries.forEach(([k, x], i) => write(x, depth + 1, [{ kind: 'key', text: JSON.stringify(k) }, { kind: 'punct', text: ': ' }], i < entries.length - 1 ? ',' : ''));
      lines.push(close('}'));
      return;
    }
    const token = scalar(v);
    lines.push([pad, ...lead, token, ...(trail ? [{ kind: 'punct' as const, text: trail }] : [])]);
  };
  write(value, 0, [], '');
  return lines;
}
