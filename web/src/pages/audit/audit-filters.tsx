import { AutoComplete, DatePicker, Form, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { AuditQuery } from '../../api/audit.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { UserSelect } from '../../components/user-select.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { toUnitOptions, type UnitNode } from '../org/unit-tree.ts';
import { actionLabel, actionPrefixes } from './action-labels.ts';

interface Values {
  actorId?: number;
  unitId?: number;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Props {
  unitTree: UnitNode[];
  onChange: (filters: Omit<AuditQuery, 'cursor' | 'limit'>) => void;
}

/** Who (user), where (unit), what (action prefix) and when (whole days in local time). */
export function AuditFilters({ unitTree, onChange }: Props) {
  const t = useT();
  const { can } = useAuth();
  const unitOptions = useMemo(() => toUnitOptions(unitTree), [unitTree]);
  const actionOptions = actionPrefixes.map((p) => {
    const label = actionLabel(t, p);
    return { value: p, label: label ? `${p} · ${label}` : p };
  });

  const apply = (v: Values) => {
    const [start, end] = v.range ?? [];
    onChange({
      actorId: v.actorId,
      unitId: v.unitId,
      action: v.action?.trim() || undefined,
      from: start?.startOf('day').format(),
      // The API's `to` is exclusive, so the chosen end day is included by going to the next midnight.
      to: end?.add(1, 'day').startOf('day').format(),
    });
  };

  return (
    <SearchForm<Values> onSearch={apply} data-testid="audit-search-form">
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete options={actionOptions} allowClear placeholder="org.user" />
      </Form.Item>
      <Form.Item name="range" label={t('audit.time')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
      </Form.Item>
      {can('org:user:read') && (
        <Form.Item name="actorId" label={t('audit.actor')}>
          <UserSelect placeholder={t('audit.actorPlaceholder')} />
        </Form.Item>
      )}
      {unitOptions.length > 0 && (
        <Form.Item name="unitId" label={t('audit.unit')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={unitOptions} placeholder={t('audit.allUnits')} />
        </Form.Item>
      )}
    </SearchForm>
  );
}
