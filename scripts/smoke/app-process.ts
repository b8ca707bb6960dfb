import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
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
      const code = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        signalGroup('SIGKILL');
        throw new Error(`${opts.name}: still running ${timeoutMs / 1000} s after SIGTERM`);
      }
      return code;
    },
    async kill9() {
      signalGroup('SIGKILL');
      await exited;
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
