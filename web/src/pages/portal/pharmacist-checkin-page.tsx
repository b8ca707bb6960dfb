import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TPortalPharmacist } from '../../../../src/contracts/pharmacies.ts';
import { minuteLabel } from '../../../../src/domain/pharmacy.ts';
import { toApiError } from '../../api/errors.ts';
import { pharmacistPortalApi } from '../../api/pharmacies.ts';
import { useT } from '../../i18n/i18n-context.tsx';

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

function position(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: true, timeout: 15_000 }),
  );
}

/**
 * 阳光药师 check-in on the pharmacist's phone: opened from their personal link (?t=…), no login. The browser's
 * position goes to the server, which checks the distance to the pharmacy and refuses outside its radius.
 */
export function PharmacistCheckinPage() {
  const t = useT();
  const token = useSearchParams()[0].get('t') ?? '';
  const [view, setView] = useState<TPortalPharmacist>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!token) return setError(t('checkin.noToken'));
    try {
      setView(await pharmacistPortalApi.view(token));
    } catch (err) {
      setError(toApiError(err).detail);
    }
  }, [token, t]);
  useEffect(() => void load(), [load]);

  const check = async (what: 'check-in' | 'check-out') => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    let pos: GeolocationPosition;
    try {
      pos = await position();
    } catch {
      setBusy(false);
      return setError(t('checkin.noGeo'));
    }
    try {
      setView(
        await pharmacistPortalApi.check(what, {
          token,
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          accuracy: Math.min(pos.coords.accuracy, 100_000),
        }),
      );
      setDone(t(what === 'check-in' ? 'checkin.done.in' : 'checkin.done.out'));
    } catch (err) {
      setError(toApiError(err).detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={3}>{t('checkin.title')}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="checkin-error" />}
      {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} data-testid="checkin-done" />}
      {view && (
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {view.name} · {view.pharmacyName}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {view.address} · {minuteLabel(view.opensMinute)}–{minuteLabel(view.closesMinute)} ·{' '}
            {t('checkin.range', { m: view.geofenceMetres })}
          </Typography.Paragraph>
          <Typography.Paragraph strong data-testid="checkin-status">
            {view.checkedInAt ? t('checkin.checkedInAt', { time: clock(view.checkedInAt) }) : t('checkin.notCheckedIn')}
          </Typography.Paragraph>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              disabled={!!view.checkedInAt}
              onClick={() => void check('check-in')}
              data-testid="checkin-in"
            >
              {t('checkin.in')}
            </Button>
            <Button
              size="large"
              block
              loading={busy}
              disabled={!view.checkedInAt}
              onClick={() => void check('check-out')}
              data-testid="checkin-out"
            >
              {t('checkin.out')}
            </Button>
          </Space>
          {view.today.length > 0 && (
            <List
              header={t('checkin.today')}
              size="small"
              dataSource={view.today}
              renderItem={(s) => (
                <List.Item>
                  {clock(s.checkInAt)} – {s.checkOutAt ? clock(s.checkOutAt) : '…'}
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </div>
  );
}
