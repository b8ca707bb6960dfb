import type { TDrugSale, TDrugSaleAlert } from '../../contracts/drug-sales.ts';
import type { AlertRow } from './repos/daily.ts';
import type { SaleRow } from './repos/sales.ts';

/** Always the masked forms: the clear values leave only through the audited /personal answer. */
export const toSale = (r: SaleRow): TDrugSale => ({
  id: Number(r.id),
  entityId: Number(r.entityId),
  entityName: r.entityName,
  stationId: Number(r.stationId),
  stationName: r.stationName,
  townshipCode: r.townshipCode,
  soldOn: r.soldOn,
  drugName: r.drugName,
  drugClass: r.drugClass,
  quantity: r.quantity,
  buyerName: r.buyerNameMasked,
  idNumber: r.idMasked,
  phone: r.phoneMasked,
  temperature: r.temperature === null ? null : Number(r.temperature),
  channel: r.channel,
  createdAt: r.createdAt,
});

export const toAlert = (r: AlertRow): TDrugSaleAlert => ({ ...r, id: Number(r.id) });
