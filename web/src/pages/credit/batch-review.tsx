import { App, Button, Card, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { TBatch, TListing } from '../../../../src/contracts/credit.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi, type TDecision } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { creditListLabel, fileUrl, groundLabel, listingKey } from './credit-labels.ts';
import { listingEntityColumns } from './listing-columns.tsx';

/** Review of one proposed batch: the entities (one can be taken out), then the decision that lists the rest. */
export function BatchReview({ batch, onChanged }: { batch: TBatch; onChanged: (b: TBatch) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<TDecision>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const fetchPage = (cursor?: string, signal?: AbortSignal) =>
    creditApi.listings({ batchId: batch.id, cursor }, { signal });
  const items = useKeysetList(fetchPage, listingKey, queryKeys.credit.listings({ batchId: batch.id }));
  const open = batch.status === 'proposed';

  const takeOut = async (l: TListing) => {
    try {
      items.replaceItem(
        await creditApi.discardListing(l.id, { reason: t('credit.takeOutReason'), version: l.version }),
      );
      onChanged({ ...batch, itemCount: batch.itemCount - 1 });
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };
  const approve = () =>
    submit(async (v) => {
      const next = await creditApi.approve(batch.id, { ...v, version: batch.version });
      message.success(t('credit.listingDecided', { no: next.decisionNo ?? '' }));
      // The parent re-mounts this card for the new version, which reloads the items.
      onChanged(next);
    });
  const discard = async () => {
    try {
      onChanged(await creditApi.discardBatch(batch.id, { reason: t('credit.discardReason'), version: batch.version }));
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };

  return (
    <Card
      title={t(batch.reportYear ? 'credit.batchTitleYear' : 'credit.batchTitle', {
        id: batch.id,
        list: creditListLabel(t, batch.list),
        ground: groundLabel(t, batch),
        year: batch.reportYear ?? '',
      })}
      extra={<StatusTag workflow="creditBatch" status={batch.status} data-testid="batch-status" />}
      data-testid="batch-review"
    >
      <Table<TListing>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items.items}
        loading={items.loading}
        columns={[
          ...listingEntityColumns(t),
          {
            title: t('credit.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag workflow="creditListing" status={s} />,
          },
          {
            title: '',
            key: 'a',
            render: (_, l) =>
              open && l.status === 'proposed' ? (
                <Button size="small" onClick={() => takeOut(l)}>
                  {t('credit.takeOut')}{' '}
                </Button>
              ) : null,
          },
        ]}
        data-testid="batch-items"
      />
      <LoadMore
        hasMore={items.hasMore}
        loading={items.loading}
        count={items.items.length}
        onLoadMore={items.loadMore}
      />
      {open ? (
        <>
          <FormAlert failure={failure} />
          <Form<TDecision>
            form={form}
            layout="inline"
            initialValues={{ decidedOn: shanghaiToday() }}
            style={{ marginTop: 16, rowGap: 8 }}
          >
            <Form.Item
              name="decisionNo"
              label={t('credit.decisionNo')}
              rules={[{ required: true, min: 2, message: t('credit.decisionNoRequired') }]}
            >
              <Input style={{ width: 220 }} data-testid="decision-no" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('credit.reason')}
              rules={[{ required: true, min: 2, message: t('credit.reasonRequired') }]}
            >
              <Input style={{ width: 320 }} data-testid="decision-reason" />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label={t('credit.decidedOn')}
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('credit.dateFormat') }]}
            >
              <Input style={{ width: 130 }} data-testid="decision-date" />
            </Form.Item>
            <Space>
              <Button type="primary" loading={submitting} onClick={approve} data-testid="batch-approve">
                {t('credit.approveBatch')}{' '}
              </Button>
              <Popconfirm title={t('credit.discardBatchConfirm')} onConfirm={discard}>
                <Button danger>{t('credit.discardBatch')}</Button>
              </Popconfirm>
            </Space>
          </Form>
        </>
      ) : (
        batch.documentFileId && (
          <a href={fileUrl(batch.documentFileId)} target="_blank" rel="noreferrer" data-testid="batch-document">
            {t('credit.downloadDecision', { no: batch.decisionNo ?? '' })}{' '}
          </a>
        )
      )}
    </Card>
  );
}
