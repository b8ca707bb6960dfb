// `npm start`: serves the app from plain JavaScript (dist/, web/dist/). With the dev dependencies installed (the
// quick start `npm ci && npm start`) it first builds whatever is missing or older than its sources; a deployment
// installed with `npm ci --omit=dev` runs the build made beforehand by `npm run build`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Newest modification time under a path (a directory's newest file, recursively). */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

const marker = 'dist/BUILT';
const canBuild = existsSync('node_modules/typescript/bin/tsc') && existsSync('node_modules/vite/bin/vite.js');
if (canBuild) {
  const sources = ['src', 'tsconfig.json', 'tsconfig.build.json'];
  if (!existsSync(marker) || sources.some((s) => newest(s) > statSync(marker).mtimeMs)) {
    console.log('正在构建服务端（dist/）……');
    (await import('./build.mjs')).buildServer();
  }
  await import('./ensure-web-build.mjs');
} else if (!existsSync(marker) || !existsSync('web/dist/index.html')) {
  console.error(
    '缺少构建产物 dist/ 或 web/dist/：请先在装有开发依赖的环境中运行 npm run build，再以 npm ci --omit=dev 安装并启动。',
  );
  process.exit(1);
}

// The server runs in this process, so signals (Ctrl-C, SIGTERM) reach it directly.
process.argv = [process.argv[0], 'dist/cli/main.js', 'serve', ...process.argv.slice(2)];
await import(pathToFileURL('dist/cli/main.js').href);
