import type { PlayerView } from '../../../engine';

/** The platform as the player may see it: producers, topics, jobs, tables, DAGs and dashboards. */
export type Topology = PlayerView['scenario']['topology'];

/** What a box in the diagram stands for. */
export type NodeKind = 'producer' | 'topic' | 'job' | 'table' | 'dag' | 'dashboard';

/** One box of the diagram, placed. */
export interface DiagramNode {
  key: string;
  kind: NodeKind;
  label: string;
  /** The label broken into at most two lines that fit the box. */
  lines: string[];
  caption: string;
  critical: boolean;
  x: number;
  y: number;
}

/** One arrow of the diagram, from a box's right edge to another's left edge. */
export interface DiagramEdge {
  from: string;
  to: string;
  critical: boolean;
  path: string;
}

/** A laid-out diagram in its own coordinate space (the SVG's viewBox). */
export interface DiagramLayout {
  width: number;
  height: number;
  boxWidth: number;
  boxHeight: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  columns: { x: number; title: string }[];
}

const boxWidth = 126;
const boxHeight = 58;
const columnGap = 20;
const rowGap = 14;
const headerHeight = 26;
const margin = 4;
/** Room for a label inside a box, between the kind stripe and the right edge. */
const labelWidth = boxWidth - 17;
/** Label sizes in px; they match platform-diagram.css. */
const monoPx = 12;
const sansPx = 12;

const kindTitles: Record<NodeKind, string> = {
  producer: 'Producers',
  topic: 'Topics',
  job: 'Streaming',
  table: 'Lake',
  dag: 'Orchestration',
  dashboard: 'Dashboards',
};

/** The column each kind starts in; boxes move right of whatever feeds them. */
const baseColumn: Record<NodeKind, number> = { producer: 0, topic: 1, job: 2, table: 3, dag: 4, dashboard: 0 };

const jobCaptions: Record<string, string> = {
  flink: 'Flink job',
  spark: 'Spark job',
  'kafka-connect': 'Kafka Connect',
  consumer: 'Consumer app',
};

/**
 * A generous estimate of how wide a label renders, so it fits whatever font the browser
 * picks: monospace advances 0.6 em; proportional glyphs are sized by class (wide fallback
 * fonts such as DejaVu Sans included).
 */
export function estimateWidth(text: string, fontPx: number, mono: boolean): number {
  if (mono) return text.length * 0.6 * fontPx;
  let em = 0;
  for (const ch of text) {
    if (' ()[].,:;\'|!ilIjft'.includes(ch)) em += 0.36;
    else if ('mwMW'.includes(ch)) em += 0.92;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else em += 0.62;
  }
  return em * fontPx;
}

/** Breaks an identifier or title into at most two lines that fit, preferring `_`, `-`, `.` and spaces. */
export function wrapLabel(label: string, fits: (text: string) => boolean): string[] {
  if (fits(label)) return [label];
  let cut = -1;
  for (let i = label.length - 1; i > 0; i--) {
    const ch = label[i - 1];
    if ((ch === '_' || ch === '-' || ch === '.' || ch === ' ') && fits(label.slice(0, i).trimEnd())) {
      cut = i;
      break;
    }
  }
  if (cut <= 0) {
    cut = 1;
    while (cut < label.length && fits(label.slice(0, cut + 1))) cut++;
  }
  const first = label.slice(0, cut).trimEnd();
  let rest = label.slice(cut).trimStart();
  if (!fits(rest)) {
    while (rest.length > 1 && !fits(`${rest}…`)) rest = rest.slice(0, -1);
    rest = `${rest.trimEnd()}…`;
  }
  return [first, rest];
}

interface RawNode {
  key: string;
  kind: NodeKind;
  label: string;
  caption: string;
  /** Written by an orchestrated job: a mart rather than a landing table. */
  mart: boolean;
  /** Jobs and DAGs carry their own criticality; the rest inherit it from the paths they are on. */
  ownCritical: boolean | null;
}

