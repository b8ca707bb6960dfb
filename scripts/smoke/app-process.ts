import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One running `npm start` (its whole process group), with its output kept for the checks and a log file. */
export interface AppProcess {
  readonly name: string;
  readonly baseUrl: string;
  output(): string;
  /** SIGTERM to the group, as Ctrl-C or a service manager would; resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
  /** SIGKILL to the group: a crash, a power cut, an OOM kill. */
  kill9(): Promise<void>;
  readonly exited: Promise<number | null>;
}

export interface StartOptions {
  name: string;
  port: number;
  env: Record<string, string>;
  args?: string[];
  logDir: string;
  /** How long to wait for /api/v1/health (a first start builds the web UI and loads the demo). */
  readyTimeoutMs?: number;
}

export async function startApp(opts: StartOptions): Promise<AppProcess> {
  mkdirSync(opts.logDir, { recursive: true });
  const log = createWriteStream(join(opts.logDir, `${opts.name}.log`), { flags: 'a' });
  const child: ChildProcess = spawn('npm', ['start', '--', ...(opts.args ?? [])], {
    env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', ...opts.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ? 128 : code)),
  );
  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), sig);
    } catch {
      // already gone
    }
  };
  const app: AppProcess = {
    name: opts.name,
    baseUrl: `http://127.0.0.1:${opts.port}`,
    output: () => out,
    exited,
    async stop(timeoutMs = 20_000) {
      signalGroup('SIGTERM');
      // npm may exit before the server it started has closed the database: wait for the whole group.
      const deadline = Date.now() + timeoutMs;
      while (groupAlive(child.pid as number)) {
        if (Date.now() > deadline) {
          signalGroup('SIGKILL');
          throw new Error(`${opts.name}: still running ${timeoutMs / 1000} s after SIGTERM`);
        }
        await sleep(100);
      }
      return exited;
    },
    async kill9() {
      signalGroup('SIGKILL');
      await exited;
      while (groupAlive(child.pid as number)) await sleep(50);
    },
  };
  await waitHealthy(app, opts.readyTimeoutMs ?? 240_000);
  return app;
}

export async function waitHealthy(app: AppProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void app.exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${app.name} exited before it served:\n${app.output().slice(-3000)}`);
    if ((await healthStatus(app.baseUrl, 2_000)) === 200) return;
    await sleep(300);
  }
  throw new Error(`${app.name}: no healthy answer within ${timeoutMs / 1000} s:\n${app.output().slice(-3000)}`);
}

/** The health status, or 0 when nothing answered within the timeout. */
export async function healthStatus(baseUrl: string, timeoutMs: number): Promise<number> {
  try {
    const res = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Whether any live (not zombie) process of the group led by `pgid` is still there (Linux /proc). */
function groupAlive(pgid: number): boolean {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces, so split after its closing parenthesis.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return true;
  }
  return false;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
