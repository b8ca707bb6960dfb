import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-org.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

export { DEMO_PASSWORD };

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The process's Chromium, shared by the files a batch runs in one process (scripts/e2e-ci.mjs): launching and
 * closing one per file cost seconds of CPU each. Files stay apart: each gets its own contexts (cookies, storage,
 * cache) and its `close()` closes those; the last user's close shuts Chromium after a short grace, unless the next
 * file of the batch takes it first.
 */
let shared: { browser: Promise<Browser>; users: number; timer?: NodeJS.Timeout } | undefined;
const GRACE_MS = 1_500;

export async function launchBrowser(): Promise<Browser> {
  if (!shared) {
    const browser = chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    shared = { browser, users: 0 };
    browser.catch(() => {
      shared = undefined;
    });
  }
  const mine = shared;
  mine.users++;
  clearTimeout(mine.timer);
  const real = await mine.browser;
  const contexts = new Set<BrowserContext>();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all([...contexts].map((c) => c.close().catch(() => {})));
    mine.users--;
    if (mine.users === 0)
      mine.timer = setTimeout(() => {
        if (shared === mine) shared = undefined;
        void real.close();
      }, GRACE_MS);
  };
  const newContext: Browser['newContext'] = async (options) => {
    const context = await real.newContext(options);
    contexts.add(context);
    context.once('close', () => contexts.delete(context));
    return context;
  };
  return new Proxy(real, {
    get(target, key) {
      if (key === 'close') return close;
      if (key === 'newContext') return newContext;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The real server on a fresh demo database, serving the built web UI. */
export async function startWebApp(): Promise<TestApp> {
  if (!existsSync(`${webDist}/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` first');
  return startTestApp({ webDist });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors; a clean flow leaves it empty. */
  errors: string[];
}

/** A fresh browser context (own cookies) pointed at the app. */
export async function openSession(
  browser: Browser,
  app: TestApp,
  opts: { phone?: boolean } = {},
): Promise<BrowserSession> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1440, height: 900 } }),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // The browser logs every non-2xx response; the flows assert on what the page shows instead.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors };
}

/** Fills and submits the login form, returning the API's answer status. */
export async function submitLogin(page: Page, username: string, password: string): Promise<number> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
  return response.status();
}

/** Logs in through the UI and waits for the layout (the header: on a phone the menu is a closed drawer). */
export async function loginViaUi(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  const status = await submitLogin(page, username, password);
  if (status !== 200) throw new Error(`login as ${username} answered ${status}`);
  await page.getByTestId('user-menu').waitFor();
}

/** The labels of every menu entry in the sidebar (groups are open by default). */
export async function sideMenuLabels(page: Page): Promise<string[]> {
  const labels = await page.getByTestId('side-menu').locator('.ant-menu-title-content').allInnerTexts();
  return labels.map((l) => l.trim());
}

/**
 * Picks an option in an antd Select or TreeSelect by searching for it, checks that the field shows it,
 * then closes the dropdown by clicking `closeTarget` (Escape would also close a surrounding modal).
 */
export async function pickOption(page: Page, testId: string, search: string, label: string, closeTarget: Locator) {
  const select = page.getByTestId(testId);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await select.click();
  await select.locator('input').fill(search);
  // While the dropdown still slides in, the filtered list re-renders and a click can land on a replaced node.
  await page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])').waitFor();
  await dropdown
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: label })
    .first()
    .click();
  await select.locator(`[title="${label}"]`).waitFor({ timeout: 5000 });
  if (await dropdown.count()) await closeTarget.click();
  await dropdown.first().waitFor({ state: 'detached', timeout: 5000 });
}

/**
 * Clicks a Popconfirm's trigger, waits for the popup to finish opening (a click during its zoom-in can miss the
 * moving button), then clicks its OK button.
 */
export async function confirmPopup(page: Page, trigger: Locator, ok: RegExp = /确\s*定|OK/) {
  await trigger.click();
  const popup = page.locator('.ant-popconfirm:visible:not([class*="-appear"]):not([class*="-enter"])');
  await popup.waitFor();
  await popup.getByRole('button', { name: ok }).click();
}

/** The open Modal once its zoom-in has ended (a click or a typed value during it can miss the moving dialog). */
export async function settledModal(page: Page): Promise<Locator> {
  const modal = page.locator('.ant-modal:visible:not([class*="-appear"]):not([class*="-enter"])');
  await modal.waitFor();
  return modal;
}

/** The element's text (textContent: the assertions look for words, not for the rendered layout). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** One app serving the web UI and one Chromium for a whole test file (hooks registered here). */
export function webAppFixture(): { readonly app: TestApp; readonly browser: Browser } {
  const state: { app?: TestApp; browser?: Browser } = {};
  before(async () => {
    [state.app, state.browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  after(async () => {
    await state.browser?.close();
    await state.app?.close();
  });
  return {
    get app() {
      return state.app!;
    },
    get browser() {
      return state.browser!;
    },
  };
}

/** One app, one Chromium and a signed-in admin page for a whole test file (hooks registered here). */
export function adminSessionFixture(): { readonly app: TestApp; readonly admin: BrowserSession } {
  const state: { app?: TestApp; browser?: Browser; admin?: BrowserSession } = {};
  before(async () => {
    [state.app, state.browser] = await Promise.all([startWebApp(), launchBrowser()]);
    state.admin = await openSession(state.browser, state.app);
    await loginViaUi(state.admin.page, 'admin');
  });
  after(async () => {
    await state.admin?.context.close();
    await state.browser?.close();
    await state.app?.close();
  });
  return {
    get app() {
      return state.app!;
    },
    get admin() {
      return state.admin!;
    },
  };
}
