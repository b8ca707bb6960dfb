import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TConfig } from './config.ts';

/**
 * The key of the audit checkpoints: AUDIT_KEY, or a key file made once under DATA_DIR (mode 0600). The file is a
 * convenience for the embedded install; the guarantee needs the key off the database host (docs/AUDIT.md).
 */
export function resolveAuditKey(config: Pick<TConfig, 'AUDIT_KEY' | 'DATA_DIR'>): string {
  if (config.AUDIT_KEY) return config.AUDIT_KEY;
  const file = join(config.DATA_DIR, 'audit.key');
  mkdirSync(config.DATA_DIR, { recursive: true });
  try {
    // 'wx': two processes starting at once must not each write (and then use) a different key.
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8').trim();
}
