import { App, Button, Card, Form, Input, InputNumber, Modal, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { TCccExemption } from '../../../../src/contracts/product-quality.ts';
import { productApi } from '../../api/product-quality.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useAsync } from '../../lib/use-async.ts';

/** 3C: certificates (number format checked on the server) and 免办 approvals with their scheduled after-check. */
export function ProductCccPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('product:write');
  const certs = useAsync((signal) => productApi.certificates({ signal }), ['product', 'ccc', 'certificates']);
  const exemptions = useAsync((signal) => productApi.exemptions({ signal }), ['product', 'ccc', 'exemptions']);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Record<string, string>>();
  if (certs.error) return <LoadError error={certs.error} onRetry={certs.reload} />;
  const today = new Date().toISOString().slice(0, 10);
  const check = (x: TCccExemption) =>
    productApi
      .afterCheck(x.id, { version: x.version, checkedOn: today, result: 'compliant' })
      .then(exemptions.reload, (e: Error) => message.error(e.message));
  return (
    <>
      <PageHeader
        title={t('nav.productCcc')}
        extra={
          canWrite && (
            <Button onClick={() => setAdding(true)} data-testid="ccc-add">
              {t('product.ccc.add')}
            </Button>
          )
        }
      />
      <Tabs
        items={[
          {
            key: 'certificates',
            label: t('product.ccc.certificates'),
            children: (
              <Card>
                <Table
                  rowKey="id"
                  size="small"
                  scroll={{ x: 'max-content' }}
                  loading={!certs.data}
                  dataSource={certs.data?.items}
                  columns={[
                    { title: t('product.ccc.no'), dataIndex: 'certificateNo' },
                    { title: t('product.entity'), dataIndex: 'entityName' },
                    { title: t('product.ccc.catalogue'), render: (_, r) => `${r.catalogueCode} ${r.catalogueName}` },
                    { title: t('product.productName'), dataIndex: 'productName' },
                    { title: t('product.ccc.expiresOn'), dataIndex: 'expiresOn' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'exemptions',
            label: t('product.ccc.exemptions'),
            children: (
              <Card>
                <Table<TCccExemption>
                  rowKey="id"
                  size="small"
                  scroll={{ x: 'max-content' }}
                  loading={!exemptions.data}
                  dataSource={exemptions.data?.items}
                  columns={[
                    { title: t('product.ccc.approvalNo'), dataIndex: 'approvalNo' },
                    { title: t('product.entity'), dataIndex: 'entityName' },
                    { title: t('product.productName'), dataIndex: 'productName' },
                    { title: t('product.ccc.approvedOn'), dataIndex: 'approvedOn' },
                    { title: t('product.ccc.afterCheckDueOn'), dataIndex: 'afterCheckDueOn' },
                    {
                      title: t('product.ccc.afterCheck'),
                      render: (_, x) =>
                        x.afterCheckedOn ? (
                          <Tag
                            color={x.afterCheckResult === 'compliant' ? 'green' : 'red'}
                          >{`${x.afterCheckedOn} ${t(`product.ccc.result.${x.afterCheckResult}` as MessageKey)}`}</Tag>
                        ) : canWrite ? (
                          <Button size="small" onClick={() => check(x)}>
                            {t('product.ccc.markCompliant')}
                          </Button>
                        ) : (
                          '—'
                        ),
                    },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('product.ccc.add')}
        onCancel={() => setAdding(false)}
        onOk={async () => {
          const v = await form.validateFields();
          productApi.addCertificate({ ...v, entityId: Number(v.entityId) }).then(
            () => {
              setAdding(false);
              certs.reload();
            },
            (e: Error) => message.error(e.message),
          );
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="entityId" label={t('product.ccc.entityId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="certificateNo"
            label={t('product.ccc.no')}
            extra={t('product.ccc.noHint')}
            rules={[{ required: true }]}
          >
            <Input maxLength={16} />
          </Form.Item>
          <Form.Item name="productName" label={t('product.productName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('product.ccc.issuedOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('product.ccc.expiresOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
