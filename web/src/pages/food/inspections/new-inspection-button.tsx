import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { foodInspectionsApi } from '../../../api/food-inspections.ts';
import { errorDetail } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';

const kinds = ['routine', 'followup', 'revisit'] as const;

/**
 * An inspection outside the yearly plan (after a complaint, a follow-up, a re-rating visit): made for today and
 * opened at once on its page, where the inspector picks a partner and starts it.
 */
export function NewInspectionButton({ businessId }: { businessId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const create = async (kind: (typeof kinds)[number]) => {
    setBusy(true);
    try {
      const made = await foodInspectionsApi.create({ businessId, kind });
      navigate(`/food/inspections/${made.id}`);
    } catch (err) {
      modal.error({ title: t('foodInspection.createFailed'), content: errorDetail(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: kinds.map((k) => ({
          key: k,
          label: t(`foodInspection.kind.${k}`),
          'data-testid': `new-inspection-${k}`,
        })),
        onClick: ({ key }) => create(key as (typeof kinds)[number]),
      }}
    >
      <Button type="primary" loading={busy} data-testid="new-inspection">
        {t('foodInspection.new')}
      </Button>
    </Dropdown>
  );
}
