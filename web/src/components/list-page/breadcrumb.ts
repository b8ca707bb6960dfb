import { matchPath } from 'react-router';
import { type AppMenuEntry as AppPage, appMenu as appPages, type MenuGroup, menuGroups } from '../../app-menu.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { activePage } from '../../layout/side-menu.tsx';

export interface Crumb {
  label: MessageKey;
  /** Set when the crumb leads somewhere other than the current page. */
  path?: string;
  /** The last crumb of a detail or form page: the page shows its own name there (a code, an entity's name). */
  detail?: true;
}

/** The route a location renders: a fixed path wins over a parameter (/entities/new over /entities/:id). */
function routeOf(pathname: string, pages: AppPage[]): AppPage | undefined {
  const matching = pages.filter((p) => matchPath(p.path, pathname));
  return matching.find((p) => !p.path.includes(':')) ?? matching[0];
}

/**
 * Home / menu group / menu page / (detail), derived from the menu (app-pages.tsx) so a new page gets its
 * breadcrumb by being registered. Empty on the home page and outside the menu (portal, login).
 */
export function crumbsFor(pathname: string, pages: AppPage[] = appPages): Crumb[] {
  if (pathname === '/') return [];
  const route = routeOf(pathname, pages);
  const menuPage = activePage(
    pathname,
    pages.filter((p) => !p.hideInMenu),
  );
  if (!route && !menuPage) return [];
  const crumbs: Crumb[] = [{ label: 'nav.home', path: '/' }];
  const parent = menuPage && menuPage.path !== '/' ? menuPage : undefined;
  const group: MenuGroup | undefined = parent?.group ?? route?.group;
  if (group) crumbs.push({ label: menuGroups[group].label });
  if (parent) crumbs.push({ label: parent.label, path: parent.path === pathname ? undefined : parent.path });
  if (route && route !== parent && route.path !== parent?.path) {
    // A detail or form page: the page title (the complaint's code, the entity's name) names it best.
    crumbs.push({ label: route.label, detail: true });
  }
  return crumbs;
}
