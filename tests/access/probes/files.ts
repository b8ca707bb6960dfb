import type { AccessProbe } from '../probe.ts';

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 9)]);

/** Files are stored by the module that owns them; the generic routes read one file's metadata or bytes. */
export const fileProbe: AccessProbe = {
  kind: 'file',
  async seed(ctx, owners, outsider) {
    const { files } = ctx.app.services;
    const store = async (ownerUnitId: number, createdBy: number) =>
      String(
        (
          await files.store(
            ctx.db,
            { filename: `probe-${createdBy}.png`, mimeType: 'image/png', pieces: [png], sizeBytes: png.length },
            { purpose: 'complaint-attachment', ownerUnitId, createdBy },
          )
        ).id,
      );
    const ownRows = new Map<number, string>();
    for (const owner of owners) ownRows.set(owner, await store(ctx.stationA.id, owner));
    return { ownRows, stationBRow: await store(ctx.stationB.id, outsider) };
  },
  ops: {
    get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/files/${id}/meta`)).status }),
    download: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/files/${id}`)).status }),
  },
  notOffered: {
    list: 'files are listed through the record they belong to (complaint, credit document), not on their own',
    count: 'no file listing, so no total',
    export: 'no file export',
    write: 'files are uploaded and removed through their owning module',
  },
};

export const probes: AccessProbe[] = [fileProbe];
