import { Tag } from 'antd';
import type { TEquipment } from '../../../../src/contracts/equipment.ts';
import type { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';

type T = ReturnType<typeof useT>;

export const statusLabel = (t: T, s: string) => t(`equipment.status.${s}` as MessageKey);
export const actionLabel = (t: T, a: string) => t(`equipment.action.${a}` as MessageKey);
export const conclusionLabel = (t: T, c: string) => t(`equipment.conclusion.${c}` as MessageKey);

const stateColors: Record<string, string> = { normal: 'green', due: 'orange', overdue: 'red' };

/** 正常 / 应报检 / 超期未检 as a coloured tag, with the due date. */
export function InspectionCell({ t, e }: { t: T; e: Pick<TEquipment, 'inspectionState' | 'nextInspectionDue'> }) {
  return (
    <span>
      {e.nextInspectionDue ?? '—'}{' '}
      <Tag color={stateColors[e.inspectionState]} data-testid="equipment-state">
        {t(`equipment.state.${e.inspectionState}` as MessageKey)}
      </Tag>
    </span>
  );
}

/** Flags beside the status: 维保超期 and 逾期未登记. */
export function Flags({ t, e }: { t: T; e: Pick<TEquipment, 'maintenanceOverdue' | 'registrationOverdue'> }) {
  return (
    <>
      {e.maintenanceOverdue && <Tag color="volcano">{t('equipment.flag.maintenance')}</Tag>}
      {e.registrationOverdue && <Tag color="magenta">{t('equipment.flag.registration')}</Tag>}
    </>
  );
}
