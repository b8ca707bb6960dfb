import type { TFoodPlacard } from '../../contracts/food-placards.ts';
import { placardUrl } from '../../domain/food-placard.ts';
import type { PlacardRow } from './repos/placards.ts';

export const toPlacard = (r: PlacardRow, origin: string): TFoodPlacard => ({
  id: r.id,
  businessId: r.businessId,
  gradeId: r.gradeId,
  grade: r.grade,
  issuedOn: r.issuedOn,
  kid: r.kid,
  url: placardUrl(origin, { ...r, placardId: r.id }, r.signature),
  gradeStatus: r.gradeStatus,
  createdByName: r.createdByName,
  createdAt: new Date(r.createdAt).toISOString(),
});