/** Builds the graph of the platform: which box feeds which. */
function buildGraph(topology: Topology): { nodes: RawNode[]; edges: [string, string][] } {
  const nodes: RawNode[] = [];
  const edges: [string, string][] = [];
  const keys = new Set<string>();
  const add = (node: RawNode) => {
    if (keys.has(node.key)) return;
    keys.add(node.key);
    nodes.push(node);
  };
  const link = (from: string, to: string) => {
    if (keys.has(from) && keys.has(to)) edges.push([from, to]);
  };
  const writtenByDag = new Set(topology.dags.map((d) => d.writes));
  for (const p of topology.producers) add({ key: `producer:${p.id}`, kind: 'producer', label: p.id, caption: 'Producer service', mart: false, ownCritical: null });
  for (const t of topology.topics) add({ key: `topic:${t.id}`, kind: 'topic', label: t.id, caption: `Kafka topic · ${t.partitions}p`, mart: false, ownCritical: null });
  for (const j of topology.jobs) add({ key: `job:${j.id}`, kind: 'job', label: j.id, caption: jobCaptions[j.engine] ?? 'Streaming job', mart: false, ownCritical: j.critical });
  for (const t of topology.tables) add({ key: `table:${t.id}`, kind: 'table', label: t.id, caption: 'Lake table', mart: writtenByDag.has(t.id), ownCritical: null });
  for (const d of topology.dags) add({ key: `dag:${d.id}`, kind: 'dag', label: d.id, caption: 'Airflow DAG', mart: false, ownCritical: d.critical });
  for (const d of topology.dashboards) add({ key: `dashboard:${d.id}`, kind: 'dashboard', label: d.title, caption: 'BI dashboard', mart: false, ownCritical: null });
  for (const p of topology.producers) link(`producer:${p.id}`, `topic:${p.topic}`);
  for (const j of topology.jobs) {
    link(`topic:${j.topic}`, `job:${j.id}`);
    link(`job:${j.id}`, `table:${j.table}`);
  }
  for (const d of topology.dags) {
    link(`table:${d.reads}`, `dag:${d.id}`);
    link(`dag:${d.id}`, `table:${d.writes}`);
  }
  for (const d of topology.dashboards) link(`table:${d.table}`, `dashboard:${d.id}`);
  return { nodes, edges };
}

/**
 * Which boxes are on a critical path: critical jobs and DAGs, everything upstream of them, and
 * everything downstream that is not reached only through a non-critical job or DAG. With no
 * critical marks at all, everything counts as critical (nothing is dimmed).
 */
function criticalKeys(nodes: RawNode[], edges: [string, string][]): Set<string> {
  const seeds = nodes.filter((n) => n.ownCritical === true).map((n) => n.key);
  if (seeds.length === 0) return new Set(nodes.map((n) => n.key));
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const critical = new Set<string>(seeds);
  const walk = (start: string[], next: (key: string) => string[], may: (key: string) => boolean) => {
    const stack = [...start];
    while (stack.length > 0) {
      const key = stack.pop() as string;
      for (const n of next(key)) {
        if (critical.has(n) || !may(n)) continue;
        critical.add(n);
        stack.push(n);
      }
    }
  };
  const up = (key: string) => edges.filter(([, to]) => to === key).map(([from]) => from);
  const down = (key: string) => edges.filter(([from]) => from === key).map(([, to]) => to);
  walk(seeds, up, () => true);
  walk(seeds, down, (key) => byKey.get(key)?.ownCritical !== false);
  return critical;
}

/**
 * Each box's column: its kind's usual place, pushed right of everything that feeds it (so a DAG
 * reading another DAG's mart sits further right), with every dashboard in the last column.
 * Relaxation stops after one pass per box, so a cycle in a hand-written scenario cannot hang it.
 */
