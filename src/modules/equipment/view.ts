import type { TEquipment } from '../../contracts/equipment.ts';
import { addDays, isLift } from '../../domain/equipment-rules.ts';
import type { EquipmentRow } from './repos/equipment.ts';
import type { EquipmentSettingsRow } from './repos/settings.ts';

/** Row → contract, with the two flags derived from today and the settings. */
export function toEquipment(r: EquipmentRow, today: string, s: EquipmentSettingsRow): TEquipment {
  const maintenanceOverdue =
    r.status === 'inUse' &&
    isLift(r.categoryCode) &&
    (r.lastMaintainedOn === null || addDays(r.lastMaintainedOn, s.maintenancePeriodDays) < today);
  const registrationOverdue =
    r.status === 'unregistered' &&
    (r.unregisteredFoundOn !== null || (r.firstUsedOn !== null && addDays(r.firstUsedOn, s.registrationDays) < today));
  return {
    id: r.id,
    equipmentCode: r.equipmentCode,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    topCategoryCode: r.topCategoryCode,
    registrationNo: r.registrationNo,
    entityId: r.entityId,
    entityName: r.entityName,
    uscc: r.uscc,
    stationName: r.stationName,
    makerName: r.makerName,
    installerName: r.installerName,
    maintenanceUnitName: r.maintenanceUnitName,
    model: r.model,
    address: r.address,
    regionCode: r.regionCode,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    status: r.status as TEquipment['status'],
    firstUsedOn: r.firstUsedOn,
    registeredOn: r.registeredOn,
    safetyGrade: r.safetyGrade,
    gasClass: r.gasClass as TEquipment['gasClass'],
    nextInspectionDue: r.nextInspectionDue,
    inspectionState: r.inspectionState as TEquipment['inspectionState'],
    lastMaintainedOn: r.lastMaintainedOn,
    maintenanceOverdue,
    registrationOverdue,
    unregisteredFoundOn: r.unregisteredFoundOn,
    version: r.version,
  };
}
