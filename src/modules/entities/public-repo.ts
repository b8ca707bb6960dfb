import type { TEntityStatus, TEntityType } from '../../contracts/entities.ts';
import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';
import { publicWhere } from '../../platform/access.ts';
import { entityResource } from './access.ts';
import { entityWhere } from './repo.ts';

/** The public rule of the entity kind (every entity), as the `readable` of an EntitySelection. */
export const publicEntities = (w: Where) => publicWhere(entityResource, w);

/** Registration facts only: no ID number, no phone, no creator. */
const publicColumns = `e.id, e.uscc, e.type, e.name, e.legal_rep_name AS "legalRepName", e.address,
  e.region_code AS "regionCode", e.established_on AS "establishedOn", e.status`;

export interface PublicEntityRow {
  id: number;
  uscc: string;
  type: TEntityType;
  name: string;
  legalRepName: string | null;
  address: string | null;
  regionCode: string | null;
  establishedOn: string;
  status: TEntityStatus;
}

export type PublicEntityRecord = PublicEntityRow & {
  industryCode: string | null;
  registeredCapitalFen: number | null;
  businessScope: string | null;
  regulator: string;
};

export async function publicEntityByUscc(db: Queryable, uscc: string): Promise<PublicEntityRecord | undefined> {
  const w = publicEntities(new Where()).add('e.uscc = ?', uscc);
  const [row] = await db.query<PublicEntityRecord>(
    `SELECT ${publicColumns}, e.industry_code AS "industryCode",
            e.registered_capital_fen AS "registeredCapitalFen", e.business_scope AS "businessScope",
            o.name AS regulator
       FROM entities e JOIN org_units o ON o.id = e.station_id ${w}`,
    w.params,
  );
  return row;
}

/** Registration facts of the given ids, newest first or in code order (a search page's rows). */
export async function publicEntitiesByIds(
  db: Queryable,
  ids: readonly number[],
  order: 'newest' | 'uscc' = 'newest',
): Promise<PublicEntityRow[]> {
  if (ids.length === 0) return [];
  const w = publicEntities(new Where()).add('e.id = ANY(?::bigint[])', ids);
  const by = order === 'uscc' ? 'e.uscc' : 'e.id DESC';
  return db.query<PublicEntityRow>(`SELECT ${publicColumns} FROM entities e ${w} ORDER BY ${by}`, w.params);
}

/** Open data: one keyset page in registration-record order (id ascending), filtered by status and type. */
export async function openEntityPage(
  db: Queryable,
  f: { afterId?: number; status?: TEntityStatus; type?: TEntityType },
  limit: number,
): Promise<PublicEntityRow[]> {
  const w = entityWhere({ readable: publicEntities, filters: { status: f.status, type: f.type }, afterId: f.afterId });
  const lim = w.param(limit);
  return db.query<PublicEntityRow>(`SELECT ${publicColumns} FROM entities e ${w} ORDER BY e.id LIMIT ${lim}`, w.params);
}

/** The sitemap's entries of ids in (afterId, toId], in id order; `lastmod` is the record's last change (Shanghai). */
export async function sitemapEntries(
  db: Queryable,
  range: { afterId: number; toId: number },
  limit: number,
): Promise<{ id: number; uscc: string; lastmod: string }[]> {
  const w = publicEntities(new Where()).add('e.id > ?', range.afterId).add('e.id <= ?', range.toId);
  const lim = w.param(limit);
  return db.query(
    `SELECT e.id, e.uscc, to_char(e.updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS lastmod
       FROM entities e ${w} ORDER BY e.id LIMIT ${lim}`,
    w.params,
  );
}
