import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lockDataDir } from './data-dir-lock.ts';

describe('one process per embedded data folder', () => {
  test('a live holder is waited for, then refused with a message naming the folder and the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sj-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'shijian.pid'), String(other.pid));
      const started = Date.now();
      await assert.rejects(lockDataDir(dir, 300), (err: Error) => {
        assert.match(err.message, new RegExp(`正由进程 ${other.pid} 使用`));
        assert.ok(err.message.includes(dir));
        return true;
      });
      assert.ok(Date.now() - started >= 250, 'it waited for the holder first');
    } finally {
      other.kill('SIGKILL');
    }
  });

  test('a holder that stops while we wait hands over; a lock left by a killed process is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sj-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    writeFileSync(join(dir, 'shijian.pid'), String(other.pid));
    setTimeout(() => other.kill('SIGKILL'), 300);
    const release = await lockDataDir(dir, 10_000);
    assert.equal(readFileSync(join(dir, 'shijian.pid'), 'utf8'), String(process.pid));
    release();
    assert.equal(existsSync(join(dir, 'shijian.pid')), false);
  });
});
