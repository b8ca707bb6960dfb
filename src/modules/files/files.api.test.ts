import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { AppError } from '../../platform/errors.ts';
import type { ReceivedFile } from '../../platform/uploads.ts';
import type { FileOwner } from './service.ts';

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
const received = (data: Buffer, filename = 'photo.png'): ReceivedFile => ({
  filename,
  mimeType: 'image/png',
  pieces: [data],
  sizeBytes: data.length,
});

describe('files: content-addressed attachments, scoped downloads', () => {
  let app: TestApp;
  let s01: number;
  before(async () => {
    app = await startTestApp({ env: { FILE_MAX_BYTES: '4096' } });
    const [row] = await app.services.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    s01 = row!.id;
  });
  after(() => app.close());
  const owner = (purpose: FileOwner['purpose']): FileOwner => ({ purpose, ownerUnitId: s01, createdBy: null });

  it('stores once per content, serves it with its SHA-256 to the owning station only', async () => {
    const { files, db } = app.services;
    const a = await files.store(db, received(png, 'C:\\fakepath\\现场照片.png'), owner('complaint-attachment'));
    const b = await files.store(db, received(png, 'again.png'), owner('complaint-attachment'));
    assert.equal(a.sha256, b.sha256);
    assert.equal(a.filename, '现场照片.png');
    assert.equal(a.mimeType, 'image/png');
    const [blobs] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_blobs WHERE sha256 = $1', [
      a.sha256,
    ]);
    assert.equal(blobs!.n, 1);

    const own = await loginAs(app, 's01.inspector');
    const res = await own.get<string>(`/api/v1/files/${a.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-content-sha256'), a.sha256);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const meta = await own.get<{ sha256: string; sizeBytes: number }>(`/api/v1/files/${a.id}/meta`);
    assert.deepEqual([meta.body.sha256, meta.body.sizeBytes], [a.sha256, png.length]);

    const other = await loginAs(app, 's02.inspector');
    assert.equal((await other.get(`/api/v1/files/${a.id}`)).status, 404);
    assert.equal((await (await loginAs(app, 'admin')).get(`/api/v1/files/${a.id}`)).status, 200);
  });

  it('needs the permission of the purpose', async () => {
    const { files, db } = app.services;
    const doc = await files.store(
      db,
      received(Buffer.from('%PDF-1.7 test document'), 'd.pdf'),
      owner('credit-document'),
    );
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await inspector.get(`/api/v1/files/${doc.id}`)).status, 403);
  });

  it('refuses oversized, empty and unknown content with a 422 naming the field', async () => {
    const { files, db } = app.services;
    const reject = async (file: ReceivedFile, pattern: RegExp) => {
      await assert.rejects(files.store(db, file, owner('complaint-attachment')), (err: unknown) => {
        assert.ok(err instanceof AppError);
        assert.equal(err.status, 422);
        assert.equal(err.errors[0]?.path, 'file');
        assert.match(err.detail, pattern);
        return true;
      });
    };
    await reject(received(Buffer.concat([png, Buffer.alloc(5000)])), /MB/);
    await reject(received(Buffer.alloc(0)), /空文件/);
    await reject(received(Buffer.from('MZ\x90\x00 this is an exe renamed to png'), 'evil.png'), /不支持的附件类型/);
    const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');
    assert.equal(n!.n, 3);
  });

  it('answers 404, not 403, for a file outside the caller’s scope whatever its purpose', async () => {
    const { files, db } = app.services;
    const doc = await files.store(db, received(Buffer.from('%PDF-1.7 s01 only'), 'e.pdf'), owner('credit-document'));
    const s02 = await loginAs(app, 's02.inspector');
    assert.equal((await s02.get(`/api/v1/files/${doc.id}`)).status, 404, 'its existence is not revealed');
    assert.equal((await s02.get(`/api/v1/files/${doc.id}/meta`)).status, 404);
  });

  it('self scope: a user downloads the files they uploaded, not a colleague’s of the same station', async () => {
    const { files, db } = app.services;
    const admin = await loginAs(app, 'admin');
    const me = await selfScopedUser(app, admin, {
      username: 's01.files.self',
      unitCode: 's01',
      permissions: ['complaint:read'],
    });
    const mine = await files.store(db, received(png, 'mine.png'), {
      ...owner('complaint-attachment'),
      createdBy: me.id,
    });
    const colleagues = await files.store(db, received(png, 'theirs.png'), owner('complaint-attachment'));
    assert.equal((await me.client.get(`/api/v1/files/${mine.id}`)).status, 200);
    assert.equal((await me.client.get(`/api/v1/files/${colleagues.id}`)).status, 404);
    assert.equal((await me.client.get(`/api/v1/files/${colleagues.id}/meta`)).status, 404);
  });
});
