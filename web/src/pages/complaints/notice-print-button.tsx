import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import { availableNotices, complaintNoticeUrl } from '../../../../src/domain/complaint-notices.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * 打印告知书: the notices the item's timeline makes available (受理, 不予受理, 终止调解); each opens as a PDF in a new
 * tab, to print. Nothing is shown before the first of them exists.
 */
export function NoticePrintButton({ item }: { item: TComplaintDetail }) {
  const { t } = useI18n();
  const kinds = availableNotices(item.events.map((e) => e.action));
  if (kinds.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: kinds.map((kind) => ({
          key: kind,
          label: t(`complaints.notice.${kind}`),
          'data-testid': `notice-${kind}`,
        })),
        onClick: ({ key }) =>
          window.open(complaintNoticeUrl(item.id, key as (typeof kinds)[number]), '_blank', 'noopener'),
      }}
    >
      <Button icon={<PrinterOutlined />} data-testid="print-notice">
        {t('complaints.printNotice')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
