// `npm run build`: the server as plain JavaScript in dist/ (run by `node`, no tsx) and the web UI in web/dist.
// A deployment builds once with the dev dependencies, then may run `npm ci --omit=dev && npm start`.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

export function buildServer() {
  rmSync('dist', { recursive: true, force: true });
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
  // Files the code reads beside itself at run time.
  cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
  cpSync('src/modules/entities/import/parse-worker.mjs', 'dist/modules/entities/import/parse-worker.mjs');
  // The first start's schema: a migrated PGlite data directory (src/db/pglite-template.ts).
  run(process.execPath, [
    '--input-type=module',
    '-e',
    "const { buildPgliteTemplate } = await import('./dist/db/pglite-template.js'); await buildPgliteTemplate();",
  ]);
  writeFileSync('dist/BUILT', `${new Date().toISOString()}\n`);
}

export function buildWeb() {
  run(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('正在构建服务端（dist/）……');
  buildServer();
  console.log('正在构建前端（web/dist/）……');
  buildWeb();
  console.log('构建完成：npm start 将运行 dist/ 中的 JavaScript。');
}
