// UI benchmarks in Chromium: bundle sizes, Lighthouse scores, long tasks and heap growth at 20×.
// Prints figures; asserts nothing. Usage: npm run bench:ui   (takes about four minutes)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium, type Browser, type Page } from '@playwright/test';
import { builtinRegistry, repoRoot } from './lib/builtin-scenarios.ts';

const port = 4191;
const origin = `http://localhost:${port}`;
const chromiumPath = process.env.FIREDRILL_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const chromeArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Manifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean; src?: string; name?: string }>;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(join(repoRoot, 'dist', file))).length / 1024;
}

/** The JS a chunk pulls in before it can run: itself and its static imports, transitively. */
function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest, manifest[key].imports ?? [], seen);
  }
  return seen;
}

function bundleSizes(): { firstScreenKb: number; consoleKb: number; chartsKb: number; chunks: string[] } {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'dist', '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const first = closure(manifest, [entry]);
  const consoleKey = Object.keys(manifest).find((k) => k.includes('ConsoleScreen'));
  const scenarioKey = Object.keys(manifest).find((k) => k.includes('avro-schema-break'));
  const consoleSet = closure(manifest, [entry, ...(consoleKey ? [consoleKey] : []), ...(scenarioKey ? [scenarioKey] : [])]);
  const sum = (keys: Set<string>) => [...keys].reduce((kb, k) => kb + gzipKb(manifest[k]?.file ?? ''), 0);
  // The chart library arrives after the console's first paint (the cards load it lazily).
  const chartsKey = Object.keys(manifest).find((k) => k.endsWith('SeriesChart.tsx'));
  const chartsSet = new Set([...closure(manifest, chartsKey ? [chartsKey] : [])].filter((k) => !consoleSet.has(k)));
  const chunks = Object.values(manifest)
    .filter((c) => c.file.endsWith('.js'))
    .map((c) => `${c.file.padEnd(48)} ${gzipKb(c.file).toFixed(1).padStart(6)} KB gzip`);
  return { firstScreenKb: sum(first), consoleKb: sum(consoleSet), chartsKb: sum(chartsSet), chunks };
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Puts a running session for the first scenario in local storage, as a player would have left it. */
async function seedConsole(page: Page, speed: number): Promise<void> {
  const s = builtinRegistry().scenarios[0];
  if (!s) throw new Error('no scenario');
  await page.goto(origin);
  await page.evaluate(
    ({ id, version, start, speed }) => {
      localStorage.setItem('firedrill.session.v1', JSON.stringify({ scenarioId: id, scenarioVersion: version, seed: 1, log: [{ at: start, command: { type: 'session.start' } }], clock: start, hintsOn: true }));
      localStorage.setItem('firedrill.preferences', JSON.stringify({ state: { theme: 'dark', speed, hintsOn: true, bestScores: {} }, version: 1 }));
    },
    { id: s.id, version: s.version, start: s.clock.playerStartS, speed },
  );
}

/** Lighthouse on one screen; `mobile` is Lighthouse's default preset (a mid-range phone, throttled CPU and network). */
async function lighthouseScores(browser: Browser, debugPort: number, formFactor: 'desktop' | 'mobile', path: string, prepare?: (page: Page) => Promise<void>) {
  if (prepare) {
    const page = await browser.contexts()[0]!.newPage();
    await prepare(page);
    await page.close();
  }
  const result = await lighthouse(`${origin}${path}`, { port: debugPort, output: 'json', logLevel: 'error', disableStorageReset: true }, formFactor === 'desktop' ? desktopConfig : undefined);
  const categories = result?.lhr.categories ?? {};
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const failing = Object.values(result?.lhr.audits ?? {})
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), failing };
}

// What a responder types at the blank-dashboard incident: the group, the logs piped through grep, two registry schemas diffed, and queries.
const typedLines = [
  'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher',
  'kubectl logs deployment/orders-enricher-taskmanager --since=15m | grep -m 2 -A 3 SerializationException',
  'diff -u <(curl -s http://schema-registry:8081/subjects/orders-value/versions/7/schema | jq .) <(curl -s http://schema-registry:8081/subjects/orders-value/versions/8/schema | jq .)',
];
const typedQueries = ['SELECT count(*) FROM orders_fact', 'SELECT date_trunc(\'hour\', event_ts) AS hour, count(*) FROM orders_fact GROUP BY 1 ORDER BY 1'];

