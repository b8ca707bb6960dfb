import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import type { TFoodImportResult } from '../../../../src/contracts/food.ts';
import { foodApi } from '../../api/food.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/** Uploads an XLSX of licences or certificates; shows how many were imported or the first row errors. */
export function FoodImportButton({ what, onDone }: { what: 'licences' | 'certificates'; onDone: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const show = (r: TFoodImportResult) => {
    if (r.errors.length === 0) {
      message.success(t('food.import.done', { count: r.imported }));
      onDone();
      return;
    }
    modal.error({
      title: t('food.import.failed', { count: r.errors.length }),
      content: (
        <ul data-testid="food-import-errors">
          {r.errors.slice(0, 20).map((e) => (
            <li key={`${e.row}-${e.column}`}>{`${e.row} · ${e.column}: ${e.reason}`}</li>
          ))}
        </ul>
      ),
    });
  };
  return (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        foodApi
          .import(what, file)
          .then(show, (err: Error) => message.error(err.message))
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid={`food-import-${what}`}>
        {t('food.import.button')}
      </Button>
    </Upload>
  );
}
