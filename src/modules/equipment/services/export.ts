import type { TEquipment, TEquipmentFilter } from '../../../contracts/equipment.ts';
import type { Db } from '../../../db/client.ts';
import { equipmentStatusLabels, inspectionStateLabels } from '../../../domain/equipment-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { equipmentKind } from '../access.ts';
import type { EquipmentService } from './equipment.ts';

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

const columns: ExportColumn<TEquipment>[] = [
  { header: '设备代码', width: 22, value: (r) => r.equipmentCode },
  { header: '设备类别', width: 18, value: (r) => `${r.categoryCode} ${r.categoryName}` },
  { header: '使用登记证编号', width: 20, value: (r) => r.registrationNo },
  { header: '使用单位', width: 32, value: (r) => r.entityName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '管辖所', width: 16, value: (r) => r.stationName },
  { header: '使用地点', width: 30, value: (r) => r.address },
  { header: '乡镇（街道）', width: 14, value: (r) => r.regionCode },
  { header: '制造单位', width: 24, value: (r) => r.makerName },
  { header: '维保单位', width: 24, value: (r) => r.maintenanceUnitName },
  { header: '设备状态', width: 10, value: (r) => equipmentStatusLabels[r.status] },
  { header: '检验状态', width: 10, value: (r) => inspectionStateLabels[r.inspectionState] },
  { header: '下次检验日期', width: 12, kind: 'date', value: (r) => day(r.nextInspectionDue) },
  { header: '安全状况等级', width: 10, value: (r) => r.safetyGrade },
  { header: '最近维保日期', width: 12, kind: 'date', value: (r) => day(r.lastMaintainedOn) },
  { header: '维保超期', width: 10, value: (r) => (r.maintenanceOverdue ? '是' : '') },
];

/** The register as an XLSX download: the list's filters and scope, by keyset, audited with the row count. */
export function createEquipmentExport(db: Db, equipment: Pick<EquipmentService, 'exportPage'>) {
  return {
    async export(actor: Actor, q: TEquipmentFilter) {
      assertPermitted(actor, equipmentKind, 'export');
      const rows = keysetBatches((beforeId, limit) => equipment.exportPage(actor, q, beforeId, limit));
      const body = xlsxBody('特种设备', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'equipment.export',
            targetType: 'equipment',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = shanghaiToday().replaceAll('-', '');
      return { filename: `特种设备_${stamp}.xlsx`, ascii: `equipment_${stamp}.xlsx`, body };
    },
  };
}