/**
 * Types at the running console at 20×, key by key as a person does, in the terminal and then the
 * SQL prompt, waiting for each answer: the long tasks while typing, and how long it took.
 */
async function typeAtTheConsole(page: Page): Promise<{ longTasks: { at: number; ms: number }[]; ms: number; lines: number }> {
  const from = await page.evaluate(() => performance.now());
  const type = async (tab: string, label: RegExp, lines: readonly string[]) => {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    const input = page.getByLabel(label);
    for (const line of lines) {
      await input.click();
      await page.keyboard.type(line, { delay: 15 });
      await page.keyboard.press('Enter');
      // The prompt empties once the shell has taken the line; the answer prints a few sim seconds later.
      await page.waitForFunction((el) => (el as HTMLInputElement).value === '', await input.elementHandle(), { timeout: 30_000 });
      await page.waitForTimeout(1500);
    }
  };
  await type('Terminal', /command line/, typedLines);
  await type('SQL', /SQL query/, typedQueries);
  const to = await page.evaluate(() => performance.now());
  const all = await page.evaluate(() => (window as unknown as { __longTasks: { at: number; ms: number }[] }).__longTasks);
  return { longTasks: all.filter((t) => t.at >= from && t.at <= to), ms: to - from, lines: typedLines.length + typedQueries.length };
}

/** Plays the first scenario at 20× from before the page loads: long tasks from the page's start through sim minute 10, then heap growth from minute 10 to 60. */
async function liveConsole(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await seedConsole(page, 20);
  const start = builtinRegistry().scenarios[0]?.clock.playerStartS ?? 0;
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { at: number; ms: number }[]; __frames: { at: number; ms: number; scripts: string[] }[] };
    w.__longTasks = [];
    w.__frames = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ at: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts that ran in them: what each long task was doing.
    type Script = { invoker: string; sourceURL: string; duration: number };
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        const scripts = (e as PerformanceEntry & { scripts?: Script[] }).scripts ?? [];
        if (e.duration > 50) w.__frames.push({ at: e.startTime, ms: e.duration, scripts: scripts.filter((x) => x.duration >= 10).map((x) => `${x.invoker} in ${x.sourceURL.split('/').pop() ?? ''} ${Math.round(x.duration)} ms`) });
      }),
    ).observe({ type: 'long-animation-frame', buffered: true });
  });
  // A fresh document, so the observer above is installed before the app's first script (a hash change
  // alone would keep the seeding page). The console has its own link; a bare URL opens the catalogue.
  await page.goto('about:blank');
  await page.goto(`${origin}/#/play`);
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: '20× speed' }).click();
  const cdp = await context.newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 1024 / 1024;
  };
  const simMinute = () => page.evaluate((from) => (((JSON.parse(localStorage.getItem('firedrill.session.v1') ?? '{}') as { clock?: number }).clock ?? from) - from) / 60, start);
  const waitForSimMinute = async (minute: number) => {
    while ((await simMinute()) < minute) await page.waitForTimeout(250);
  };
  await waitForSimMinute(10);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks?: { at: number; ms: number }[] }).__longTasks);
  if (!longTasks) throw new Error('the long-task observer was not installed on the console page');
  const frames = (await page.evaluate(() => (window as unknown as { __frames?: { at: number; ms: number; scripts: string[] }[] }).__frames)) ?? [];
  const typing = await typeAtTheConsole(page);
  const playedMs = await page.evaluate(() => performance.now());
  const heapAt10 = await heapMb();
  await waitForSimMinute(60);
  const heapAt60 = await heapMb();
  await context.close();
  return { longTasks, frames, typing, playedMs, heapAt10, heapAt60 };
}

