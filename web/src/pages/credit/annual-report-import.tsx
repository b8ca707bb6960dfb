import { App, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { creditApi } from '../../api/credit.ts';
import { toApiError } from '../../api/errors.ts';

/** Pasted lines "统一社会信用代码,年度,报送日期" (e.g. exported from the 年报 system), recorded all-or-nothing. */
export function AnnualReportImport() {
  const { message, modal } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const items = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [uscc = '', year = '', filedOn = ''] = l.split(/[,，\t]/).map((c) => c.trim());
        return { uscc: uscc.toUpperCase(), reportYear: Number(year), filedOn };
      });
    if (items.length === 0) return;
    setBusy(true);
    try {
      const r = await creditApi.recordReports(items);
      message.success(`已登记 ${r.recorded} 份年报${r.unchanged ? `，${r.unchanged} 份此前已登记` : ''}`);
      setText('');
    } catch (err) {
      const e = toApiError(err);
      modal.error({
        title: e.detail,
        content: e.errors.slice(0, 20).map((f) => (
          <div key={f.path}>
            第 {Number(f.path.split('.')[1]) + 1} 行：{f.message}
          </div>
        )),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="导入年报报送记录" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        每行一条：统一社会信用代码,年度,报送日期（YYYY-MM-DD）。全部校验通过才写入，最多 5000 行。
      </Typography.Paragraph>
      <Input.TextArea
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="report-import-text"
      />
      <Button style={{ marginTop: 8 }} loading={busy} onClick={submit} disabled={!text.trim()}>
        导入
      </Button>
    </Card>
  );
}
