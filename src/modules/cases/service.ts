import type { Queryable } from '../../db/client.ts';
import { upsertCaseLead } from './repo.ts';

export interface CaseLeadInput {
  sourceType: 'complaint' | 'report' | 'inspection' | 'transfer' | 'superior' | 'other';
  sourceRef: string;
  entityId: number | null;
  stationId: number;
  summary: string;
  createdBy: number | null;
}

/** The cases module's published entry point: records a 案源 inside the caller's transaction; returns its number. */
export async function createCaseLead(tx: Queryable, lead: CaseLeadInput): Promise<string> {
  const id = await upsertCaseLead(tx, { ...lead, summary: lead.summary.slice(0, 2000) });
  return `AY${String(id).padStart(8, '0')}`;
}
