import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TProductCategory } from '../../../../src/contracts/product-quality.ts';
import { productApi } from '../../api/product-quality.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useAsync } from '../../lib/use-async.ts';
import { CategoryFormModal } from './category-form-modal.tsx';

/** The catalogues and rule values as data: categories with their grade, the grades' intervals, the deadlines. */
export function ProductSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canEdit = useAuth().can('product:settings');
  const state = useAsync((signal) => productApi.settings({ signal }), ['product', 'settings']);
  const s = state.data;
  // undefined: closed; null: a new category; a row: that category.
  const [editing, setEditing] = useState<TProductCategory | null>();
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  return (
    <>
      <PageHeader title={t('nav.productSettings')} />
      <Card title={t('product.settings.grades')} loading={!s}>
        <Table
          rowKey="grade"
          size="small"
          pagination={false}
          dataSource={s?.grades}
          columns={[
            { title: t('product.settings.grade'), dataIndex: 'label' },
            {
              title: t('product.settings.interval'),
              dataIndex: 'intervalMonths',
              render: (m: number, g) => (
                <Select
                  disabled={!canEdit}
                  value={m}
                  style={{ width: 120 }}
                  onChange={(v) =>
                    productApi.setGrade(g.grade, v).then(
                      (next) => state.setData(() => next),
                      (e: Error) => message.error(e.message),
                    )
                  }
                  options={[3, 6, 12, 24].map((n) => ({ value: n, label: t('product.settings.months', { n }) }))}
                />
              ),
            },
            { title: t('product.settings.source'), dataIndex: 'source' },
          ]}
        />
      </Card>
      <Card
        title={t('product.settings.categories')}
        style={{ marginTop: 16 }}
        loading={!s}
        extra={
          canEdit && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="category-add">
              {t('product.settings.categoryAdd')}
            </Button>
          )
        }
      >
        <Table<TProductCategory>
          rowKey="code"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={s?.categories}
          data-testid="category-table"
          columns={[
            {
              title: t('product.category'),
              dataIndex: 'name',
              render: (n: string, c) => (
                <>
                  {n} {!c.active && <Tag>{t('product.settings.inactive')}</Tag>}
                </>
              ),
            },
            { title: t('product.settings.categoryCode'), dataIndex: 'code' },
            {
              title: t('product.settings.safety'),
              dataIndex: 'safetyRelated',
              render: (v: boolean) => (v ? <Tag color="orange">{t('product.settings.safetyYes')}</Tag> : ''),
            },
            { title: t('product.settings.grade'), dataIndex: 'riskGrade' },
            ...(canEdit
              ? [
                  {
                    key: 'edit',
                    title: '',
                    render: (_: unknown, c: TProductCategory) => (
                      <Button size="small" onClick={() => setEditing(c)} data-testid={`category-edit-${c.code}`}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined && s && (
        <CategoryFormModal
          category={editing ?? undefined}
          settings={s}
          onClose={() => setEditing(undefined)}
          onSaved={(next) => {
            state.setData(() => next);
            setEditing(undefined);
          }}
        />
      )}
      <Card title={t('product.settings.rules')} style={{ marginTop: 16 }} loading={!s}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={s?.rules}
          columns={[
            {
              title: t('product.settings.rule'),
              dataIndex: 'key',
              render: (k: string) => t(`product.rule.${k}` as MessageKey),
            },
            { title: t('product.settings.days'), dataIndex: 'value' },
            { title: t('product.settings.source'), dataIndex: 'source' },
          ]}
        />
      </Card>
      <Card title={t('product.settings.catalogue')} style={{ marginTop: 16 }} loading={!s}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={s?.catalogue}
          columns={[
            { title: t('product.ccc.catalogue'), dataIndex: 'code' },
            { title: t('product.productName'), dataIndex: 'name' },
          ]}
        />
      </Card>
    </>
  );
}
