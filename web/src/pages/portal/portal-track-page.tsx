import { Button, Card, Descriptions, Form, Input, message, Rate, Space, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { portalApi, type TPublicTracking } from '../../api/complaints.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
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
  const { t, lang } = useI18n();
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
      void api.success(t('portal.thanksForRating'));
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
      <Card title={t('portal.trackTitle')}>
        <FormAlert failure={failure} />
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ code: arrival.code ?? '', phoneLast4: arrival.last4 ?? '' }}
          onFinish={onSearch}
        >
          <Form.Item name="code" rules={[{ required: true, message: t('portal.codeRequired') }]}>
            <Input placeholder={t('portal.codePlaceholder')} style={{ width: 240 }} data-testid="track-code" />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            rules={[{ required: true, pattern: /^\d{4}$/, message: t('portal.last4Required') }]}
          >
            <Input
              placeholder={t('portal.last4Placeholder')}
              maxLength={4}
              style={{ width: 130 }}
              data-testid="track-last4"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="track-submit">
            {t('common.search')}{' '}
          </Button>
        </Form>
      </Card>
      {progress && (
        <Card style={{ marginTop: 16 }} data-testid="track-progress">
          <Descriptions column={1} size="small" title={`${kindLabel(t, progress.kind)} ${progress.trackingCode}`}>
            <Descriptions.Item label={t('portal.status')}>
              <StatusTag workflow="complaint" status={progress.status} data-testid="track-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('complaints.receivedOn')}>{progress.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('portal.handlingUnit')}>{progress.stationName}</Descriptions.Item>
            {!closed && progress.nextDueOn && (
              <Descriptions.Item label={t('portal.nextDue')}>{progress.nextDueOn}</Descriptions.Item>
            )}
            {progress.resultText && (
              <Descriptions.Item label={t('complaints.resultText')}>{progress.resultText}</Descriptions.Item>
            )}
            {progress.feedbackText && (
              <Descriptions.Item label={t('portal.feedback')}>
                <span data-testid="track-feedback">{progress.feedbackText}</span>
              </Descriptions.Item>
            )}
            {progress.recoveredFen > 0 && (
              <Descriptions.Item label={t('complaints.recovered')}>
                {formatFen(progress.recoveredFen)}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('portal.timeline')}{' '}
          </Typography.Title>
          <Timeline
            items={progress.timeline.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: i === progress.timeline.length - 1 ? 'green' : 'blue',
              content: (
                <Space>
                  {e.label}
                  <Typography.Text type="secondary">{formatDateTime(e.at, lang)}</Typography.Text>
                </Space>
              ),
            }))}
          />
          {closed && (
            <Space data-testid="track-satisfaction">
              <Typography.Text>{t('portal.satisfactionQuestion')}</Typography.Text>
              <Rate value={rated} onChange={rate} disabled={rated !== undefined} />
              {rated !== undefined && <Typography.Text type="success">{t('portal.rated')}</Typography.Text>}
            </Space>
          )}
        </Card>
      )}
    </PortalShell>
  );
}
