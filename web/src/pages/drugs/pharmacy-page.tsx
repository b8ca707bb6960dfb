import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  message,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TAttendanceDay, TGspInspection, TPharmacist } from '../../../../src/contracts/pharmacies.ts';
import { minuteLabel } from '../../../../src/domain/pharmacy.ts';
import { toApiError } from '../../api/errors.ts';
import { pharmacyApi } from '../../api/pharmacies.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { EditPharmacyModal } from './pharmacy-form-modal.tsx';
import { GspResultButton, StartGspButton } from './pharmacy-gsp.tsx';
import { hoursLabel, LicenceExpiry, RateTag } from './pharmacy-labels.tsx';

function AddPharmacist({ pharmacyId, onDone }: { pharmacyId: number; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; registrationNo: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="pharmacist-add">
        {t('pharmacist.add')}
      </Button>
      <Modal
        open={open}
        title={t('pharmacist.add')}
        confirmLoading={submitting}
        onCancel={() => setOpen(false)}
        onOk={() =>
          submit(async (v) => {
            await pharmacyApi.addPharmacist(pharmacyId, v);
            setOpen(false);
            form.resetFields();
            onDone();
          })
        }
      >
        <Form form={form} layout="vertical">
          <FormAlert failure={failure} />
          <Form.Item name="name" label={t('pharmacist.name')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="registrationNo" label={t('pharmacist.registrationNo')} rules={[{ required: true }]}>
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 零售药店详情: licence, place and hours, pharmacists (check-in links), the attendance days and rate, GSP checks. */
export function PharmacyPage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('drug:write');
  const state = useAsync((signal) => pharmacyApi.get(id, { signal }), ['pharmacies', 'detail', id]);
  const [link, setLink] = useState<string>();
  const [editing, setEditing] = useState(false);
  const p = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  const issue = async (pharmacistId: number) => {
    try {
      const r = await pharmacyApi.issueToken(pharmacistId);
      setLink(`${window.location.origin}${r.link}`);
      state.reload();
    } catch (err) {
      void message.error(toApiError(err).detail);
    }
  };
  const review = async (day: string) => {
    try {
      await pharmacyApi.review(id, day);
      state.reload();
    } catch (err) {
      void message.error(toApiError(err).detail);
    }
  };
  return (
    <>
      <PageHeader title={p?.entityName ?? t('pharmacy.title')} />
      <Card
        loading={!p}
        title={t('pharmacy.licence')}
        extra={
          canWrite &&
          p && (
            <Button onClick={() => setEditing(true)} data-testid="pharmacy-edit">
              {t('common.edit')}
            </Button>
          )
        }
      >
        {p && (
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="pharmacy-licence">
            <Descriptions.Item label={t('pharmacy.licenceNo')}>{p.licenceNo}</Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.issuedOn')}>{p.licenceIssuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.validUntil')}>
              <LicenceExpiry validUntil={p.licenceValidUntil} daysLeft={p.licenceDaysLeft} />
            </Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.station')}>{p.stationName}</Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.address')}>{p.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.hours')}>
              {hoursLabel(p.opensMinute, p.closesMinute)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.location')}>
              {p.latitude.toFixed(5)}, {p.longitude.toFixed(5)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.geofence')}>
              {t(p.geofenceIsDefault ? 'pharmacy.geofenceDefault' : 'pharmacy.geofenceOwn', { m: p.geofenceMetres })}
            </Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.status')}>{t(`pharmacy.status.${p.status}`)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={t('pharmacy.pharmacists')}
        extra={canWrite && p && <AddPharmacist pharmacyId={p.id} onDone={state.reload} />}
      >
        <Table<TPharmacist>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p?.pharmacistList ?? []}
          data-testid="pharmacists-table"
          columns={[
            { title: t('pharmacist.name'), dataIndex: 'name' },
            { title: t('pharmacist.registrationNo'), dataIndex: 'registrationNo' },
            {
              title: t('pharmacist.duty'),
              render: (_, r) =>
                `${r.dutyWeekdays.map((d) => t('pharmacist.weekdays', { d })).join(' ')} ${minuteLabel(r.dutyFromMinute)}–${minuteLabel(r.dutyToMinute)}`,
            },
            {
              title: t('pharmacy.status'),
              render: (_, r) =>
                r.onDuty ? <Tag color="green">{t('pharmacist.onDuty')}</Tag> : <Tag>{t('pharmacist.offDuty')}</Tag>,
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    render: (_: unknown, r: TPharmacist) => (
                      <Button size="small" onClick={() => void issue(r.id)} data-testid={`pharmacist-link-${r.id}`}>
                        {t('pharmacist.issueLink')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal open={!!link} footer={null} onCancel={() => setLink(undefined)} title={t('pharmacist.linkIssued')}>
        <Typography.Paragraph copyable data-testid="pharmacist-link">
          {link}
        </Typography.Paragraph>
      </Modal>
      <Card style={{ marginTop: 16 }} title={t('pharmacy.attendance')} loading={!p}>
        <Space size="large" wrap style={{ marginBottom: 12 }}>
          <Statistic
            title={t('pharmacy.rate30')}
            valueRender={() => <RateTag rate={p?.rate30 ?? null} testId="pharmacy-rate30" />}
          />
          <Statistic
            title={t('pharmacy.rate365')}
            valueRender={() => <RateTag rate={p?.rate365 ?? null} testId="pharmacy-rate365" />}
          />
        </Space>
        <Typography.Paragraph type="secondary">{t('pharmacy.attendanceHint')}</Typography.Paragraph>
        <Table<TAttendanceDay>
          rowKey="day"
          size="small"
          dataSource={p?.attendance ?? []}
          pagination={{ pageSize: 10 }}
          data-testid="attendance-table"
          columns={[
            { title: t('pharmacy.day'), dataIndex: 'day' },
            { title: t('pharmacy.openMinutes'), dataIndex: 'openMinutes' },
            { title: t('pharmacy.coveredMinutes'), dataIndex: 'coveredMinutes' },
            { title: t('pharmacy.rate'), dataIndex: 'rate', render: (r: number | null) => <RateTag rate={r} /> },
            {
              title: '',
              render: (_, d) =>
                d.coveredMinutes < d.openMinutes ? (
                  d.reviewed ? (
                    <Tag>{t('pharmacy.reviewed')}</Tag>
                  ) : (
                    canWrite && (
                      <Button size="small" onClick={() => void review(d.day)}>
                        {t('pharmacy.review')}
                      </Button>
                    )
                  )
                ) : null,
            },
          ]}
        />
      </Card>
      {editing && p && (
        <EditPharmacyModal
          pharmacy={p}
          onClose={() => setEditing(false)}
          onDone={(next) => {
            state.setData(() => next);
            setEditing(false);
          }}
        />
      )}
      <Card
        style={{ marginTop: 16 }}
        title={t('gsp.title')}
        extra={canWrite && p?.status === 'active' && <StartGspButton pharmacyId={p.id} onDone={state.reload} />}
      >
        <Table<TGspInspection>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={p?.gsp ?? []}
          data-testid="gsp-table"
          columns={[
            { title: t('gsp.inspectedOn'), dataIndex: 'inspectedOn', render: (d: string | null) => d ?? '—' },
            {
              title: t('gsp.result'),
              dataIndex: 'result',
              render: (r: TGspInspection['result']) => (r ? t(`gsp.result.${r}`) : <Tag>{t('gsp.inProgress')}</Tag>),
            },
            { title: t('gsp.findings'), dataIndex: 'findings', render: (f: string | null) => f ?? '—' },
            { title: t('gsp.inspectors'), dataIndex: 'inspectors', render: (n: string[]) => n.join(', ') },
            {
              title: '',
              render: (_, g) => (
                <Space size="small">
                  {canWrite && g.status === 'inProgress' && <GspResultButton gsp={g} onDone={state.reload} />}
                  <Link to={`/spot-checks/visits/${g.visitId}`}>{t('gsp.openVisit')}</Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
