import type { TEntityStatus, TEntityType } from '../../contracts/entities.ts';
import { bigramTsvector } from '../../domain/bigrams.ts';
import { maskIdCard } from '../../domain/id-card.ts';
import type { PiiCipher } from '../../platform/pii.ts';

/** An entity as stored: the one shape used by single inserts, imports, the demo generator and the bench. */
export interface EntityRow {
  uscc: string;
  type: TEntityType;
  name: string;
  nameBigrams: string;
  legalRepName: string | null;
  legalRepIdCipher: string | null;
  legalRepIdHash: string | null;
  legalRepIdMasked: string | null;
  phone: string | null;
  address: string | null;
  regionCode: string | null;
  stationId: number;
  industryCode: string | null;
  registeredCapitalFen: number | null;
  establishedOn: string;
  status: TEntityStatus;
  businessScope: string | null;
  usccOverrideReason: string | null;
  usccOverrideBy: number | null;
  createdBy: number | null;
}

/** Column order for INSERT and COPY; matches the EntityRow keys one to one. */
export const entityRowColumns = [
  ['uscc', 'uscc'],
  ['type', 'type'],
  ['name', 'name'],
  ['name_bigrams', 'nameBigrams'],
  ['legal_rep_name', 'legalRepName'],
  ['legal_rep_id_cipher', 'legalRepIdCipher'],
  ['legal_rep_id_hash', 'legalRepIdHash'],
  ['legal_rep_id_masked', 'legalRepIdMasked'],
  ['phone', 'phone'],
  ['address', 'address'],
  ['region_code', 'regionCode'],
  ['station_id', 'stationId'],
  ['industry_code', 'industryCode'],
  ['registered_capital_fen', 'registeredCapitalFen'],
  ['established_on', 'establishedOn'],
  ['status', 'status'],
  ['business_scope', 'businessScope'],
  ['uscc_override_reason', 'usccOverrideReason'],
  ['uscc_override_by', 'usccOverrideBy'],
  ['created_by', 'createdBy'],
] as const satisfies readonly (readonly [string, keyof EntityRow])[];

export interface EntityInput {
  uscc: string;
  type: TEntityType;
  name: string;
  address?: string | null;
  establishedOn: string;
  legalRepName?: string | null;
  legalRepIdNumber?: string | null;
  phone?: string | null;
  regionCode?: string | null;
  industryCode?: string | null;
  registeredCapitalFen?: number | null;
  businessScope?: string | null;
  status?: TEntityStatus;
  usccOverrideReason?: string | null;
}

/** Turns validated input into a stored row: bigrams computed, the ID number encrypted and masked. */
export function toEntityRow(
  input: EntityInput,
  ctx: { stationId: number; actorId: number | null; pii: PiiCipher },
): EntityRow {
  const id = input.legalRepIdNumber ?? null;
  return {
    uscc: input.uscc,
    type: input.type,
    name: input.name,
    nameBigrams: bigramTsvector(input.name),
    legalRepName: input.legalRepName ?? null,
    legalRepIdCipher: id && ctx.pii.encrypt(id),
    legalRepIdHash: id && ctx.pii.lookupHash(id),
    legalRepIdMasked: id && maskIdCard(id),
    phone: input.phone ?? null,
    address: input.address ?? null,
    regionCode: input.regionCode ?? null,
    stationId: ctx.stationId,
    industryCode: input.industryCode ?? null,
    registeredCapitalFen: input.registeredCapitalFen ?? null,
    establishedOn: input.establishedOn,
    status: input.status ?? 'active',
    businessScope: input.businessScope ?? null,
    usccOverrideReason: input.usccOverrideReason ?? null,
    usccOverrideBy: input.usccOverrideReason ? ctx.actorId : null,
    createdBy: ctx.actorId,
  };
}
