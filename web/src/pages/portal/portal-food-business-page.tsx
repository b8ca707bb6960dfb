import { Button, Card, Form, Input, List, message, Segmented, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TPortalBusiness } from '../../../../src/contracts/food-appeals.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { foodPortalApi } from '../../api/food-appeals.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { gradeLabel } from '../food/appeals/food-appeal-dialogs.tsx';
import { AccessCodeCard } from './access-code-card.tsx';
import { PortalShell } from './portal-shell.tsx';

type Grade = TPortalBusiness['grades'][number];
type Action = 'appeal' | 'reply';

/** One form under a grade: an appeal (within its period) or a reply. */
function GradeAction(props: { code: string; grade: Grade; action: Action; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ grounds?: string; body?: string; contactName?: string; contactPhone?: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const send = () =>
    submit(async (v) => {
      if (props.action === 'appeal')
        await foodPortalApi.appeal({
          accessCode: props.code,
          gradeId: props.grade.id,
          grounds: v.grounds ?? '',
          contactName: v.contactName || undefined,
          contactPhone: v.contactPhone || undefined,
        });
      else await foodPortalApi.reply({ accessCode: props.code, gradeId: props.grade.id, body: v.body ?? '' });
      props.onDone();
    });
  return (
    <Form form={form} layout="vertical" onFinish={send} style={{ marginTop: 8 }}>
      <FormAlert failure={failure} />
      {props.action === 'appeal' ? (
        <>
          <Form.Item name="grounds" label={t('foodAppeals.grounds')} rules={[{ required: true, min: 5 }]}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="portal-appeal-grounds" />
          </Form.Item>
          <Form.Item name="contactName" label={t('foodPortal.contactName')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('foodPortal.contactPhone')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="body" label={t('foodAppeals.reply.body')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid={`portal-${props.action}-submit`}>
        {t('foodPortal.submit')}
      </Button>
    </Form>
  );
}

function RevisitForm(props: { code: string; from: string; today: boolean; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  if (!props.today)
    return (
      <Typography.Text type="secondary">
        {t('foodPortal.revisitFrom')} {props.from}
      </Typography.Text>
    );
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={() =>
        submit(async (v) => {
          await foodPortalApi.revisit({ accessCode: props.code, reason: v.reason });
          props.onDone();
        })
      }
    >
      <FormAlert failure={failure} />
      <Form.Item name="reason" label={t('foodAppeals.revisit.reason')} rules={[{ required: true, min: 5 }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        {t('foodPortal.submit')}
      </Button>
    </Form>
  );
}

/** 食品经营者服务 (phone first, no login): the access code from the grade notice → grades → appeal / reply / re-rating. */
export function PortalFoodBusinessPage() {
  const t = useT();
  const [code, setCode] = useState('');
  const [data, setData] = useState<TPortalBusiness>();
  const [action, setAction] = useState<Record<number, Action | undefined>>({});
  const [api, holder] = message.useMessage();

  const load = async (c: string) => {
    setData(await foodPortalApi.open(c));
    setCode(c);
    setAction({});
  };
  const done = () => {
    void api.success(t('foodPortal.submitted'));
    void load(code);
  };
  const today = shanghaiToday();
  return (
    <PortalShell>
      {holder}
      <AccessCodeCard
        title={t('foodPortal.title')}
        label={t('foodPortal.code')}
        hint={t('foodPortal.codeHint')}
        openLabel={t('foodPortal.open')}
        testIds={{ code: 'portal-food-code', open: 'portal-food-open' }}
        onOpen={load}
      />
      {data && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="portal-food-business">
          <Card title={`${data.entityName} · ${t('foodPortal.grades')}`}>
            {data.grades.length === 0 && <Typography.Text type="secondary">{t('foodPortal.noGrades')}</Typography.Text>}
            {data.grades.map((g) => {
              const appealed = data.appeals.find((a) => a.grade.id === g.id);
              const canAppeal = g.status === 'current' && !appealed && g.appealUntil >= today;
              return (
                <Card key={g.id} type="inner" size="small" style={{ marginBottom: 8 }}>
                  <Space wrap>
                    <Typography.Text strong>{gradeLabel(t, g.grade)}</Typography.Text>
                    <span>{g.gradedOn}</span>
                    {g.status !== 'current' && <Tag>{t(`foodInspection.gradeStatus.${g.status}` as MessageKey)}</Tag>}
                    {canAppeal && (
                      <Typography.Text type="secondary">
                        {t('foodPortal.appealUntil')} {g.appealUntil}
                      </Typography.Text>
                    )}
                  </Space>
                  {appealed && (
                    <div>
                      <Tag color="blue">{t(`foodAppeals.status.${appealed.status}` as MessageKey)}</Tag>
                      {appealed.outcomeReason}
                      {appealed.status === 'pending' && (
                        <Upload
                          showUploadList={false}
                          beforeUpload={(file) => {
                            foodPortalApi
                              .attach(code, appealed.id, file)
                              .then(done)
                              .catch(
                                (err: unknown) => void api.error(err instanceof Error ? err.message : String(err)),
                              );
                            return false;
                          }}
                        >
                          <Button size="small" style={{ marginLeft: 8 }}>
                            {t('foodPortal.attach')}
                          </Button>
                        </Upload>
                      )}
                    </div>
                  )}
                  {g.status === 'current' && (
                    <Segmented<Action | 'none'>
                      block
                      style={{ marginTop: 8 }}
                      value={action[g.id] ?? 'none'}
                      onChange={(v) => setAction({ ...action, [g.id]: v === 'none' ? undefined : v })}
                      options={[
                        { value: 'none', label: '—' },
                        ...(canAppeal ? [{ value: 'appeal' as const, label: t('foodPortal.appeal') }] : []),
                        { value: 'reply' as const, label: t('foodPortal.reply') },
                      ]}
                    />
                  )}
                  {action[g.id] && <GradeAction code={code} grade={g} action={action[g.id]!} onDone={done} />}
                </Card>
              );
            })}
          </Card>
          <Card title={t('foodPortal.revisitTitle')}>
            <RevisitForm
              code={code}
              from={data.revisitAllowedFrom}
              today={data.revisitAllowedFrom <= today}
              onDone={done}
            />
          </Card>
          <Card title={t('foodPortal.history')}>
            <List
              size="small"
              dataSource={[
                ...data.appeals.map((a) => ({
                  key: `a${a.id}`,
                  text: `${t('foodAppeals.tab.appeals')} · ${a.receivedOn} · ${t(`foodAppeals.status.${a.status}` as MessageKey)}`,
                })),
                ...data.replies.map((r) => ({
                  key: `r${r.id}`,
                  text: `${t('foodPortal.reply')} · ${r.createdAt.slice(0, 10)} · ${t(`foodAppeals.reply.status.${r.status}` as MessageKey)}${r.rejectReason ? ` — ${r.rejectReason}` : ''}`,
                })),
                ...data.revisits.map((v) => ({
                  key: `v${v.id}`,
                  text: `${t('foodAppeals.tab.revisits')} · ${v.requestedOn} · ${t(`foodAppeals.revisit.status.${v.status}` as MessageKey)}${v.plannedOn ? ` · ${v.plannedOn}` : ''}`,
                })),
              ]}
              renderItem={(i) => <List.Item key={i.key}>{i.text}</List.Item>}
            />
          </Card>
        </Space>
      )}
    </PortalShell>
  );
}
