import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import type { TEquipmentImportResult } from '../../../../src/contracts/equipment.ts';
import { equipmentApi } from '../../api/equipment.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/** Uploads the institute's inspection results or a maintenance unit's records (XLSX/CSV): all rows or none. */
export function EquipmentImportButton({ what, onDone }: { what: 'inspections' | 'maintenance'; onDone: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const show = (r: TEquipmentImportResult) => {
    if (r.errors.length === 0) {
      message.success(t('equipment.import.done', { count: r.imported }));
      onDone();
      return;
    }
    modal.error({
      title: t('equipment.import.failed', { count: r.errors.length }),
      content: (
        <ul data-testid="equipment-import-errors">
          {r.errors.slice(0, 20).map((e) => (
            <li key={`${e.row}-${e.column}`}>{`${e.row} · ${e.column}: ${e.reason}`}</li>
          ))}
        </ul>
      ),
    });
  };
  return (
    <Upload
      accept=".xlsx,.csv"
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        equipmentApi
          .import(what, file)
          .then(show, (err: Error) => message.error(err.message))
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid={`equipment-import-${what}`}>
        {t(`equipment.import.${what}`)}
      </Button>
    </Upload>
  );
}
