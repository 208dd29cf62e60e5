import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` serves the built app: build it when `dist/` is missing or older than any of its sources
 * (the app, its operations and the generated SDK), so a fresh clone and an edited checkout both serve
 * what the code says without building on every start.
 */
const web = fileURLToPath(new URL('..', import.meta.url));
const built = join(web, 'dist', 'index.html');
const sources = [join(web, 'src'), join(web, 'public'), join(web, 'index.html'), join(web, 'approve'), join(web, 'vite.config.ts'), join(web, '..', 'sdk', 'src')];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newest))) {
  process.stdout.write('Building the web app (clients/web)…\n');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
