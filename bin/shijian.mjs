#!/usr/bin/env node
// Runs the TypeScript sources through tsx where the dev dependencies are installed, else the build (dist/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist/cli/main.js');
const args = existsSync(join(root, 'node_modules/tsx'))
  ? ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...process.argv.slice(2)]
  : [built, ...process.argv.slice(2)];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
