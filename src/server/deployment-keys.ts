import { createHmac } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { ConfigError } from './config.ts';
import { recordedFingerprint } from './deployment-keys-repo.ts';

const fingerprint = (key: string) =>
  createHmac('sha256', key).update('shijian deployment key check').digest('hex').slice(0, 32);

/**
 * Every app node on one database must use the same keys: an ID number encrypted under another SECRET_KEY is
 * unreadable to the other nodes, and checkpoints signed under another AUDIT_KEY read as forged. The first start
 * records each key's fingerprint; a start with a different key fails with what to set (docs/SCALING.md).
 */
export async function assertSharedKeys(db: Db, keys: { SECRET_KEY: string; AUDIT_KEY: string }): Promise<void> {
  for (const [name, key] of Object.entries(keys)) {
    if ((await recordedFingerprint(db, name, fingerprint(key))) !== fingerprint(key))
      throw new ConfigError(
        `${name} differs from the key this database was written with (本节点的 ${name} 与数据库中已使用的密钥不一致): ` +
          `give every app node the same ${name} (or the same DATA_DIR key file), see docs/SCALING.md.`,
      );
  }
}
