import ExcelJS from 'exceljs';
import type { Db } from '../../../src/db/client.ts';
import { makeEquipment } from '../../helpers/equipment-factory.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import { InjectClient } from '../inject-client.ts';
import type { AccessProbe, MatrixContext, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The equipment-hazards and equipment-plates kinds: equipment-hazard (eh.station_id), equipment-directive
 * (ed.station_id), equipment-plate (ep.station_id), each own when the caller recorded or issued it. Rows of a
 * station lie on one lift of that station, so a list by lift shows them all.
 */
const lifts = new Map<number, { id: number; entityId: number }>();
async function liftAt(ctx: MatrixContext, unitId: number) {
  let lift = lifts.get(unitId);
  if (!lift) {
    const station = unitId === ctx.stationA.id ? ctx.stationA.code : ctx.stationB.code;
    lift = await makeEquipment(ctx.db, { tag: 'Q', station });
    lifts.set(unitId, lift);
  }
  return lift;
}

let docSeq = 0;
async function insertDirective(db: Db, unitId: number, lift: { id: number; entityId: number }, owner: number) {
  docSeq++;
  return insertOne(
    db,
    `INSERT INTO equipment_directives (doc_no, equipment_id, entity_id, station_id, issued_on, deadline, status,
       inspector_names, created_by)
     VALUES ($5, $2, $3, $1, '2026-09-01', '2026-10-01', 'issued', '张三', $4) RETURNING id`,
    [unitId, lift.id, lift.entityId, owner, `矩阵${process.pid}-${docSeq}`],
  );
}

async function listedBy(
  caller: ApiClient,
  path: (equipmentId: number) => string,
  ids: readonly string[],
): Promise<Outcome> {
  const wanted = new Set(ids);
  const seen: string[] = [];
  for (const lift of lifts.values()) {
    const res = await caller.get<{ id: number }[] | { items: { id: number }[] }>(path(lift.id));
    if (res.status !== 200) return { status: res.status };
    const rows = Array.isArray(res.body) ? res.body : res.body.items;
    seen.push(...rows.map((r) => String(r.id)).filter((id) => wanted.has(id)));
  }
  return { status: 200, ids: seen };
}

/** The hazard list export (XLSX, first column the hazard id), one lift at a time. */
async function exportedBy(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const wanted = new Set(ids);
  const seen: string[] = [];
  for (const lift of lifts.values()) {
    const url = `/api/v1/equipment/hazards/export?equipmentId=${lift.id}`;
    let bytes: Buffer;
    if (caller instanceof InjectClient) {
      const res = await caller.server.inject({ method: 'GET', url, headers: { cookie: caller.cookie } });
      if (res.statusCode !== 200) return { status: res.statusCode };
      bytes = res.rawPayload;
    } else {
      const res = await fetch(`${caller.baseUrl}${url}`, { headers: { cookie: caller.cookie } });
      if (res.status !== 200) return { status: res.status };
      bytes = Buffer.from(await res.arrayBuffer());
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    book.worksheets[0]!.eachRow((row, n) => {
      const id = String(row.getCell(1).value);
      if (n > 1 && wanted.has(id)) seen.push(id);
    });
  }
  return { status: 200, ids: seen };
}

export const probes: AccessProbe[] = [
  {
    kind: 'equipment-hazard',
    tables: ['equipment_hazards'],
    seed: (ctx, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) =>
        insertOne(
          ctx.db,
          `INSERT INTO equipment_hazards (equipment_id, station_id, grade_code, description, found_on, inspector_names,
             status, created_by) VALUES ($1, $2, 'general', '矩阵隐患', '2026-09-01', '张三', 'open', $3) RETURNING id`,
          [(await liftAt(ctx, unitId)).id, unitId, owner],
        ),
      ),
    ops: {
      list: (caller, { ids }) => listedBy(caller, (e) => `/api/v1/equipment/hazards?equipmentId=${e}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/equipment/hazards/${id}`)),
      export: (caller, { ids }) => exportedBy(caller, ids),
    },
    notOffered: {
      count: 'a lift’s hazards are listed whole, without a total',
      download: 'a hazard has no file; its 指令书 is printed (equipment-directive)',
      write: 'a hazard is recorded, never edited: its status follows its 指令书 (probed on equipment-directive issue)',
    },
  },
  {
    kind: 'equipment-directive',
    tables: ['equipment_directives'],
    seed: (ctx, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) =>
        insertDirective(ctx.db, unitId, await liftAt(ctx, unitId), owner),
      ),
    ops: {
      list: (caller, { ids }) =>
        listedBy(caller, (e) => `/api/v1/equipment/directives?limit=200&equipmentId=${e}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/equipment/directives/${id}`)),
      download: async (caller, { id }) =>
        status(await caller.get(`/api/v1/equipment/directives/${id}/document?format=docx`)),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export of orders yet',
      write: 'every change is a workflow step (rectify, accept …) that cannot repeat; covered by the API tests',
    },
  },
  {
    kind: 'equipment-plate',
    tables: ['equipment_plates'],
    seed: (ctx, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) => {
        const lift = await liftAt(ctx, unitId);
        await ctx.db.query(
          `INSERT INTO food_placard_keys (kid, public_key, private_key, source) VALUES ('matrixK1', 'x', NULL, 'config')
           ON CONFLICT DO NOTHING`,
        );
        return insertOne(
          ctx.db,
          `INSERT INTO equipment_plates (equipment_id, station_id, equipment_code, registration_no, valid_until, issued_on,
             kid, signature, created_by) VALUES ($1, $2, 'C', 'R', '2027-01-01', '2026-09-01', 'matrixK1', 's', $3) RETURNING id`,
          [lift.id, unitId, owner],
        );
      }),
    ops: {
      list: (caller, { ids }) => listedBy(caller, (e) => `/api/v1/equipment/plates?equipmentId=${e}`, ids),
    },
    notOffered: {
      get: 'a plate is read in its lift’s list, or publicly through its signed QR code',
      count: 'a lift’s plates are listed whole',
      export: 'no export of plates',
      download: 'the plate is printed from its QR URL on the lift page',
      write: 'a plate is never edited: a new one supersedes it',
    },
  },
  {
    kind: 'equipment-supervision',
    tables: ['equipment_supervisions'],
    seed: (ctx, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) =>
        insertOne(
          ctx.db,
          `INSERT INTO equipment_supervisions (entity_id, station_id, planned_on, created_by)
           VALUES ($1, $2, '2026-09-01', $3) RETURNING id`,
          [(await liftAt(ctx, unitId)).entityId, unitId, owner],
        ),
      ),
    ops: {
      list: async (caller, { ids }) => {
        const wanted = new Set(ids);
        const seen: string[] = [];
        for (const lift of lifts.values()) {
          const res = await caller.get<{ items: { id: number }[] }>(
            `/api/v1/equipment/supervisions?limit=200&entityId=${lift.entityId}`,
          );
          if (res.status !== 200) return { status: res.status };
          seen.push(...res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)));
        }
        return { status: 200, ids: seen };
      },
      get: async (caller, { id }) => status(await caller.get(`/api/v1/equipment/supervisions/${id}`)),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export of supervision inspections',
      download: 'a supervision has no file of its own (its visit’s hazards lead to 指令书 documents)',
      write: 'every change is a workflow step (start, hazards, complete) that cannot repeat; covered by the API tests',
    },
  },
];
