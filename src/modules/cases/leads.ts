import type { Queryable } from '../../db/client.ts';

export interface CaseLeadInput {
  sourceType: 'complaint' | 'report' | 'inspection' | 'transfer' | 'superior' | 'other';
  sourceRef: string;
  entityId: number | null;
  stationId: number;
  summary: string;
  createdBy: number | null;
}

/** The cases module's published entry point: records a 案源 inside the caller's transaction. */
export async function createCaseLead(tx: Queryable, lead: CaseLeadInput): Promise<string> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (source_type, source_ref) DO UPDATE SET summary = EXCLUDED.summary RETURNING id`,
    [lead.sourceType, lead.sourceRef, lead.entityId, lead.stationId, lead.summary.slice(0, 2000), lead.createdBy],
  );
  return `AY${String(row!.id).padStart(8, '0')}`;
}
