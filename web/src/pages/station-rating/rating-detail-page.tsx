import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  message,
  Skeleton,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import { ratingFileUrl, stationRatingsApi, type TRatingDetail } from '../../api/station-ratings.ts';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { RatingStatusTag, Stars } from './rating-parts.tsx';

type Entry = { score: number | null; note: string };
type Item = TRatingDetail['checklist']['standards'][number]['items'][number];

/** The scoring form: per standard its items with points, a note and evidence; then submit or review. */
export function StationRatingDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data, error, loading, reload, setData } = useAsync(
    (signal) => stationRatingsApi.detail(id, { signal }),
    queryKeys.stationRatings.detail(id),
  );
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    if (!data) return;
    setEntries(Object.fromEntries(data.scores.map((s) => [s.itemCode, { score: s.score, note: s.note }])));
  }, [data]);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Skeleton active loading={loading} />;

  const run = async (key: string, action: () => Promise<TRatingDetail>, done: string) => {
    setBusy(key);
    setFailure(undefined);
    try {
      const updated = await action();
      setData(() => updated);
      void message.success(done);
    } catch (err) {
      setFailure(errorDetail(t, err));
    } finally {
      setBusy(undefined);
    }
  };
  const save = () =>
    run(
      'save',
      () =>
        stationRatingsApi.saveScores(id, {
          version: data.version,
          scores: Object.entries(entries).flatMap(([itemCode, e]) =>
            e.score === null ? [] : [{ itemCode, score: e.score, note: e.note }],
          ),
        }),
      t('stationRating.saved'),
    );
  const upload = async (itemCode: string, file: File) => {
    setBusy(`upload-${itemCode}`);
    setFailure(undefined);
    try {
      const stored = await stationRatingsApi.upload(id, itemCode, file);
      void message.success(t('stationRating.uploaded', { name: stored.filename }));
      reload();
    } catch (err) {
      setFailure(errorDetail(t, err));
    } finally {
      setBusy(undefined);
    }
  };
  const set = (code: string, patch: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [code]: { score: null, note: '', ...all[code], ...patch } }));

  const itemColumns = [
    { key: 'name', title: t('stationRating.item'), render: (_: unknown, i: Item) => i.name },
    { key: 'max', title: t('stationRating.maxPoints'), width: 70, align: 'right' as const, dataIndex: 'maxPoints' },
    {
      key: 'score',
      title: t('stationRating.score'),
      width: 100,
      render: (_: unknown, i: Item) =>
        data.editable ? (
          <InputNumber
            min={0}
            max={i.maxPoints}
            precision={0}
            value={entries[i.code]?.score ?? null}
            onChange={(v) => set(i.code, { score: v })}
            data-testid={`score-${i.code}`}
            style={{ width: 80 }}
          />
        ) : (
          (entries[i.code]?.score ?? '—')
        ),
    },
    {
      key: 'note',
      title: t('stationRating.note'),
      render: (_: unknown, i: Item) =>
        data.editable ? (
          <Input
            value={entries[i.code]?.note ?? ''}
            maxLength={500}
            onChange={(e) => set(i.code, { note: e.target.value })}
          />
        ) : (
          entries[i.code]?.note
        ),
    },
    {
      key: 'evidence',
      title: t('stationRating.evidence'),
      render: (_: unknown, i: Item) => (
        <Space orientation="vertical" size={0}>
          {data.files
            .filter((f) => f.itemCode === i.code)
            .map((f) => (
              <Typography.Link key={f.id} href={ratingFileUrl(id, f.id)} target="_blank" rel="noopener">
                {f.filename}
              </Typography.Link>
            ))}
          {data.editable && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(i.code, file);
                return false;
              }}
            >
              <Button
                size="small"
                icon={<UploadOutlined />}
                loading={busy === `upload-${i.code}`}
                data-testid={`upload-${i.code}`}
              >
                {t('stationRating.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      ),
    },
  ];

  const reviewer = data.actions.includes('approve');
  return (
    <>
      <PageHeader
        title={`${data.stationName} · ${t('stationRating.yearValue', { year: data.year })}`}
        extra={<RatingStatusTag status={data.status} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'score',
              label: t('stationRating.score'),
              children: (
                <span data-testid="rating-total">
                  {t('stationRating.scoreOf', { score: data.totalScore, max: data.checklist.maxScore })}
                </span>
              ),
            },
            {
              key: 'stars',
              label: t('stationRating.stars'),
              children:
                data.stars !== null ? (
                  <Stars stars={data.stars} testId="rating-stars" />
                ) : (
                  t('stationRating.projected', { stars: data.projectedStars })
                ),
            },
            { key: 'submitted', label: t('stationRating.submittedBy'), children: data.submittedByName ?? '—' },
            { key: 'reviewed', label: t('stationRating.reviewedBy'), children: data.reviewedByName ?? '—' },
            { key: 'opinion', label: t('stationRating.opinion'), children: data.reviewOpinion ?? '—' },
          ]}
        />
      </Card>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="form-error" />}
      {data.checklist.standards.map((s) => {
        const total = data.standards.find((x) => x.code === s.code);
        return (
          <Card
            key={s.code}
            size="small"
            title={t('stationRating.standardTotal', {
              name: s.name,
              score: total?.score ?? 0,
              max: total?.maxPoints ?? 0,
            })}
            style={{ marginBottom: 16 }}
          >
            <Table size="small" rowKey="code" pagination={false} dataSource={s.items} columns={itemColumns} />
          </Card>
        );
      })}
      <Card size="small">
        {reviewer && (
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={opinion}
            placeholder={t('stationRating.opinionPlaceholder')}
            onChange={(e) => setOpinion(e.target.value)}
            data-testid="rating-opinion"
            style={{ marginBottom: 12 }}
          />
        )}
        <Space wrap>
          {data.editable && (
            <Button loading={busy === 'save'} onClick={() => void save()} data-testid="rating-save">
              {t('stationRating.save')}
            </Button>
          )}
          {data.actions.map((a) => (
            <Button
              key={a}
              type={a === 'return' ? 'default' : 'primary'}
              loading={busy === a}
              data-testid={`rating-action-${a}`}
              onClick={() =>
                void run(
                  a,
                  () =>
                    stationRatingsApi.transition(id, {
                      action: a,
                      version: data.version,
                      ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
                    }),
                  t('stationRating.done', { action: t(`stationRating.action.${a}`) }),
                )
              }
            >
              {t(`stationRating.action.${a}`)}
            </Button>
          ))}
        </Space>
      </Card>
    </>
  );
}
