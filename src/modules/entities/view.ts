import type { TEntityCreate, TEntitySummary } from '../../contracts/entities.ts';
import { maskIdCard, maskPhone } from '../../domain/id-card.ts';
import type { EntityRecord, EntitySummaryRow } from './repo.ts';

/** A list row: the phone masked. */
export const toSummary = ({ phone, ...row }: EntitySummaryRow): TEntitySummary => ({
  ...row,
  phoneMasked: phone ? maskPhone(phone) : null,
});

/** What history and audit keep of the input: never the plain ID number. */
export function auditView(input: TEntityCreate) {
  const { legalRepIdNumber, ...rest } = input;
  return { ...rest, legalRepIdNumber: legalRepIdNumber ? maskIdCard(legalRepIdNumber) : undefined };
}

export function pickDetail(row: Omit<EntityRecord, 'stationPath' | 'legalRepIdCipher' | 'createdBy'>) {
  return {
    registeredCapitalFen: row.registeredCapitalFen,
    businessScope: row.businessScope,
    usccOverrideReason: row.usccOverrideReason,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
