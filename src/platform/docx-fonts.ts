/**
 * 公文 fonts for DOCX by name (GB/T 9704: titles in 小标宋, body in 仿宋_GB2312; the reader's Word substitutes what it
 * lacks), with Latin fallbacks. Sizes in docx are half-points: 三号 (16 pt) is 32.
 */
export const DOCX_TITLE_FONT = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '方正小标宋简体' };
export const DOCX_BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
