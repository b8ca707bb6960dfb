import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyPgliteTemplate } from '../../tests/helpers/pglite-template.ts';
import { createShutdown } from './shutdown.ts';

function fakeShutdown(steps: (() => Promise<unknown>)[], timeoutMs = 1_000) {
  const log: string[] = [];
  let exited: (code: number) => void;
  const exit = new Promise<number>((resolve) => {
    exited = resolve;
  });
  const shutdown = createShutdown({ steps, timeoutMs, log: (m) => log.push(m), exit: (code) => exited(code) });
  return { shutdown, exit, log };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Resolves with the exit code, or null when the process is still running after `ms`. */
const exitWithin = (child: ChildProcess, ms: number) =>
  Promise.race([
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))),
    sleep(ms, null, { ref: false }),
  ]);

describe('shutdown on SIGTERM/SIGINT', () => {
  test('runs the steps in order and exits 0', async () => {
    const order: string[] = [];
    const { shutdown, exit } = fakeShutdown([async () => order.push('jobs'), async () => order.push('http')]);
    void shutdown('SIGTERM');
    assert.equal(await exit, 0);
    assert.deepEqual(order, ['jobs', 'http']);
  });

  test('a step that never finishes: exits 1 after the timeout, saying so', async () => {
    const { shutdown, exit, log } = fakeShutdown([() => new Promise(() => {})], 200);
    const started = Date.now();
    void shutdown('SIGTERM');
    assert.equal(await exit, 1);
    // Timers may fire a millisecond early by Date.now(); what matters is that it waited rather than exiting at once.
    assert.ok(Date.now() - started >= 150);
    assert.match(log.at(-1) ?? '', /强制退出/);
  });

  test('a second signal exits at once', async () => {
    const { shutdown, exit, log } = fakeShutdown([() => new Promise(() => {})], 2_000);
    void shutdown('SIGINT');
    void shutdown('SIGINT');
    assert.equal(await exit, 1);
    assert.match(log.at(-1) ?? '', /立即退出/);
  });

  test('the server process exits on SIGTERM while a request is stuck', { timeout: 90_000 }, async () => {
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true }); // absent in a fresh clone
    const dataDir = mkdtempSync(join(process.cwd(), '.tmp', 'shutdown-'));
    // A migrated database to start from: PGlite's initdb and the migrations would take most of this test's time.
    await copyPgliteTemplate(join(dataDir, 'pglite'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-demo'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        WORKERS: 'false',
        SHUTDOWN_TIMEOUT_MS: '1500',
        SECRET_KEY: 'test-secret-key-for-personal-data-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    try {
      for (let i = 0; i < 600 && !output.includes('已启动'); i++) await sleep(100);
      assert.match(output, /已启动/);
      // A request whose body never completes keeps its connection busy: the HTTP server waits for it.
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"u',
      );
      await sleep(200);
      child.kill('SIGTERM');
      const code = await exitWithin(child, 10_000);
      socket.destroy();
      assert.equal(code, 1, `exited (${code}); output:\n${output}`);
      assert.match(output, /强制退出/);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
