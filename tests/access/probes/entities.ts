import { insertEntity } from '../../../src/modules/entities/repo.ts';
import { toEntityRow } from '../../../src/modules/entities/row.ts';
import { makeEntity } from '../../helpers/factories.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome } from '../probe.ts';

/** Every seeded entity's name carries this tag, so list, count and export can be narrowed to the seeded rows. */
const TAG = '矩阵探针';

let ctx: MatrixContext | undefined;
const usccToId = new Map<string, string>();

type Page = { items: { id: number }[]; total: number };

const list = async (caller: ApiClient): Promise<Page | number> => {
  const res = await caller.get<Page>(`/api/v1/entities?q=${encodeURIComponent(TAG)}&limit=100`);
  return res.status === 200 ? res.body : res.status;
};

export const entityProbe: AccessProbe = {
  kind: 'entity',
  async seed(c, owners, outsider) {
    ctx = c;
    const add = async (stationId: number, owner: number) => {
      const input = makeEntity({ name: `${TAG}${owner}号商行` });
      const row = toEntityRow(input, { stationId, actorId: owner, pii: c.app.services.pii });
      const id = String(await insertEntity(c.db, row));
      usccToId.set(input.uscc, id);
      return id;
    };
    const ownRows = new Map<number, string>();
    for (const owner of owners) ownRows.set(owner, await add(c.stationA.id, owner));
    return { ownRows, stationBRow: await add(c.stationB.id, outsider) };
  },
  ops: {
    async list(caller, { ids }): Promise<Outcome> {
      const page = await list(caller);
      if (typeof page === 'number') return { status: page };
      return { status: 200, ids: page.items.map((e) => String(e.id)).filter((id) => ids.includes(id)) };
    },
    async count(caller): Promise<Outcome> {
      const page = await list(caller);
      return typeof page === 'number' ? { status: page } : { status: 200, total: page.total };
    },
    async get(caller, { id }): Promise<Outcome> {
      return { status: (await caller.get(`/api/v1/entities/${id}`)).status };
    },
    async export(caller, { ids }): Promise<Outcome> {
      const res = await caller.get<string>(`/api/v1/entities/export?format=csv&q=${encodeURIComponent(TAG)}`);
      if (res.status !== 200) return { status: res.status };
      const found = [...usccToId].filter(([uscc]) => String(res.body).includes(uscc)).map(([, id]) => id);
      return { status: 200, ids: found.filter((id) => ids.includes(id)) };
    },
    async write(caller, { id }): Promise<Outcome> {
      const [row] = await ctx!.db.query<{ version: number }>('SELECT version FROM entities WHERE id = $1', [id]);
      const res = await caller.patch(`/api/v1/entities/${id}`, {
        businessScope: `矩阵探针修改${Date.now()}`,
        version: row!.version,
      });
      return { status: res.status };
    },
  },
  notOffered: { download: 'an entity has no file of its own to download (its export is the export operation)' },
};

export const probes: AccessProbe[] = [entityProbe];
