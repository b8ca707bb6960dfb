import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, type GetRef, Input, Modal, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TSearchGroupName, TSearchHit } from '../../../src/contracts/search.ts';
import { normaliseForSearch } from '../../../src/domain/bigrams.ts';
import { searchApi, searchKey } from '../api/search.ts';
import { appMenu, offeredInMenu } from '../app-menu.tsx';
import { useAuth } from '../auth/auth-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/zh-cn.ts';

const DEBOUNCE_MS = 250;
const MIN_CHARS = 2;
const PAGE_HITS = 5;

const groupLabels: Record<TSearchGroupName | 'pages', MessageKey> = {
  pages: 'search.group.pages',
  entities: 'search.group.entities',
  complaints: 'search.group.complaints',
  cases: 'search.group.cases',
  users: 'search.group.users',
  foodLicences: 'search.group.foodLicences',
};
const matchedLabels: Partial<Record<string, MessageKey>> = {
  legalRep: 'search.matched.legalRep',
  idNumber: 'search.matched.idNumber',
  uscc: 'search.matched.uscc',
  party: 'search.matched.party',
  licenceNo: 'search.matched.licenceNo',
};

type Option = { value: string; label: ReactNode };
type Group = { label: ReactNode; options: Option[] };

/** True when the key press is typing into a field (then "/" is a character, not the shortcut). */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Ctrl+K (⌘K) anywhere, or "/" outside a field, calls `onShortcut` (while `active`). */
function useShortcut(onShortcut: () => void, active = true) {
  const handler = useRef(onShortcut);
  handler.current = onShortcut;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k';
      if (ctrlK || (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target))) {
        e.preventDefault();
        handler.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

function HitLabel({ title, detail }: { title: string; detail?: string | null }) {
  return (
    <div data-testid="global-search-hit" style={{ lineHeight: 1.35, padding: '2px 0' }}>
      <Typography.Text ellipsis>{title}</Typography.Text>
      {detail && (
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {detail}
        </Typography.Text>
      )}
    </div>
  );
}

/** The box and its grouped options: the server's groups after the pages of the menu that match. */
function SearchBox({ phone, onDone }: { phone?: boolean; onDone?: () => void }) {
  const width = phone ? '100%' : 300;
  const { t } = useI18n();
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const ref = useRef<GetRef<typeof AutoComplete>>(null);
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useShortcut(() => ref.current?.focus());

  const enabled = [...normaliseForSearch(term)].length >= MIN_CHARS;
  const query = useQuery({
    queryKey: searchKey(term),
    queryFn: ({ signal }) => searchApi.search(term, { signal }),
    enabled,
    staleTime: 15_000,
    retry: false,
    placeholderData: (previous) => previous,
  });

  const options = useMemo((): Group[] => {
    if (!enabled) return [];
    const needle = term.toLowerCase();
    const pages = appMenu
      .filter((p) => offeredInMenu(p, can, me?.dataScope))
      .filter((p) => t(p.label).toLowerCase().includes(needle))
      .slice(0, PAGE_HITS)
      .map((p) => ({ value: p.path, label: <HitLabel title={t(p.label)} detail={p.path} /> }));
    const groups: Group[] = [];
    for (const g of query.data?.groups ?? []) {
      if (!g.hits.length) continue;
      const hit = (h: TSearchHit): Option => {
        const matched = matchedLabels[h.matched];
        const detail = [matched && t(matched), h.subtitle].filter(Boolean).join(t('common.separator'));
        return { value: h.link, label: <HitLabel title={h.title} detail={detail} /> };
      };
      const hits = g.hits.map(hit);
      if (g.more && g.group === 'entities')
        hits.push({
          value: `/entities?q=${encodeURIComponent(term)}`,
          label: <Typography.Link>{t('search.more.entities')}</Typography.Link>,
        });
      groups.push({ label: t(groupLabels[g.group]), options: hits });
    }
    if (pages.length) groups.push({ label: t(groupLabels.pages), options: pages });
    return groups;
  }, [enabled, term, query.data, can, t, me?.dataScope]);

  const empty = enabled && !query.isFetching ? t(query.isError ? 'search.failed' : 'search.noResult') : null;
  return (
    <span data-testid="global-search" style={{ display: 'inline-block', width }}>
      <AutoComplete
        ref={ref}
        value={text}
        options={options}
        filterOption={false}
        defaultActiveFirstOption
        onChange={(value: string) => setText(value ?? '')}
        onSelect={(link: string) => {
          setText('');
          setTerm('');
          ref.current?.blur();
          navigate(link);
          onDone?.();
        }}
        notFoundContent={empty}
        popupMatchSelectWidth={phone ? true : 360}
        style={{ width: '100%' }}
      >
        <Input
          allowClear
          autoFocus={phone}
          prefix={<SearchOutlined />}
          suffix={phone ? undefined : <Typography.Text type="secondary">{t('search.shortcut')}</Typography.Text>}
          placeholder={t('search.placeholder')}
          title={t('search.hint')}
          aria-label={t('search.open')}
        />
      </AutoComplete>
    </span>
  );
}

/**
 * The header search: 市场主体, 投诉举报, 案件 and 用户 from GET /api/v1/search (each group scoped and masked by the
 * server), the menu's pages from here. Ctrl+K or "/" focuses it, Enter opens the first hit. On a phone the header
 * keeps an icon that opens the box in a dialog.
 */
export function GlobalSearch({ narrow = false }: { narrow?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useShortcut(() => setOpen(true), narrow && !open);
  if (!narrow) return <SearchBox />;
  return (
    <>
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.open')}
        onClick={() => setOpen(true)}
        data-testid="global-search-open"
      />
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        closable={false}
        destroyOnHidden
        style={{ top: 16 }}
        title={t('search.open')}
      >
        <SearchBox phone onDone={() => setOpen(false)} />
      </Modal>
    </>
  );
}
