/**
 * Browser and operating system from a User-Agent header, for the login log. Deliberately small: the families a
 * bureau's staff use (Chrome, Edge, Firefox, Safari, the Chinese shells 360/QQ/Sogou, WeChat, DingTalk), with the
 * major version; anything else answers undefined so the page shows the raw string. Order matters: shells and
 * Edge/Opera carry "Chrome/" and "Safari/" too, so they are tested first.
 */
export interface ParsedUserAgent {
  browser?: string;
  os?: string;
}

const browsers: [name: string, pattern: RegExp][] = [
  ['WeChat', /MicroMessenger\/(\d+)/],
  ['DingTalk', /DingTalk\/(\d+)/],
  ['QQ Browser', /QQBrowser\/(\d+)/],
  ['Sogou', /(?:SE \d|MetaSr|SogouMobileBrowser)\s*([\d]+)?/],
  ['360', /(?:QihooBrowser|360SE|360EE|QHBrowser)\/?(\d+)?/],
  ['UC Browser', /UCBrowser\/(\d+)/],
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Internet Explorer', /(?:MSIE |Trident\/.*rv:)(\d+)/],
  ['Safari', /Version\/(\d+)(?:\.\d+)*.*Safari\//],
];

const windowsVersions: Record<string, string> = {
  '10.0': '10/11',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
  '6.0': 'Vista',
  '5.1': 'XP',
};

function osOf(ua: string): string | undefined {
  const windows = /Windows NT (\d+\.\d+)/.exec(ua);
  if (windows?.[1]) return `Windows ${windowsVersions[windows[1]] ?? windows[1]}`;
  // iPadOS 13+ reports itself as a Mac; only the touch check in a browser tells them apart, not the header.
  const ios = /(?:iPhone|iPad|iPod).*? OS (\d+)(?:_(\d+))?/.exec(ua);
  if (ios?.[1]) return `iOS ${ios[1]}${ios[2] ? `.${ios[2]}` : ''}`;
  const android = /Android (\d+(?:\.\d+)?)/.exec(ua);
  if (android?.[1]) return `Android ${android[1]}`;
  if (/HarmonyOS|OpenHarmony/.test(ua)) return 'HarmonyOS';
  const mac = /Mac OS X (\d+)[._](\d+)/.exec(ua);
  if (mac?.[1]) return `macOS ${mac[1]}.${mac[2]}`;
  if (/Macintosh/.test(ua)) return 'macOS';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/UOS|Deepin/i.test(ua)) return 'UOS';
  if (/Kylin/i.test(ua)) return 'Kylin';
  if (/Linux/.test(ua)) return 'Linux';
  return undefined;
}

function browserOf(ua: string): string | undefined {
  for (const [name, pattern] of browsers) {
    const m = pattern.exec(ua);
    if (m) return m[1] ? `${name} ${m[1]}` : name;
  }
  if (/^curl\//.test(ua)) return 'curl';
  return undefined;
}

export function parseUserAgent(ua: string | null | undefined): ParsedUserAgent {
  if (!ua) return {};
  return { browser: browserOf(ua), os: osOf(ua) };
}
