import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUserAgent } from '../../web/src/lib/user-agent.ts';

const cases: [ua: string, browser: string | undefined, os: string | undefined][] = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome 131',
    'Windows 10/11',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
    'Edge 131',
    'Windows 10/11',
  ],
  ['Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0', 'Firefox 115', 'Windows 7'],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    'Safari 17',
    'macOS 10.15',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49(0x18003129) NetType/WIFI Language/zh_CN',
    'WeChat 8',
    'iOS 17.5',
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; V2241A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.230 Mobile Safari/537.36',
    'Chrome 120',
    'Android 14',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.95 Safari/537.36 QIHU 360SE',
    '360',
    'Windows 10/11',
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
    'Chrome 140',
    'Linux',
  ],
  ['curl/8.5.0', 'curl', undefined],
  ['something else entirely', undefined, undefined],
];

test('browser and OS families with their major version', () => {
  for (const [ua, browser, os] of cases) {
    assert.deepEqual(parseUserAgent(ua), { browser, os }, ua);
  }
});

test('no user agent parses to nothing', () => {
  assert.deepEqual(parseUserAgent(null), {});
  assert.deepEqual(parseUserAgent(''), {});
});