function assignColumns(nodes: RawNode[], edges: [string, string][]): Map<string, number> {
  const column = new Map(nodes.map((n) => [n.key, baseColumn[n.kind]]));
  const isDashboard = new Set(nodes.filter((n) => n.kind === 'dashboard').map((n) => n.key));
  for (let pass = 0; pass < nodes.length; pass++) {
    let moved = false;
    for (const [from, to] of edges) {
      if (isDashboard.has(to)) continue;
      const want = (column.get(from) ?? 0) + 1;
      if (want > (column.get(to) ?? 0)) {
        column.set(to, want);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const last = Math.max(0, ...nodes.filter((n) => !isDashboard.has(n.key)).map((n) => column.get(n.key) ?? 0)) + 1;
  for (const key of isDashboard) column.set(key, last);
  return column;
}

/** A column's heading, from the kind of box most of it holds. */
function columnTitle(members: RawNode[]): string {
  const counts = new Map<NodeKind, number>();
  for (const n of members) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const kind = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!kind) return '';
  if (kind === 'table' && members.some((n) => n.mart)) return 'Marts';
  return kindTitles[kind];
}

/** An arrow's route: straight across, or out, down (or up) the gap between columns, and in, with rounded bends. */
function edgePath(x1: number, y1: number, x2: number, y2: number): string {
  if (y1 === y2) return `M${x1},${y1} H${x2}`;
  const xm = x1 + Math.min(columnGap / 2, (x2 - x1) / 2);
  const r = Math.min(5, Math.abs(y2 - y1) / 2, xm - x1);
  const dir = y2 > y1 ? 1 : -1;
  return `M${x1},${y1} H${xm - r} Q${xm},${y1} ${xm},${y1 + dir * r} V${y2 - dir * r} Q${xm},${y2} ${xm + r},${y2} H${x2}`;
}

/**
 * Lays the platform out left to right (producer → topic → job → table → DAG → table →
 * dashboard), one row per end of a pipeline, critical path first.
 * Empty columns are dropped, so a scenario without DAGs still fills the width.
 */
export function layoutPlatform(topology: Topology): DiagramLayout {
  const { nodes, edges } = buildGraph(topology);
  const critical = criticalKeys(nodes, edges);
  const columnOf = assignColumns(nodes, edges);
  const col = (n: RawNode) => columnOf.get(n.key) ?? 0;
  const usedColumns = [...new Set(nodes.map(col))].sort((a, b) => a - b);
  const columnIndex = new Map(usedColumns.map((c, i) => [c, i]));
  const pitchX = boxWidth + columnGap;
  const pitchY = boxHeight + rowGap;

  // A spanning forest in reading order: each box hangs under the first box that feeds it.
  const children = new Map<string, string[]>();
  const visited = new Set<string>();
  const criticalFirst = [...edges].sort((a, b) => Number(critical.has(b[1])) - Number(critical.has(a[1])));
  const visit = (key: string) => {
    visited.add(key);
    for (const [from, to] of criticalFirst) {
      if (from !== key || visited.has(to)) continue;
      const list = children.get(key) ?? [];
      list.push(to);
      children.set(key, list);
      visit(to);
    }
  };
  const roots: string[] = [];
  for (const n of [...nodes].sort((a, b) => col(a) - col(b) || Number(critical.has(b.key)) - Number(critical.has(a.key)))) {
    if (visited.has(n.key)) continue;
    roots.push(n.key);
    visit(n.key);
  }

  // Leaves take consecutive rows; every other box lines up with its first child, so the
  // critical path (visited first) runs straight along the top and side branches hang below.
  const row = new Map<string, number>();
  let nextRow = 0;
  const place = (key: string): number => {
    const kids = children.get(key) ?? [];
    const rows = kids.map(place);
    const r = rows[0] ?? nextRow++;
    row.set(key, r);
    return r;
  };
  for (const root of roots) place(root);

  const rows = Math.max(1, nextRow);
  const placed: DiagramNode[] = nodes.map((n) => ({
    key: n.key,
    kind: n.kind,
    label: n.label,
    lines: wrapLabel(n.label, n.kind === 'dashboard' ? (t) => estimateWidth(t, sansPx, false) <= labelWidth : (t) => estimateWidth(t, monoPx, true) <= labelWidth),
    caption: n.caption,
    critical: critical.has(n.key),
    x: margin + (columnIndex.get(col(n)) ?? 0) * pitchX,
    y: headerHeight + (row.get(n.key) ?? 0) * pitchY,
  }));
  const at = new Map(placed.map((n) => [n.key, n]));
  const diagramEdges: DiagramEdge[] = edges.map(([from, to]) => {
    const a = at.get(from) as DiagramNode;
    const b = at.get(to) as DiagramNode;
    const x1 = a.x + boxWidth;
    const y1 = a.y + boxHeight / 2;
    const x2 = b.x - 3;
    const y2 = b.y + boxHeight / 2;
    return { from, to, critical: critical.has(from) && critical.has(to), path: edgePath(x1, y1, x2, y2) };
  });
  return {
    width: margin * 2 + (usedColumns.length - 1) * pitchX + boxWidth,
    height: headerHeight + (rows - 1) * pitchY + boxHeight + margin,
    boxWidth,
    boxHeight,
    nodes: placed,
    edges: diagramEdges,
    columns: usedColumns.map((c, i) => ({ x: margin + i * pitchX, title: columnTitle(nodes.filter((n) => col(n) === c)) })),
  };
}

/** Describes the platform in words, for screen readers: one sentence per pipeline stage. */
export function describePlatform(topology: Topology): string {
  const sentences: string[] = [];
  for (const p of topology.producers) {
    const topic = topology.topics.find((t) => t.id === p.topic);
    const jobs = topology.jobs.filter((j) => j.topic === p.topic);
    const readers = jobs.map((j) => `${jobCaptions[j.engine] ?? 'job'} ${j.id}${j.critical ? ' (critical)' : ''} into table ${j.table}`);
    sentences.push(`${p.id} writes to Kafka topic ${p.topic}${topic ? ` (${topic.partitions} partitions)` : ''}${readers.length > 0 ? `, read by ${readers.join(' and ')}` : ''}.`);
  }
  for (const d of topology.dags) sentences.push(`Airflow DAG ${d.id}${d.critical ? ' (critical)' : ''} reads ${d.reads} and writes ${d.writes}.`);
  for (const d of topology.dashboards) sentences.push(`Dashboard ${d.title} shows ${d.table}.`);
  return `Platform diagram. ${sentences.join(' ')}`;
}
