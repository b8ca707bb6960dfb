import {
  entityStatuses,
  entityTypes,
  type TEntityStatus,
  type TEntityType,
} from '../../../../src/contracts/entities.ts';
import type { EntityFilters } from '../../api/entities.ts';

const TEXT_KEYS = ['q', 'industryCode', 'establishedFrom', 'establishedTo'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The list's filters from the URL query string, so a link or the back button restores them; junk is dropped. */
export function filtersFromParams(params: URLSearchParams): EntityFilters {
  const filters: EntityFilters = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  for (const key of ['establishedFrom', 'establishedTo'] as const) {
    if (filters[key] && !ISO_DATE.test(filters[key])) delete filters[key];
  }
  const type = params.get('type');
  if (type && type in entityTypes) filters.type = type as TEntityType;
  const status = params.get('status');
  if (status && status in entityStatuses) filters.status = status as TEntityStatus;
  const stationId = Number(params.get('stationId'));
  if (Number.isInteger(stationId) && stationId > 0) filters.stationId = stationId;
  return filters;
}

export function filtersToParams(filters: EntityFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}
