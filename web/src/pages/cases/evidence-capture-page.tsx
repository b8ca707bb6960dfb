import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, List, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { casesApi, type TEvidence } from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { errorDetail } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { stageQuery } from './case-labels.ts';
import { phoneColumn } from './summary-page.tsx';

interface Values {
  caseId: number;
  title: string;
}

/** 证据采集 on the phone: one of my open cases, a photo from the camera, a title; the server keeps its SHA-256. */
export function EvidenceCapturePage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const query = { mine: true, stage: stageQuery('investigating'), limit: 50 };
  const mine = useAsync((signal) => casesApi.list(query, { signal }), queryKeys.cases.list(query));
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [added, setAdded] = useState<TEvidence[]>([]);

  const upload = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!file) {
      setError(t('cases.photoRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const evidence = await casesApi.addEvidence(v.caseId, file, {
        kind: 'photo',
        title: v.title.trim(),
        collectedOn: dayjs().format('YYYY-MM-DD'),
      });
      setAdded((list) => [evidence, ...list]);
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      form.resetFields(['title']);
    } catch (err) {
      setError(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={phoneColumn}>
      <PageHeader title={t('nav.caseEvidence')} />
      <Form<Values> form={form} layout="vertical" size="large" data-testid="capture-form">
        <Form.Item
          name="caseId"
          label={t('cases.captureCase')}
          rules={[{ required: true, message: t('cases.captureCaseRequired') }]}
        >
          <Select
            loading={mine.loading}
            options={(mine.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.caseNo ?? t('cases.noCaseNo', { id: c.id })} · ${c.partyName}`,
            }))}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('cases.captureNoCases')}
            data-testid="capture-case"
          />
        </Form.Item>
        <Form.Item label={t('cases.photo')} required>
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            capture="environment"
            style={{ display: 'none' }}
            onChange={(e) => setFile(e.target.files?.[0])}
            data-testid="capture-file"
          />
          <Button size="large" block icon={<CameraOutlined />} onClick={() => fileInput.current?.click()}>
            {file ? file.name : t('cases.takePhoto')}
          </Button>
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cases.evidenceTitle')}
          rules={[{ required: true, whitespace: true, message: t('cases.evidenceTitleRequired') }]}
        >
          <Input maxLength={200} data-testid="capture-title" />
        </Form.Item>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="capture-error" />
        )}
        <Button type="primary" size="large" block loading={busy} onClick={upload} data-testid="capture-submit">
          {t('cases.evidenceUpload')}
        </Button>
      </Form>
      {added.length > 0 && (
        <List
          style={{ marginTop: 16 }}
          header={t('cases.captureAdded')}
          dataSource={added}
          data-testid="capture-added"
          renderItem={(e) => (
            <List.Item key={e.id}>
              <List.Item.Meta
                title={e.title}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    SHA-256 {e.sha256 ?? '—'}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
