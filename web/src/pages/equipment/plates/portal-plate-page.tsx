import { Alert, Card, Descriptions, Result, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { TPlateVerification } from '../../../../../src/contracts/equipment-hazards.ts';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { errorText } from '../../../components/load-error.tsx';
import { useI18n } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { PortalShell } from '../../portal/portal-shell.tsx';

const green = { status: 'success', colour: '#389e0d' } as const;
const red = { status: 'error', colour: '#cf1322' } as const;
const verdictStyle = { valid: green, expired: red, superseded: red, forged: red } as const;

/**
 * What a lift's 使用标志 QR code opens (phone first, no login): the signature checked on the server and the lift's
 * live facts, so a forged or superseded plate, or a lift whose inspection has lapsed, says so in red.
 */
export function PortalPlatePage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const query = Object.fromEntries(['k', 'i', 'c', 'r', 'v', 'd', 's'].map((k) => [k, params.get(k) ?? '']));
  const state = useAsync((signal) => equipmentHazardsApi.verifyPlate(query, { signal }), ['public', 'plate', query]);
  const v = state.data;
  return (
    <PortalShell>
      <Card title={t('equipmentPlates.verify.title')} data-testid="plate-verify">
        {state.error ? (
          <Alert type="error" showIcon message={errorText(t, state.error).detail} />
        ) : !v ? (
          <Spin />
        ) : (
          <Verdict v={v} />
        )}
      </Card>
    </PortalShell>
  );
}

function Verdict({ v }: { v: TPlateVerification }) {
  const { t } = useI18n();
  const style = verdictStyle[v.status];
  const e = v.equipment;
  return (
    <>
      <Result
        status={style.status}
        style={{ padding: '8px 0' }}
        title={
          <Typography.Title level={2} style={{ color: style.colour, margin: 0 }}>
            <span data-testid="plate-verdict" data-status={v.status}>
              {t(`equipmentPlates.verify.${v.status}`)}
            </span>
          </Typography.Title>
        }
        subTitle={
          <Typography.Text type={v.status === 'valid' ? undefined : 'danger'}>
            {t(`equipmentPlates.verify.${v.status}Detail`)}
          </Typography.Text>
        }
      />
      {v.reason && (
        <Alert type="error" message={t(`equipmentPlates.verify.reason.${v.reason}`)} style={{ marginBottom: 12 }} />
      )}
      {v.plate && e && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('equipmentHazards.registrationNo')}>
            <span style={{ wordBreak: 'break-all' }}>{v.plate.registrationNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.equipmentCode')}>
            <span style={{ wordBreak: 'break-all' }}>{v.plate.equipmentCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.category')}>{e.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.address')}>{e.address}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.userUnit')}>{e.userUnit}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.maintenanceUnit')}>
            {e.maintenanceUnit ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.lastMaintenance')}>
            {e.lastMaintenanceOn ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.validUntil')}>
            <Tag color={v.status === 'expired' ? 'red' : 'green'} data-testid="plate-valid-until">
              {e.nextInspectionDue ?? '—'}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentPlates.verify.authority')}>{e.authority}</Descriptions.Item>
        </Descriptions>
      )}
      <Alert
        style={{ marginTop: 12 }}
        type="warning"
        showIcon
        message={
          <span>
            {t('equipmentPlates.verify.emergency')}{' '}
            <a href={`tel:${v.emergencyNumber}`} data-testid="plate-emergency">
              <b>{v.emergencyNumber}</b>
            </a>
          </span>
        }
      />
    </>
  );
}
