import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  type AppMenuEntry as AppPage,
  appMenu as appPages,
  type MenuGroup,
  menuGroups,
  offeredInMenu,
} from '../app-menu.tsx';
import { useAuth } from '../auth/auth-context.tsx';
import { useT } from '../i18n/i18n-context.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** The page whose path is the longest prefix of the current location ("/" only on an exact match). */
export function activePage(pathname: string, pages: AppPage[] = appPages): AppPage | undefined {
  return pages
    .filter((p) => (p.path === '/' ? pathname === '/' : pathname === p.path || pathname.startsWith(`${p.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** onNavigate: called after a choice (the phone drawer closes then). */
export function SideMenu({ onNavigate }: { onNavigate?: () => void } = {}) {
  const { can, me } = useAuth();
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const visible = useMemo(() => appPages.filter((p) => offeredInMenu(p, can, me?.dataScope)), [can, me?.dataScope]);

  const items = useMemo(() => {
    const out: MenuItem[] = [];
    const groups = new Map<MenuGroup, MenuItem[]>();
    for (const page of visible) {
      // The full name on hover, should a long label still be cut (ellipsis) in a narrow sider.
      const label = t(page.label);
      const item: MenuItem = { key: page.path, icon: page.icon, label: <span title={label}>{label}</span> };
      if (!page.group) {
        out.push(item);
        continue;
      }
      let children = groups.get(page.group);
      if (!children) {
        children = [];
        groups.set(page.group, children);
        out.push({
          key: `group:${page.group}`,
          icon: menuGroups[page.group].icon,
          label: t(menuGroups[page.group].label),
          children,
        });
      }
      children.push(item);
    }
    return out;
  }, [visible, t]);

  const selected = activePage(pathname, visible)?.path;
  const groupKeys = Object.keys(menuGroups).map((g) => `group:${g}`);
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={groupKeys}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      data-testid="side-menu"
    />
  );
}
