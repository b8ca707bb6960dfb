/**
 * 强制性产品认证 (3C) certificate numbers as checked here (verify against CNCA's current numbering rules):
 * 16 digits = year of issue (4, 2002 … next year) + 认证机构 code (2, 01–99) + 产品类别 code (4, the CCC catalogue's
 * code, e.g. 0901) + serial (6). Example: 2021010901123456 = 2021, CB 01, product 0901, serial 123456.
 */
export interface CccNumber {
  year: number;
  bodyCode: string;
  productCode: string;
  serial: string;
}

export type CccCheck = { ok: true; value: CccNumber } | { ok: false; reason: string };

export function checkCccNumber(raw: string, currentYear: number): CccCheck {
  const no = raw.trim();
  if (!/^\d{16}$/.test(no))
    return { ok: false, reason: '3C 证书编号应为 16 位数字（年份4位+认证机构2位+产品类别4位+序号6位）' };
  const year = Number(no.slice(0, 4));
  if (year < 2002 || year > currentYear + 1)
    return { ok: false, reason: `3C 证书编号的年份 ${year} 不在 2002–${currentYear + 1} 之间` };
  const bodyCode = no.slice(4, 6);
  if (bodyCode === '00') return { ok: false, reason: '3C 证书编号的认证机构代码不能为 00' };
  return { ok: true, value: { year, bodyCode, productCode: no.slice(6, 10), serial: no.slice(10) } };
}