async function main(): Promise<void> {
  console.log('Building…');
  await run('npx', ['vite', 'build', '--manifest']);
  const sizes = bundleSizes();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: repoRoot, stdio: 'ignore', detached: true });
    await waitForServer(origin);
    const debugPort = 9339;
    browser = await chromium.launch({ ...(chromiumPath && { executablePath: chromiumPath }), args: [...chromeArgs, `--remote-debugging-port=${debugPort}`] });
    await browser.newContext();
    console.log('Lighthouse…');
    const audits = [
      ['catalogue, mobile', await lighthouseScores(browser, debugPort, 'mobile', '/')],
      ['catalogue, desktop', await lighthouseScores(browser, debugPort, 'desktop', '/')],
      ['console, desktop', await lighthouseScores(browser, debugPort, 'desktop', '/#/play', (page) => seedConsole(page, 5))],
    ] as const;
    console.log('Playing at 20× (about four minutes)…');
    const live = await liveConsole(browser);
    const longest = Math.max(0, ...live.longTasks.map((t) => t.ms));
    const blocked = live.longTasks.reduce((ms, t) => ms + Math.max(0, t.ms - 50), 0);
    const pass = (ok: boolean) => (ok ? '✓' : '✗');
    console.log('\nJavaScript (gzip):');
    console.log(`  first screen (catalogue)   ${sizes.firstScreenKb.toFixed(1)} KB   target ≤ 200 KB ${pass(sizes.firstScreenKb <= 200)}`);
    console.log(`  console, to first paint    ${sizes.consoleKb.toFixed(1)} KB   target ≤ 300 KB ${pass(sizes.consoleKb <= 300)}`);
    console.log(`  + the charts, after it     ${sizes.chartsKb.toFixed(1)} KB`);
    for (const line of sizes.chunks) console.log(`    ${line}`);
    console.log('\nLighthouse (performance / accessibility / best practices; targets ≥95 / 100 / ≥95):');
    for (const [name, r] of audits) {
      console.log(`  ${name.padEnd(20)} ${r.performance} / ${r.accessibility} / ${r.bestPractices}  ${pass(r.performance >= 95 && r.accessibility === 100 && r.bestPractices >= 95)}${r.failing.length ? `  failing audits: ${r.failing.join(', ')}` : ''}`);
    }
    console.log('\nConsole at 20× with every chart live, from before the page through sim minute 10:');
    console.log(`  ${(live.playedMs / 1000).toFixed(0)} s of wall time; long tasks: ${live.longTasks.length}, longest ${longest.toFixed(0)} ms, ${blocked.toFixed(0)} ms blocked   target none over 50 ms ${pass(longest <= 50)}`);
    if (live.longTasks.length) console.log(`  at ${live.longTasks.map((t) => `${(t.at / 1000).toFixed(1)} s (${t.ms.toFixed(0)} ms)`).join(', ')}`);
    // The frames over 50 ms that hold a long task, with the scripts that ran in them.
    for (const f of live.frames.filter((f) => live.longTasks.some((t) => t.at >= f.at - 1 && t.at < f.at + f.ms))) {
      console.log(`    frame at ${(f.at / 1000).toFixed(1)} s, ${f.ms.toFixed(0)} ms: ${f.scripts.join('; ') || 'no script over 10 ms (style, layout, paint)'}`);
    }
    const typed = live.typing;
    const typedLongest = Math.max(0, ...typed.longTasks.map((t) => t.ms));
    console.log(`  typing ${typed.lines} lines and queries key by key at 20× (${(typed.ms / 1000).toFixed(0)} s): long tasks: ${typed.longTasks.length}, longest ${typedLongest.toFixed(0)} ms   target none over 50 ms ${pass(typedLongest <= 50)}`);
    console.log(`  JS heap at sim minute 10: ${live.heapAt10.toFixed(1)} MB, at minute 60: ${live.heapAt60.toFixed(1)} MB (growth ${(live.heapAt60 - live.heapAt10).toFixed(1)} MB)   target ≤ 20 MB ${pass(live.heapAt60 - live.heapAt10 <= 20)}`);
  } finally {
    await browser?.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
