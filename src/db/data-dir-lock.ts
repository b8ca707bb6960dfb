import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const holderOf = (file: string): number | null => {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || null;
  } catch {
    return null;
  }
};

/**
 * One process per embedded database: PGlite has no server between writers, so a second `npm start` (or an import
 * CLI) on the same DATA_DIR would corrupt it. A process still shutting down (Ctrl-C, then start again at once) is
 * waited for up to `waitMs`; a lock left by a killed process is taken over. Returns the release function.
 */
export async function lockDataDir(dir: string, waitMs: number): Promise<() => void> {
  const file = join(dir, 'shijian.pid');
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = holderOf(file);
    if (holder === null || holder === process.pid || !alive(holder)) {
      unlinkSync(file);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `数据目录 ${dir} 正由进程 ${holder} 使用（另一个 Shijian 正在运行？）。请先停止它，或为本进程另设 DATA_DIR。`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return () => {
    if (holderOf(file) === process.pid) unlinkSync(file);
  };
}
