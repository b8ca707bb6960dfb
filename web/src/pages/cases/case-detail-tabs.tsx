import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  casesApi,
  documentUrl,
  evidenceFileUrl,
  type TCaseApproval,
  type TCaseDetail,
  type TCaseDocument,
  type TEvidence,
} from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { useI18n, useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import {
  approvalStepLabel,
  caseActionLabel,
  discretionLabel,
  documentKindLabel,
  evidenceKindLabel,
  evidenceKindOptions,
  formatFen,
  paymentKindLabel,
  penaltyKindLabel,
  roleLabel,
} from './case-labels.ts';

/** 时间轴: every step with who, when and the document it issued. */
export function StepsTimeline({ item }: { item: TCaseDetail }) {
  const { t, lang } = useI18n();
  if (item.steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={item.steps.map((s) => ({
        key: s.id,
        color: s.toStatus === 'closed' ? 'green' : s.toStatus === 'annulled' ? 'red' : 'blue',
        content: (
          <>
            <Typography.Text strong>
              {knownKey(`cases.action.${s.action}`) ? caseActionLabel(t, s.action) : s.actionLabel}
            </Typography.Text>
            {s.actorName && <Typography.Text type="secondary"> ({s.actorName})</Typography.Text>}
            <div>
              <Typography.Text type="secondary">{formatDateTime(s.at, lang)}</Typography.Text>
            </div>
            {s.note && <div style={{ whiteSpace: 'pre-wrap' }}>{s.note}</div>}
            {s.documentId && (
              <Space size={8}>
                <Typography.Text>{t('cases.document')}</Typography.Text>
                <Typography.Link href={documentUrl(s.documentId, 'pdf')} target="_blank" rel="noopener">
                  PDF
                </Typography.Link>
                <Typography.Link href={documentUrl(s.documentId, 'docx')}>DOCX</Typography.Link>
              </Space>
            )}
          </>
        ),
      }))}
    />
  );
}

/** 证据: items with their SHA-256; officers add files (photos, records) here. */
export function EvidenceTab({ item, canAdd }: { item: TCaseDetail; canAdd: boolean }) {
  const t = useT();
  const list = useAsync((signal) => casesApi.evidence(item.id, { signal }), queryKeys.cases.evidence(item.id));
  const [form] = Form.useForm<{ kind: TEvidence['kind']; title: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const add = async (file: File) => {
    let fields: { kind: TEvidence['kind']; title: string };
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await casesApi.addEvidence(item.id, file, {
        kind: fields.kind,
        title: fields.title.trim(),
        collectedOn: dayjs().format('YYYY-MM-DD'),
      });
      form.resetFields(['title']);
      list.reload();
    } catch (err) {
      setError(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };

  const columns = [
    { title: t('cases.evidenceKind'), dataIndex: 'kind', render: (k: string) => evidenceKindLabel(t, k) },
    {
      title: t('cases.evidenceTitle'),
      dataIndex: 'title',
      render: (title: string, e: TEvidence) =>
        e.file ? (
          <Typography.Link href={evidenceFileUrl(item.id, e.id)} target="_blank" rel="noopener">
            {title}
          </Typography.Link>
        ) : (
          title
        ),
    },
    { title: t('cases.collectedOn'), dataIndex: 'collectedOn' },
    { title: t('cases.collectedBy'), dataIndex: 'collectedByName', render: (n: string | null) => n ?? '—' },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      render: (h: string | null) =>
        h ? (
          <Typography.Text code copyable={{ text: h }} style={{ fontSize: 12 }}>
            {h.slice(0, 16)}…
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      {canAdd && (
        <Form form={form} layout="inline" initialValues={{ kind: 'photo' }} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="kind">
            <Select options={evidenceKindOptions(t)} style={{ width: 140 }} data-testid="evidence-kind" />
          </Form.Item>
          <Form.Item
            name="title"
            rules={[{ required: true, whitespace: true, message: t('cases.evidenceTitleRequired') }]}
          >
            <Input placeholder={t('cases.evidenceTitle')} maxLength={200} data-testid="evidence-title" />
          </Form.Item>
          <Upload
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="evidence-upload">
              {t('cases.evidenceUpload')}
            </Button>
          </Upload>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="evidence-error" />}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TEvidence>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="case-evidence"
      />
    </>
  );
}

/** 文书: each numbered document, PDF and DOCX. */
export function DocumentsTab({ item }: { item: TCaseDetail }) {
  const { t, lang } = useI18n();
  const docs = useAsync((signal) => casesApi.documents(item.id, { signal }), queryKeys.cases.documents(item.id));
  return (
    <>
      {docs.error && <LoadError error={docs.error} onRetry={docs.reload} />}
      <Table<TCaseDocument>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={docs.loading}
        dataSource={docs.data?.items ?? []}
        data-testid="case-documents"
        columns={[
          { title: t('cases.documentKind'), dataIndex: 'kind', render: (k: string) => documentKindLabel(t, k) },
          { title: t('cases.docNo'), dataIndex: 'docNo' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
          {
            title: t('common.actions'),
            key: 'dl',
            render: (_: unknown, d: TCaseDocument) => (
              <Space>
                <Typography.Link href={documentUrl(d.id, 'pdf')} target="_blank" rel="noopener">
                  PDF
                </Typography.Link>
                <Typography.Link href={documentUrl(d.id, 'docx')}>DOCX</Typography.Link>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** 审批: each request's role chain in order, with outcomes and comments. */
export function ApprovalsTimeline({ approvals }: { approvals: TCaseApproval[] }) {
  const { t, lang } = useI18n();
  if (approvals.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.noApprovals')} />;
  return (
    <Timeline
      data-testid="case-approvals"
      items={approvals.map((a) => ({
        key: a.id,
        color: a.outcome === 'approved' ? 'green' : a.outcome === 'returned' ? 'red' : a.outcome ? 'gray' : 'blue',
        content: (
          <>
            <Typography.Text strong>
              {approvalStepLabel(t, a.step)} · {caseActionLabel(t, a.action)}
            </Typography.Text>{' '}
            <Tag>{roleLabel(t, a.roleCode)}</Tag>
            {a.outcome ? (
              <Tag color={a.outcome === 'approved' ? 'green' : a.outcome === 'returned' ? 'red' : 'default'}>
                {t(
                  `cases.outcome.${a.outcome === 'approved' ? 'approved' : a.outcome === 'returned' ? 'returned' : 'cancelled'}`,
                )}
              </Tag>
            ) : (
              <Tag color="blue">{t('cases.outcome.pending')}</Tag>
            )}
            <div>
              <Typography.Text type="secondary">
                {t('cases.requestedBy', { name: a.requestedByName ?? '—', at: formatDateTime(a.requestedAt, lang) })}
              </Typography.Text>
            </div>
            {a.decidedAt && (
              <div>
                <Typography.Text type="secondary">
                  {t('cases.decidedBy', { name: a.decidedByName ?? '—', at: formatDateTime(a.decidedAt, lang) })}
                </Typography.Text>
              </div>
            )}
            {a.comment && <div>{a.comment}</div>}
          </>
        ),
      }))}
    />
  );
}

/** 处罚: the penalties with their 裁量 and its basis. */
export function PenaltiesTab({ item }: { item: TCaseDetail }) {
  const t = useT();
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('cases.caseValue')}>{formatFen(item.caseValueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.goodsValue')}>{formatFen(item.goodsValueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.fineDue')}>{formatFen(item.fineDueFen)}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey={(p) => `${p.kind}-${p.id ?? ''}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={item.penalties}
        data-testid="case-penalties"
        locale={{ emptyText: t('cases.noPenalties') }}
        columns={[
          { title: t('cases.penaltyKind'), dataIndex: 'kind', render: (k: string) => penaltyKindLabel(t, k) },
          { title: t('cases.amount'), dataIndex: 'amountFen', render: (f: number) => (f ? formatFen(f) : '—') },
          { title: t('cases.discretion'), dataIndex: 'discretion', render: (d: string) => discretionLabel(t, d) },
          {
            title: t('cases.discretionBasis'),
            dataIndex: 'discretionBasis',
            render: (b: string | null) => b ?? '—',
          },
        ]}
      />
    </>
  );
}

/** 执行: what is due, what was paid, the 加处罚款 accrued so far. */
export function ExecutionTab({ item }: { item: TCaseDetail }) {
  const t = useT();
  const exec = useAsync((signal) => casesApi.execution(item.id, { signal }), queryKeys.cases.execution(item.id));
  const data = exec.data;
  return (
    <>
      {exec.error && <LoadError error={exec.error} onRetry={exec.reload} />}
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }} data-testid="case-execution">
        <Descriptions.Item label={t('cases.fineDue')}>
          {formatFen(data?.fineDueFen ?? item.fineDueFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.paid')}>{formatFen(data?.paidFen ?? item.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.lateFee')}>{formatFen(data?.lateFeeFen ?? 0)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.paymentDueOn')}>{data?.dueOn ?? item.paymentDueOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={exec.loading}
        dataSource={data?.payments ?? []}
        locale={{ emptyText: t('cases.noPayments') }}
        columns={[
          { title: t('cases.paymentKind'), dataIndex: 'kind', render: (k: string) => paymentKindLabel(t, k) },
          { title: t('cases.amount'), dataIndex: 'amountFen', render: (f: number) => formatFen(f) },
          { title: t('cases.paidOn'), dataIndex: 'paidOn' },
          { title: t('cases.receiptNo'), dataIndex: 'receiptNo', render: (r: string | null) => r ?? '—' },
        ]}
      />
    </>
  );
}
