import { Button, type TableColumnsType, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TAppeal, TReply, TRevisit } from '../../../../../src/contracts/food-appeals.ts';
import { shanghaiToday } from '../../../../../src/domain/shanghai-date.ts';
import { foodAppealsApi } from '../../../api/food-appeals.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { AppealDecisionDialog, gradeLabel, ReplyReviewDialog, RevisitDecisionDialog } from './food-appeal-dialogs.tsx';

const DAY = 86_400_000;

/** The clock of an open item: days left to its due date, red once overdue. */
function Clock({ dueOn, open }: { dueOn: string | null; open: boolean }) {
  const t = useT();
  if (!dueOn) return null;
  if (!open) return <span>{dueOn}</span>;
  const left = Math.round((Date.parse(dueOn) - Date.parse(shanghaiToday())) / DAY);
  return (
    <span>
      {dueOn}{' '}
      <Tag color={left < 0 ? 'red' : left <= 2 ? 'orange' : 'blue'}>
        {left < 0 ? t('foodAppeals.overdue') : t('foodAppeals.daysLeft', { n: left })}
      </Tag>
    </span>
  );
}

function AppealsTab({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const [open, setOpen] = useState<TAppeal>();
  const list = useKeysetList(
    (cursor, signal) => foodAppealsApi.appeals({ cursor }, { signal }),
    (a) => a.id,
    ['food-appeals', 'appeals'],
  );
  const columns = useMemo<TableColumnsType<TAppeal>>(
    () => [
      { title: t('foodAppeals.business'), dataIndex: 'entityName' },
      { title: t('foodAppeals.grade'), render: (_, a) => `${gradeLabel(t, a.grade.grade)} · ${a.grade.gradedOn}` },
      { title: t('foodAppeals.receivedOn'), dataIndex: 'receivedOn' },
      {
        title: t('foodAppeals.channel'),
        dataIndex: 'channel',
        render: (c: string) => t(`foodAppeals.channel.${c}` as MessageKey),
      },
      { title: t('foodAppeals.dueOn'), render: (_, a) => <Clock dueOn={a.dueOn} open={a.status === 'pending'} /> },
      {
        title: t('foodAppeals.status'),
        render: (_, a) =>
          `${t(`foodAppeals.status.${a.status}` as MessageKey)}${a.newGrade ? ` → ${gradeLabel(t, a.newGrade)}` : ''}`,
      },
      { title: t('foodAppeals.station'), dataIndex: 'stationName' },
      {
        title: '',
        render: (_, a) =>
          canWrite &&
          a.status === 'pending' && (
            <Button size="small" type="primary" onClick={() => setOpen(a)} data-testid={`appeal-decide-${a.id}`}>
              {t('foodAppeals.decide')}
            </Button>
          ),
      },
    ],
    [t, canWrite],
  );
  return (
    <>
      <ListTable<TAppeal>
        id="food-appeals"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        expandable={{
          expandedRowRender: (a) => (
            <p>
              {a.grounds}
              {a.outcomeReason ? ` —— ${a.outcomeReason}` : ''}
            </p>
          ),
        }}
        data-testid="food-appeals-table"
      />
      {open && (
        <AppealDecisionDialog
          appeal={open}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}

function RepliesTab({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const [open, setOpen] = useState<TReply>();
  const list = useKeysetList(
    (cursor, signal) => foodAppealsApi.replies({ cursor }, { signal }),
    (r) => r.id,
    ['food-appeals', 'replies'],
  );
  const columns = useMemo<TableColumnsType<TReply>>(
    () => [
      { title: t('foodAppeals.business'), dataIndex: 'entityName' },
      { title: t('foodAppeals.grade'), render: (_, r) => `${gradeLabel(t, r.grade.grade)} · ${r.grade.gradedOn}` },
      { title: t('foodAppeals.reply.body'), dataIndex: 'body', ellipsis: true },
      {
        title: t('foodAppeals.dueOn'),
        render: (_, r) => <Clock dueOn={r.reviewDueOn} open={r.status === 'submitted'} />,
      },
      { title: t('foodAppeals.status'), render: (_, r) => t(`foodAppeals.reply.status.${r.status}` as MessageKey) },
      {
        title: '',
        render: (_, r) =>
          canWrite &&
          r.status === 'submitted' && (
            <Button size="small" type="primary" onClick={() => setOpen(r)}>
              {t('foodAppeals.decide')}
            </Button>
          ),
      },
    ],
    [t, canWrite],
  );
  return (
    <>
      <ListTable<TReply> id="food-replies" rowKey="id" columns={columns} source={{ kind: 'keyset', list }} />
      {open && (
        <ReplyReviewDialog
          reply={open}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}

function RevisitsTab({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const [open, setOpen] = useState<TRevisit>();
  const list = useKeysetList(
    (cursor, signal) => foodAppealsApi.revisits({ cursor }, { signal }),
    (r) => r.id,
    ['food-appeals', 'revisits'],
  );
  const columns = useMemo<TableColumnsType<TRevisit>>(
    () => [
      { title: t('foodAppeals.business'), dataIndex: 'entityName' },
      { title: t('foodAppeals.revisit.requestedOn'), dataIndex: 'requestedOn' },
      { title: t('foodAppeals.revisit.reason'), dataIndex: 'reason', ellipsis: true },
      { title: t('foodAppeals.dueOn'), render: (_, r) => <Clock dueOn={r.dueOn} open={r.status === 'requested'} /> },
      { title: t('foodAppeals.status'), render: (_, r) => t(`foodAppeals.revisit.status.${r.status}` as MessageKey) },
      { title: t('foodAppeals.revisit.plannedOn'), dataIndex: 'plannedOn' },
      { title: t('foodAppeals.station'), dataIndex: 'stationName' },
      {
        title: '',
        render: (_, r) =>
          canWrite &&
          r.status === 'requested' && (
            <Button size="small" type="primary" onClick={() => setOpen(r)}>
              {t('foodAppeals.decide')}
            </Button>
          ),
      },
    ],
    [t, canWrite],
  );
  return (
    <>
      <ListTable<TRevisit> id="food-revisits" rowKey="id" columns={columns} source={{ kind: 'keyset', list }} />
      {open && (
        <RevisitDecisionDialog
          revisit={open}
          onClose={(changed) => {
            setOpen(undefined);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}

/** 等级申诉、答复与复评: the 食品科's and stations' queue, each item with its clock; decisions in dialogs. */
export function FoodAppealsPage() {
  const t = useT();
  const canWrite = useAuth().can('food:write');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'appeals';
  return (
    <>
      <PageHeader title={t('foodAppeals.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          { key: 'appeals', label: t('foodAppeals.tab.appeals'), children: <AppealsTab canWrite={canWrite} /> },
          { key: 'replies', label: t('foodAppeals.tab.replies'), children: <RepliesTab canWrite={canWrite} /> },
          { key: 'revisits', label: t('foodAppeals.tab.revisits'), children: <RevisitsTab canWrite={canWrite} /> },
        ]}
      />
    </>
  );
}
