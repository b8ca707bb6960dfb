import { Button, Card, Descriptions, Form, Input, message, Rate, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { portalApi, type TPublicTracking } from '../../api/complaints.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { formatFen, kindLabel } from '../complaints/complaint-labels.ts';
import { PortalShell } from './portal-shell.tsx';

interface Values {
  code: string;
  phoneLast4: string;
}

/** What the submit page hands over in router state (never in the URL). */
interface Arrival {
  code?: string;
  last4?: string;
}

export function PortalTrackPage() {
  const t = useT();
  const arrival = (useLocation().state ?? {}) as Arrival;
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const [progress, setProgress] = useState<TPublicTracking>();
  const [query, setQuery] = useState<Values>();
  const [rated, setRated] = useState<number>();
  const [api, holder] = message.useMessage();

  const onSearch = () =>
    submit(async (v) => {
      const values = { code: v.code.trim().toUpperCase(), phoneLast4: v.phoneLast4.trim() };
      setProgress(await portalApi.track(values.code, values.phoneLast4));
      setQuery(values);
      setRated(undefined);
    });

  const rate = async (value: number) => {
    if (!query) return;
    try {
      await portalApi.rate(query.code, query.phoneLast4, value);
      setRated(value);
      void api.success('感谢您的评价');
    } catch (err) {
      void api.error(err instanceof Error ? err.message : String(err));
    }
  };

  // Arriving from the submit page with the code and phone digits: show the progress straight away.
  const autoSearch = Boolean(arrival.code && arrival.last4);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (autoSearch) void onSearch();
  }, [autoSearch]);

  const closed = progress?.status === 'closed';
  return (
    <PortalShell>
      {holder}
      <Card title="办理进度查询">
        <FormAlert failure={failure} />
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ code: arrival.code ?? '', phoneLast4: arrival.last4 ?? '' }}
          onFinish={onSearch}
        >
          <Form.Item name="code" rules={[{ required: true, message: '请输入查询码' }]}>
            <Input placeholder="查询码，如 TS20261125ABCDEF" style={{ width: 240 }} data-testid="track-code" />
          </Form.Item>
          <Form.Item name="phoneLast4" rules={[{ required: true, pattern: /^\d{4}$/, message: '请输入手机号后4位' }]}>
            <Input placeholder="手机号后4位" maxLength={4} style={{ width: 130 }} data-testid="track-last4" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="track-submit">
            查询
          </Button>
        </Form>
      </Card>
      {progress && (
        <Card style={{ marginTop: 16 }} data-testid="track-progress">
          <Descriptions column={1} size="small" title={`${kindLabel(t, progress.kind)} ${progress.trackingCode}`}>
            <Descriptions.Item label="办理状态">
              <Tag color={closed ? 'green' : 'blue'} data-testid="track-status">
                {progress.statusLabel}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="登记日期">{progress.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="办理单位">{progress.stationName}</Descriptions.Item>
            {!closed && progress.nextDueOn && (
              <Descriptions.Item label="预计下一环节期限">{progress.nextDueOn}</Descriptions.Item>
            )}
            {progress.resultText && <Descriptions.Item label="处理结果">{progress.resultText}</Descriptions.Item>}
            {progress.feedbackText && (
              <Descriptions.Item label="办理结果反馈">
                <span data-testid="track-feedback">{progress.feedbackText}</span>
              </Descriptions.Item>
            )}
            {progress.recoveredFen > 0 && (
              <Descriptions.Item label="挽回经济损失">{formatFen(progress.recoveredFen)}</Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            办理过程
          </Typography.Title>
          <Timeline
            items={progress.timeline.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: i === progress.timeline.length - 1 ? 'green' : 'blue',
              content: (
                <Space>
                  {e.label}
                  <Typography.Text type="secondary">
                    {new Date(e.at).toLocaleString('zh-CN', { hour12: false })}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
          {closed && (
            <Space data-testid="track-satisfaction">
              <Typography.Text>对办理结果是否满意：</Typography.Text>
              <Rate value={rated} onChange={rate} disabled={rated !== undefined} />
              {rated !== undefined && <Typography.Text type="success">已评价</Typography.Text>}
            </Space>
          )}
        </Card>
      )}
    </PortalShell>
  );
}
