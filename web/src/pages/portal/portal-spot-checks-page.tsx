import { Alert, Button, Card, Descriptions, Empty, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TPublicResult } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { PortalShell } from './portal-shell.tsx';

/** Green for a clean result, orange for anything the inspectors found. */
const categoryColor = (label: string) => (label === '未发现问题' ? 'green' : 'orange');

/** 一公开: published 双随机 results a citizen opens from a QR code, no login. */
export function PortalSpotChecksPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<TPublicResult[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await spotChecksApi.publicResults(q || undefined, cursor);
      setRows((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload from the first page when the search changes
  useEffect(() => {
    setText(q);
    void load();
  }, [q]);

  const search = (value: string) => {
    const v = value.trim();
    setParams(v ? { q: v } : {});
  };

  return (
    <PortalShell>
      <Card title="双随机抽查结果公示">
        <Typography.Paragraph type="secondary">
          依据“双随机、一公开”监管要求，公示已完成检查的市场主体抽查结果。可按名称或统一社会信用代码查询。
        </Typography.Paragraph>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={search}
          placeholder="市场主体名称或统一社会信用代码"
          enterButton="查询"
          allowClear
          maxLength={100}
          data-testid="results-search"
        />
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <List<TPublicResult>
        style={{ marginTop: 16 }}
        loading={loading && rows.length === 0}
        dataSource={rows}
        locale={{ emptyText: <Empty description={q ? '未查到该市场主体的公示结果' : '暂无公示结果'} /> }}
        renderItem={(r) => (
          <List.Item key={r.visitId} style={{ padding: 0, borderBlockEnd: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }} data-testid="public-result">
              <Typography.Text strong data-testid="result-entity">
                {r.entityName}
              </Typography.Text>
              <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                <Descriptions.Item label="统一社会信用代码">
                  <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                    {r.uscc}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="抽查任务">{r.taskNames.join('、') || r.planName}</Descriptions.Item>
                <Descriptions.Item label="抽查计划">{r.planName}</Descriptions.Item>
                <Descriptions.Item label="检查日期">{r.inspectedOn}</Descriptions.Item>
                <Descriptions.Item label="公示日期">{dayjs(r.publishedAt).format('YYYY-MM-DD')}</Descriptions.Item>
              </Descriptions>
              <Typography.Text type="secondary">检查事项及结果：</Typography.Text>
              <Space orientation="vertical" size={4} style={{ width: '100%', marginTop: 4 }}>
                {r.items.map((i) => (
                  <div key={i.name} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                    <Typography.Text>{i.name}</Typography.Text>
                    <Typography.Text type="secondary">（{i.departmentName}）</Typography.Text>
                    <Tag color={categoryColor(i.categoryLabel)} data-testid="result-category">
                      {i.categoryLabel}
                    </Tag>
                  </div>
                ))}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      {nextCursor && (
        <Button block loading={loading} onClick={() => load(nextCursor)} data-testid="results-more">
          加载更多
        </Button>
      )}
    </PortalShell>
  );
}
