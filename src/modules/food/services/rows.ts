import {
  checkLicenceNo,
  type FoodLicenceKind,
  HEALTH_CERTIFICATE_VALID_YEARS,
  LICENCE_VALID_YEARS,
  licenceNoErrorMessages,
  normaliseLicenceNo,
  renewalDueOn,
  validUntil,
} from '../../../domain/food-licence.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { FieldError } from '../../../platform/errors.ts';

/** A licence as entered or imported, before it has a business id. */
export interface LicenceInput {
  kind: FoodLicenceKind;
  licenceNo: string;
  categories: readonly string[];
  issuedOn: string;
  validUntil?: string;
}

/** The checks the API and the import share: number structure, dates; the derived expiry and 延续 deadline. */
export function checkLicence(
  input: LicenceInput,
  cal: WorkingDayCalendar,
): { errors: FieldError[] } | { licenceNo: string; validUntil: string; renewalDueOn: string } {
  const errors: FieldError[] = [];
  const licenceNo = normaliseLicenceNo(input.licenceNo);
  const fault = checkLicenceNo(input.kind, licenceNo);
  if (fault) errors.push({ path: 'licenceNo', message: licenceNoErrorMessages[fault] });
  if (input.kind === 'filing' && input.categories.some((c) => c !== 'prepackaged' && c !== 'specialFood')) {
    errors.push({ path: 'categories', message: '仅销售预包装食品备案只能包含预包装食品（含特殊食品）销售' });
  }
  const until = input.validUntil ?? validUntil(input.issuedOn, LICENCE_VALID_YEARS);
  if (until <= input.issuedOn) errors.push({ path: 'validUntil', message: '有效期至应晚于发证日期' });
  else if (until > validUntil(input.issuedOn, LICENCE_VALID_YEARS)) {
    errors.push({ path: 'validUntil', message: `有效期不能超过${LICENCE_VALID_YEARS}年` });
  }
  if (errors.length) return { errors };
  return { licenceNo, validUntil: until, renewalDueOn: renewalDueOn(cal, until) };
}

export function checkCertificateDates(
  issuedOn: string,
  until?: string,
): { errors: FieldError[] } | { validUntil: string } {
  const max = validUntil(issuedOn, HEALTH_CERTIFICATE_VALID_YEARS);
  const v = until ?? max;
  if (v <= issuedOn) return { errors: [{ path: 'validUntil', message: '有效期至应晚于发证日期' }] };
  if (v > max)
    return { errors: [{ path: 'validUntil', message: `健康证有效期不能超过${HEALTH_CERTIFICATE_VALID_YEARS}年` }] };
  return { validUntil: v };
}
