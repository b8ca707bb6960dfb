import type { Queryable } from '../../db/client.ts';

/** Inserts a 案源, or refreshes the summary of the one already recorded for this source; returns its id. */
export async function upsertCaseLead(
  tx: Queryable,
  lead: {
    sourceType: string;
    sourceRef: string;
    entityId: number | null;
    stationId: number;
    summary: string;
    createdBy: number | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (source_type, source_ref) DO UPDATE SET summary = EXCLUDED.summary RETURNING id`,
    [lead.sourceType, lead.sourceRef, lead.entityId, lead.stationId, lead.summary, lead.createdBy],
  );
  return row!.id;
}
