import { App, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { creditApi } from '../../api/credit.ts';
import { toApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/** Pasted lines "统一社会信用代码,年度,报送日期" (e.g. exported from the 年报 system), recorded all-or-nothing. */
export function AnnualReportImport() {
  const t = useT();
  const { message, modal } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const items = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [uscc = '', year = '', filedOn = ''] = l.split(/[,\uff0c\t]/).map((c) => c.trim());
        return { uscc: uscc.toUpperCase(), reportYear: Number(year), filedOn };
      });
    if (items.length === 0) return;
    setBusy(true);
    try {
      const r = await creditApi.recordReports(items);
      message.success(
        r.unchanged
          ? t('credit.reportsRecordedSome', { recorded: r.recorded, unchanged: r.unchanged })
          : t('credit.reportsRecorded', { recorded: r.recorded }),
      );
      setText('');
    } catch (err) {
      const e = toApiError(err);
      modal.error({
        title: e.detail,
        content: e.errors
          .slice(0, 20)
          .map((f) => (
            <div key={f.path}>
              {t('credit.importLineError', { line: Number(f.path.split('.')[1]) + 1, message: f.message })}
            </div>
          )),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('credit.importReports')} size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('credit.importReportsHint')} </Typography.Paragraph>
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="report-import-text"
      />
      <Button style={{ marginTop: 8 }} loading={busy} onClick={submit} disabled={!text.trim()}>
        {t('credit.import')}{' '}
      </Button>
    </Card>
  );
}
