import { AutoComplete, Button, DatePicker, Form, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { AuditQuery } from '../../api/audit.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { UserSelect } from '../../components/user-select.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
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
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const unitOptions = useMemo(() => toUnitOptions(unitTree), [unitTree]);
  const actionOptions = actionPrefixes.map((p) => ({ value: p, label: `${p}　${actionLabel(p, lang) ?? ''}`.trim() }));

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
    <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
      {can('org:user:read') && (
        <Form.Item name="actorId" label={t('audit.actor')}>
          <UserSelect placeholder={t('audit.actorPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
      )}
      {unitOptions.length > 0 && (
        <Form.Item name="unitId" label={t('audit.unit')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={unitOptions}
            placeholder={t('audit.allUnits')}
            style={{ width: 220 }}
          />
        </Form.Item>
      )}
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete options={actionOptions} allowClear placeholder="org.user" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.time')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            apply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
