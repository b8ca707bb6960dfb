import { AimOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { TPharmacy } from '../../../../src/contracts/pharmacies.ts';
import { DEFAULT_GEOFENCE_METRES, licenceValidUntil, minuteLabel } from '../../../../src/domain/pharmacy.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { pharmacyApi } from '../../api/pharmacies.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { EntityPicker } from '../cases/case-pickers.tsx';

/** Opening and closing times in half hours (the API takes minutes of the day). */
const hourOptions = Array.from({ length: 49 }, (_, i) => ({ value: i * 30, label: minuteLabel(i * 30) }));

interface PlaceValues {
  latitude: number;
  longitude: number;
  geofenceMetres?: number | null;
  opensMinute: number;
  closesMinute: number;
}

/** Where the pharmacy is (the check-in geofence's centre), its radius and opening hours: shared by both forms. */
function PlaceFields() {
  const t = useT();
  const form = Form.useFormInstance<PlaceValues>();
  const { message } = App.useApp();
  const locate = () =>
    navigator.geolocation.getCurrentPosition(
      (p) => form.setFieldsValue({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => void message.error(t('pharmacyForm.noGeo')),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  return (
    <>
      <Form.Item label={t('pharmacy.location')} extra={t('pharmacyForm.locationHint')} required>
        <Space wrap>
          <Form.Item name="latitude" noStyle rules={[{ required: true, message: t('pharmacyForm.latitudeRequired') }]}>
            <InputNumber
              min={-90}
              max={90}
              step={0.0001}
              placeholder={t('pharmacyForm.latitude')}
              style={{ width: 150 }}
              data-testid="pharmacy-latitude"
            />
          </Form.Item>
          <Form.Item
            name="longitude"
            noStyle
            rules={[{ required: true, message: t('pharmacyForm.longitudeRequired') }]}
          >
            <InputNumber
              min={-180}
              max={180}
              step={0.0001}
              placeholder={t('pharmacyForm.longitude')}
              style={{ width: 150 }}
              data-testid="pharmacy-longitude"
            />
          </Form.Item>
          <Button icon={<AimOutlined />} onClick={locate}>
            {t('pharmacyForm.here')}
          </Button>
        </Space>
      </Form.Item>
      <Form.Item
        name="geofenceMetres"
        label={t('pharmacy.geofence')}
        extra={t('pharmacyForm.geofenceHint', { m: DEFAULT_GEOFENCE_METRES })}
      >
        <InputNumber
          min={10}
          max={5000}
          precision={0}
          suffix={t('pharmacyForm.metres')}
          style={{ width: 150 }}
          data-testid="pharmacy-geofence"
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="opensMinute" label={t('pharmacyForm.opens')} rules={[{ required: true }]}>
          <Select options={hourOptions.slice(0, -1)} style={{ width: 120 }} data-testid="pharmacy-opens" />
        </Form.Item>
        <Form.Item
          name="closesMinute"
          label={t('pharmacyForm.closes')}
          dependencies={['opensMinute']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_, v: number | undefined) => {
                if (v !== undefined && v <= getFieldValue('opensMinute'))
                  throw new Error(t('pharmacyForm.closesAfter'));
              },
            }),
          ]}
        >
          <Select options={hourOptions.slice(1)} style={{ width: 120 }} data-testid="pharmacy-closes" />
        </Form.Item>
      </Space>
    </>
  );
}

interface RegisterValues extends PlaceValues {
  entityId: number;
  licenceNo: string;
  licenceIssuedOn: Dayjs;
  licenceValidUntil?: Dayjs;
}

const isoDay = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 登记药店: a registry entity, its 药品经营许可证 (valid 5 years unless given), place and hours. */
export function RegisterPharmacyModal({ onClose, onDone }: { onClose: () => void; onDone: (p: TPharmacy) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const today = dayjs(shanghaiToday());
  const issuedOn = Form.useWatch('licenceIssuedOn', form);
  const onOk = () =>
    submit(async (v) => {
      const created = await pharmacyApi.create({
        entityId: v.entityId,
        licenceNo: v.licenceNo,
        licenceIssuedOn: isoDay(v.licenceIssuedOn),
        licenceValidUntil: v.licenceValidUntil ? isoDay(v.licenceValidUntil) : undefined,
        latitude: v.latitude,
        longitude: v.longitude,
        geofenceMetres: v.geofenceMetres ?? null,
        opensMinute: v.opensMinute,
        closesMinute: v.closesMinute,
      });
      message.success(t('pharmacyForm.registered', { name: created.entityName }));
      onDone(created);
    });
  return (
    <Modal
      open
      title={t('pharmacyForm.register')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'pharmacy-form-ok' }}
      destroyOnHidden
      data-testid="pharmacy-form"
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ licenceIssuedOn: today, opensMinute: 480, closesMinute: 1320 }}
      >
        <Form.Item
          name="entityId"
          label={t('pharmacyForm.entity')}
          rules={[{ required: true, message: t('pharmacyForm.entityRequired') }]}
        >
          <EntityPicker testId="pharmacy-entity" />
        </Form.Item>
        <Form.Item
          name="licenceNo"
          label={t('pharmacy.licenceNo')}
          extra={t('pharmacyForm.licenceNoHint')}
          rules={[{ required: true, whitespace: true, message: t('pharmacyForm.licenceNoRequired') }]}
        >
          <Input maxLength={30} data-testid="pharmacy-licence-no" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="licenceIssuedOn"
            label={t('pharmacy.issuedOn')}
            rules={[{ required: true, message: t('pharmacyForm.issuedOnRequired') }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} data-testid="pharmacy-issued-on" />
          </Form.Item>
          <Form.Item
            name="licenceValidUntil"
            label={t('pharmacy.validUntil')}
            extra={issuedOn ? t('pharmacyForm.validDefault', { day: licenceValidUntil(isoDay(issuedOn)) }) : undefined}
          >
            <DatePicker data-testid="pharmacy-valid-until" />
          </Form.Item>
        </Space>
        <PlaceFields />
      </Form>
    </Modal>
  );
}

interface EditValues extends PlaceValues {
  status: TPharmacy['status'];
}

/** 修改药店: place, geofence, hours and 营业/停业 (the licence itself is not edited here; the API has no such field). */
export function EditPharmacyModal({
  pharmacy: p,
  onClose,
  onDone,
}: {
  pharmacy: TPharmacy;
  onClose: () => void;
  onDone: (p: TPharmacy) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<EditValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async (v) => {
      onDone(
        await pharmacyApi.update(p.id, {
          version: p.version,
          latitude: v.latitude,
          longitude: v.longitude,
          geofenceMetres: v.geofenceMetres ?? null,
          opensMinute: v.opensMinute,
          closesMinute: v.closesMinute,
          status: v.status,
        }),
      );
    });
  return (
    <Modal
      open
      title={t('pharmacyForm.edit')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'pharmacy-edit-ok' }}
      destroyOnHidden
      data-testid="pharmacy-edit-form"
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          latitude: p.latitude,
          longitude: p.longitude,
          geofenceMetres: p.geofenceIsDefault ? null : p.geofenceMetres,
          opensMinute: p.opensMinute,
          closesMinute: p.closesMinute,
          status: p.status,
        }}
      >
        <PlaceFields />
        <Form.Item name="status" label={t('pharmacy.status')} rules={[{ required: true }]}>
          <Select
            options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`pharmacy.status.${s}`) }))}
            data-testid="pharmacy-status"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
