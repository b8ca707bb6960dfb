import { createPiiCipher, resolveSecret } from '../platform/pii.ts';

/** Every placard public key of this installation, the one in use first: PEM blocks with "# kid:" lines, or JSON. */
export async function placardKeysText(opts: { json: boolean }): Promise<string> {
  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../db/open.ts');
  const { createSigningKeys } = await import('../modules/signing/published.ts');
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const keys = createSigningKeys(db, {
      signingKey: config.PLACARD_SIGNING_KEY,
      pii: createPiiCipher(resolveSecret(config)),
    });
    const list = await keys.list();
    if (opts.json) return JSON.stringify(list, null, 2);
    return list.keys
      .map((k) => `# kid: ${k.kid}${k.active ? '（当前签发）' : ''}　创建于 ${k.createdAt}\n${k.publicKey.trim()}`)
      .join('\n\n');
  } finally {
    await db.close();
  }
}

/**
 * `shijian placard-keys [--json]`: prints the public keys for distribution (verify-placard --public-key). It opens
 * the configured database; an embedded PGlite DATA_DIR can only be opened while the server is stopped (otherwise
 * take the running portal's /api/v1/public/placards/keys).
 */
export async function placardKeysCommand(args: string[]): Promise<void> {
  console.log(await placardKeysText({ json: args.includes('--json') }));
}
