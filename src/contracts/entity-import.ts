import { ZTimestamp } from './common.ts';
import { ZEntityListQuery } from './entities.ts';
import { ZJobStatus } from './jobs.ts';
import { z } from './zod.ts';

/** Upload cap: large enough for ~300 k rows of CSV, small enough to hold in one request's memory. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Rows per file; also bounds what a decompressed XLSX may expand to. */
export const IMPORT_MAX_ROWS = 500_000;
/** Errors kept in the job result; the full list is in the downloadable report. */
export const IMPORT_RESULT_ERRORS = 1000;

export const entityImportModes = {
  all: '全部校验通过才导入（有任何错误则不导入）',
  validOnly: '仅导入校验通过的行，其余行列入错误报告',
} as const;
export const ZEntityImportMode = z.enum(['all', 'validOnly']);
export type TEntityImportMode = z.infer<typeof ZEntityImportMode>;

/**
 * Columns of the import template, in template order. `key` is also accepted as an English header;
 * `registeredCapital` is in 元 (yuan), converted to fen on import.
 */
export const entityImportColumns = [
  { key: 'type', label: '主体类型', required: true, hint: '企业、个体工商户或农民专业合作社', example: '企业' },
  {
    key: 'uscc',
    label: '统一社会信用代码',
    required: true,
    hint: '18位，校验码须正确；第2位须与主体类型一致',
    example: '',
  },
  { key: 'name', label: '名称', required: true, hint: '至少2个字', example: '佛山市南海区示例贸易有限公司' },
  {
    key: 'address',
    label: '住所',
    required: true,
    hint: '住所（经营场所）',
    example: '佛山市南海区桂城街道南海大道1号',
  },
  {
    key: 'establishedOn',
    label: '成立日期',
    required: true,
    hint: '2024-03-15、2024/3/15、2024年3月15日或 Excel 日期',
    example: '2024-03-15',
  },
  { key: 'legalRepName', label: '法定代表人（经营者）', required: false, hint: '', example: '陈示例' },
  { key: 'legalRepIdNumber', label: '身份证号码', required: false, hint: '18位，校验码须正确', example: '' },
  { key: 'phone', label: '联系电话', required: false, hint: '手机号或带区号的固定电话', example: '13800138000' },
  {
    key: 'regionCode',
    label: '行政区划代码',
    required: false,
    hint: '6、9或12位；未填管辖所编码时据此确定管辖所',
    example: '440605011',
  },
  {
    key: 'stationCode',
    label: '管辖所编码',
    required: false,
    hint: '组织机构中市场监管所的编码，如 s01',
    example: 's01',
  },
  {
    key: 'industryCode',
    label: '行业代码',
    required: false,
    hint: 'GB/T 4754-2017，如 5191 或 F5191',
    example: '5191',
  },
  {
    key: 'registeredCapital',
    label: '注册资本（元）',
    required: false,
    hint: '单位为元，最多两位小数；可写“100万”',
    example: '1000000',
  },
  { key: 'businessScope', label: '经营范围', required: false, hint: '', example: '五金产品批发' },
] as const;

export type TEntityImportField = (typeof entityImportColumns)[number]['key'] | 'registeredCapitalFen';

export const ZEntityImportError = z.object({
  /** Row number as shown in Excel (the header is row 1); 0 for a problem with the whole file. */
  row: z.number().int(),
  column: z.string(),
  /** The cell as read; ID numbers and phones are masked. */
  value: z.string().optional(),
  reason: z.string(),
});
export type TEntityImportError = z.infer<typeof ZEntityImportError>;

export const ZEntityImportResult = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  imported: z.number().int(),
  errorCount: z.number().int(),
  /** Headers that matched no field; their values were ignored. */
  ignoredColumns: z.array(z.string()),
  errors: z.array(ZEntityImportError),
});
export type TEntityImportResult = z.infer<typeof ZEntityImportResult>;

export const ZEntityImportQuery = z.object({ mode: ZEntityImportMode.optional() });
export const ZEntityImportAccepted = z.object({ jobId: z.number().int() });
export const ZEntityImportParams = z.object({ jobId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const ZEntityImportStatus = z.object({
  jobId: z.number().int(),
  status: ZJobStatus,
  progressDone: z.number(),
  progressTotal: z.number().nullable(),
  message: z.string().nullable(),
  /** Why the job failed (a file that cannot be read, missing headers …), in Chinese. */
  error: z.string().nullable(),
  result: ZEntityImportResult.nullable(),
  createdAt: ZTimestamp,
  finishedAt: ZTimestamp.nullable(),
});
export type TEntityImportStatus = z.infer<typeof ZEntityImportStatus>;

export const ZSpreadsheetFormat = z.enum(['xlsx', 'csv']);
export const ZEntityTemplateQuery = z.object({ format: ZSpreadsheetFormat.default('xlsx') });
/** The list filters (same names and rules as GET /entities) plus the file format. */
export const ZEntityExportQuery = ZEntityListQuery.omit({ limit: true, cursor: true }).extend({
  format: ZSpreadsheetFormat.default('xlsx'),
});
export type TEntityExportQuery = z.infer<typeof ZEntityExportQuery>;
