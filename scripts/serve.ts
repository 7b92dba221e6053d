import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/builtin-scenarios.ts';

// `npm run serve`: builds the app when dist/ is missing or older than its sources, then starts
// the one process that serves the app and the rooms (server/main.ts).

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'scripts/vite-plugin-scenarios.ts'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const built = join(repoRoot, process.env.FIREDRILL_DIST || 'dist', 'index.html');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(join(repoRoot, s))));
if (builtAt < changedAt) {
  console.log(builtAt === 0 ? 'Building the app (dist/ is missing)…' : 'Building the app (the sources changed since the last build)…');
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; the server was not started.');
    process.exit(result.status ?? 1);
  }
}
await import('../server/main.ts');
