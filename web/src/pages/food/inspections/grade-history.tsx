import { Table } from 'antd';
import { Link } from 'react-router';
import type { TFoodGrade } from '../../../../../src/contracts/food-inspections.ts';
import { foodInspectionsApi } from '../../../api/food-inspections.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { GradeFace } from './grade-face.tsx';

/** A food business's 量化分级 history (dynamic and annual, current first by date), on the entity's food section. */
export function GradeHistory({ businessId }: { businessId: number }) {
  const t = useT();
  const state = useAsync((signal) => foodInspectionsApi.grades(businessId, { signal }), ['food', 'grades', businessId]);
  return (
    <Table<TFoodGrade>
      rowKey="id"
      size="small"
      style={{ marginTop: 12 }}
      loading={state.loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={state.data ?? []}
      title={() => t('foodInspection.gradeHistory')}
      data-testid="food-grade-history"
      columns={[
        { title: t('foodInspection.gradedOn'), dataIndex: 'gradedOn' },
        {
          title: t('foodInspection.gradeKind'),
          dataIndex: 'kind',
          render: (k: string, g) =>
            k === 'annual' ? `${t('foodInspection.annual')} ${g.year ?? ''}` : t('foodInspection.dynamic'),
        },
        { title: t('foodInspection.grade'), dataIndex: 'grade', render: (g: string) => <GradeFace grade={g} /> },
        { title: t('foodInspection.score'), dataIndex: 'score' },
        {
          title: t('foodInspection.gradeStatus'),
          dataIndex: 'status',
          render: (s: string, g) =>
            `${t(`foodInspection.gradeStatus.${s}` as MessageKey)}${g.supersededOn ? ` ${g.supersededOn}` : ''}`,
        },
        {
          title: '',
          dataIndex: 'inspectionId',
          render: (id: number | null) => id && <Link to={`/food/inspections/${id}`}>{t('foodInspection.open')}</Link>,
        },
      ]}
    />
  );
}
