import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadResult } from './load-generator.ts';

const generator = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/** Runs one load job in a child process (its own event loop and CPU) and returns what it measured. */
export function loadInChild(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(generator, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(job);
  });
}
