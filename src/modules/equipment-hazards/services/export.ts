import type { z } from 'zod';
import type { ZHazardExportQuery } from '../../../contracts/equipment-hazards.ts';
import type { Db } from '../../../db/client.ts';
import { directiveStatusLabels, hazardStatusLabels } from '../../../domain/equipment-hazard-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { equipmentHazardKind } from '../access.ts';
import { exportHazards, type HazardExportRow } from '../repos/hazards.ts';

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
const label = <K extends string>(labels: Record<K, string>, k: string | null) => (k ? labels[k as K] : null);

const columns: ExportColumn<HazardExportRow>[] = [
  { header: '隐患编号', width: 10, value: (r) => r.id },
  { header: '设备代码', width: 22, value: (r) => r.equipmentCode },
  { header: '使用登记证编号', width: 20, value: (r) => r.registrationNo },
  { header: '使用单位', width: 32, value: (r) => r.entityName },
  { header: '管辖所', width: 16, value: (r) => r.stationName },
  { header: '隐患等级', width: 10, value: (r) => r.gradeName },
  { header: '隐患描述', width: 40, value: (r) => r.description },
  { header: '发现日期', width: 12, kind: 'date', value: (r) => day(r.foundOn) },
  { header: '检查人员', width: 16, value: (r) => r.inspectorNames },
  { header: '隐患状态', width: 12, value: (r) => label(hazardStatusLabels, r.status) },
  { header: '指令书文号', width: 24, value: (r) => r.docNo },
  { header: '指令书状态', width: 12, value: (r) => label(directiveStatusLabels, r.directiveStatus) },
  { header: '整改期限', width: 12, kind: 'date', value: (r) => day(r.deadline) },
  { header: '整改日期', width: 12, kind: 'date', value: (r) => day(r.rectifiedOn) },
  { header: '验收日期', width: 12, kind: 'date', value: (r) => day(r.closedOn) },
  { header: '监督检查', width: 10, value: (r) => (r.visitId ? '是' : '') },
];

/** The hazard list as an XLSX download: the 指令书 list's filters and scope, by keyset, audited with the row count. */
export function createHazardExport(db: Db) {
  return {
    async export(actor: Actor, q: z.infer<typeof ZHazardExportQuery>) {
      assertPermitted(actor, equipmentHazardKind, 'export');
      const rows = keysetBatches((beforeId, limit) => exportHazards(db, actor, q, beforeId, limit));
      const body = xlsxBody('特种设备隐患', columns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'equipmentHazard.export',
            targetType: 'equipmentHazard',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = shanghaiToday().replaceAll('-', '');
      return { filename: `特种设备隐患_${stamp}.xlsx`, ascii: `equipment_hazards_${stamp}.xlsx`, body };
    },
  };
}
