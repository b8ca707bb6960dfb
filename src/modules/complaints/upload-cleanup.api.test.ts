import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ApiClient, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

type Uploaded = { token: string; sha256: string };
const png = (fill: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(300, fill)]);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('unclaimed upload cleanup (job complaints.uploads-cleanup)', () => {
  let app: TestApp;
  const anon = () => new ApiClient(app.baseUrl);
  before(async () => {
    app = await startTestApp({ env: { UPLOAD_UNCLAIMED_HOURS: '24' } });
  });
  after(() => app.close());

  const upload = async (bytes: Buffer, filename: string): Promise<Uploaded> => {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
    const res = await fetch(`${app.baseUrl}/api/v1/public/complaints/uploads`, { method: 'POST', body: form });
    assert.equal(res.status, 201);
    return (await res.json()) as Uploaded;
  };
  const submit = (attachments: string[]) =>
    anon().post('/api/v1/public/complaints', {
      kind: 'complaint',
      person: { name: '孙八', phone: '13800001234' },
      business: { name: '某某超市', address: '南海区桂城街道南海大道1号' },
      description: '购买的商品有质量问题，商家拒绝退货，附照片。',
      attachments,
    });
  const count = async (sql: string, params: unknown[]) =>
    (await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
  const age = (tokens: string[], hours: number) =>
    app.testDb.db.query(
      `UPDATE complaint_pending_uploads SET created_at = now() - make_interval(hours => $2)
        WHERE token_sha256 = ANY($1::text[])`,
      [tokens.map(sha256), hours],
    );

  test('deletes old unclaimed uploads and their unshared bytes; keeps claimed, young and shared ones', async () => {
    const oldAlone = await upload(png(1), 'old.png');
    const oldShared = await upload(png(2), 'old-shared.png');
    const youngShared = await upload(png(2), 'young-shared.png');
    const young = await upload(png(3), 'young.png');
    const claimed = await upload(png(4), 'claimed.png');
    assert.equal((await submit([claimed.token])).status, 201);
    await age([oldAlone.token, oldShared.token], 25);
    await age([young.token, youngShared.token], 23);
    await app.testDb.db.query(`UPDATE stored_files SET created_at = now() - interval '3 days' WHERE sha256 = $1`, [
      claimed.sha256,
    ]);

    const jobId = await app.services.jobs.enqueue({ kind: 'complaints.uploads-cleanup' });
    await app.services.jobRunner.drain();
    const [job] = await app.testDb.db.query<{ status: string; result: unknown }>(
      'SELECT status, result FROM jobs WHERE id = $1',
      [jobId],
    );
    assert.deepEqual(job, { status: 'succeeded', result: { uploads: 2, files: 2, blobs: 1, bytes: png(1).length } });

    assert.equal(await count('stored_files WHERE sha256 = $1', [oldAlone.sha256]), 0);
    assert.equal(await count('file_blobs WHERE sha256 = $1', [oldAlone.sha256]), 0);
    assert.equal(await count('stored_files WHERE sha256 = $1', [oldShared.sha256]), 1, 'the young copy stays');
    assert.equal(await count('file_blobs WHERE sha256 = $1', [oldShared.sha256]), 1, 'its bytes stay');
    assert.equal(
      await count('complaint_attachments a JOIN stored_files f ON f.id = a.file_id WHERE f.sha256 = $1', [
        claimed.sha256,
      ]),
      1,
    );
    assert.equal(await count('file_blobs WHERE sha256 = $1', [claimed.sha256]), 1);
    assert.equal((await submit([oldAlone.token])).status, 422, 'a removed upload cannot be claimed');
    assert.equal((await submit([young.token, youngShared.token])).status, 201, 'young uploads still work');
  });
});
