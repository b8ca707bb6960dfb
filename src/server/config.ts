import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defaultFoodAppealPolicy, type FoodAppealPolicy } from '../domain/food-appeals.ts';
import { parseSigningKey } from '../domain/food-placard.ts';
import { DEFAULT_GEOFENCE_METRES } from '../domain/pharmacy.ts';
import { defaultImportLimits, type ImportLimits } from '../modules/entities/import/limits.ts';

/** Names proxy-addr understands for the usual private ranges. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [ip = '', bits, ...rest] = entry.split('/');
  const version = isIP(ip);
  if (!version || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = version === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * TRUST_PROXY: which X-Forwarded-For entries to believe. false (default): none, the socket address is the client;
 * a number: that many proxy hops in front; a comma-separated list: the proxies' IPs/CIDRs; true: every hop.
 */
export type TrustProxy = boolean | number | string[];

function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `应为 true/false、代理层数或以逗号分隔的 IP/CIDR，无法识别：${bad.join(', ')}`,
  });
  return z.NEVER;
}

/** The one place that reads process.env: parsed once at boot, failing fast with a clear message. */
export const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Streaming replicas for read-only work (analysis, exports, portal and open data, screen, search), comma-separated;
   * empty: the primary serves everything (docs/SCALING.md). Ignored on the embedded PGlite.
   */
  DATABASE_READ_URL: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .refine(
      (urls) => urls.every((u) => /^postgres(ql)?:\/\//.test(u)),
      'DATABASE_READ_URL 中每个地址都应以 postgres:// 或 postgresql:// 开头，多个地址以逗号分隔',
    ),
  /** A replica whose replay trails the primary by more than this is skipped until it catches up. */
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(5000),
  /** How often the replicas' health and lag are measured. */
  REPLICA_POLL_MS: z.coerce.number().int().min(20).default(500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  TRUST_PROXY: z.string().trim().default('false').transform(parseTrustProxy),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Key material for personal data at rest (ID numbers). Unset: a key file under DATA_DIR is created once. */
  SECRET_KEY: z.string().min(32, 'SECRET_KEY 至少32个字符').optional(),
  /**
   * Key of the audit log's checkpoints (HMAC of the chain head). Unset: a key file under DATA_DIR is created once;
   * the guarantee holds only while the key is kept off the database host (docs/AUDIT.md).
   */
  AUDIT_KEY: z.string().min(32, 'AUDIT_KEY 至少32个字符').optional(),
  /** A checkpoint is written once this many audit rows have been added since the last (checked every minute). */
  AUDIT_CHECKPOINT_EVERY: z.coerce.number().int().min(1).default(1000),
  /** Cap for one attachment (12315 evidence, inspection photos); larger uploads get a 422 naming the field. */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** 明厨亮灶 webhook: seconds either side of now an X-Timestamp is accepted (replay window). */
  KITCHEN_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** Events of one camera and type within this many minutes fold into one alert. */
  KITCHEN_DEDUPE_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  /** Alerts of one type at one business within KITCHEN_ESCALATION_DAYS that plan a follow-up inspection. */
  KITCHEN_FOLLOWUP_ALERTS: z.coerce.number().int().min(1).default(3),
  /** …that make a case lead (above the follow-up). */
  KITCHEN_CASE_LEAD_ALERTS: z.coerce.number().int().min(1).default(6),
  KITCHEN_ESCALATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Largest snapshot (decoded bytes) an alert may carry. */
  KITCHEN_SNAPSHOT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 * 1024)
    .default(1024 * 1024),
  /** 食品抽检 deadlines (docs/FOOD.md "抽检"): delivery to the lab, lab result, 复检 window (working days), 核查处置 (days). */
  FOOD_SAMPLING_DELIVERY_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  FOOD_SAMPLING_RESULT_WORKING_DAYS: z.coerce.number().int().min(1).max(120).default(20),
  FOOD_SAMPLING_RETEST_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  FOOD_SAMPLING_DISPOSAL_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  /** 红黑榜: a station without a published list of last month by this day of the month shows in its chief's inbox. */
  FOOD_HONOUR_PUBLISH_BY_DAY: z.coerce.number().int().min(1).max(28).default(10),
  /** Public (no-login) submissions per client IP per minute. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** 申诉、答复与复评 (docs/FOOD.md): calendar days to appeal a grade (a period ending on a rest day runs on). */
  FOOD_APPEAL_DAYS: z.coerce.number().int().min(1).max(90).default(defaultFoodAppealPolicy.FOOD_APPEAL_DAYS),
  FOOD_APPEAL_DECISION_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(60)
    .default(defaultFoodAppealPolicy.FOOD_APPEAL_DECISION_WORKING_DAYS),
  FOOD_REPLY_REVIEW_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30)
    .default(defaultFoodAppealPolicy.FOOD_REPLY_REVIEW_WORKING_DAYS),
  FOOD_REVISIT_INTERVAL_MONTHS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24)
    .default(defaultFoodAppealPolicy.FOOD_REVISIT_INTERVAL_MONTHS),
  FOOD_REVISIT_DECISION_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30)
    .default(defaultFoodAppealPolicy.FOOD_REVISIT_DECISION_WORKING_DAYS),
  FOOD_REVISIT_PLAN_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(defaultFoodAppealPolicy.FOOD_REVISIT_PLAN_WORKING_DAYS),
  /** 阳光药师 (docs/PHARMACIES.md): metres from a pharmacy a check-in may be made, unless the pharmacy sets its own. */
  PHARMACY_GEOFENCE_METRES: z.coerce.number().int().min(10).max(5000).default(DEFAULT_GEOFENCE_METRES),
  /** Tries per client IP per minute on the pharmacist's check-in routes (right or wrong link). */
  PHARMACIST_ACCESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Tries per client IP per minute on the food portal's access-code routes (right or wrong). */
  FOOD_ACCESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Tries per client IP per minute on the pharmacy phone page (重点药品购药登记): a counter registers many sales. */
  DRUG_ACCESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Public attachment uploads per client IP per minute (each up to FILE_MAX_BYTES, so fewer). */
  PUBLIC_UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /**
   * Comma-separated keys for Open311 partner systems; every request but the service list needs one (empty: Open311
   * files and answers nothing; the public has the portal form).
   */
  OPEN311_API_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  /** Open311 requests per api_key per minute (filing, listing and single lookups each count on their own). */
  OPEN311_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Open-data API (/api/open/v1) requests per client IP per minute: a harvester pages through the register. */
  OPEN_DATA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /**
   * Where the per-client request counters live. auto: in the database on PostgreSQL (every app node behind a proxy
   * counts against one limit, docs/SCALING.md), in memory on the embedded database (one process by construction).
   */
  RATE_LIMIT_STORE: z.enum(['auto', 'memory', 'database']).default('auto'),
  /** Upload-first attachments never claimed by a submission are deleted after this many hours (hourly job). */
  UPLOAD_UNCLAIMED_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /**
   * Id ranges the full credit-class recompute runs at a time on a PostgreSQL server (one backend each; the
   * recompute is CPU-bound, so more than the database server's cores only queues). PGlite runs one at a time.
   */
  CREDIT_RECOMPUTE_PARALLEL: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  /**
   * Connections a spot-check draw reads its pool with at a time on a PostgreSQL server, sharing one snapshot: the
   * freeze's 1 M-id chunks, the draw's pool parts. PGlite reads them in turn. At most 8: with the draw's own
   * transaction that is 9 of the pool's 10 connections (one waiting past the pool's 10 s would fail the draw).
   */
  DRAW_PARALLEL: z.coerce.number().int().min(1).max(8).default(Math.min(availableParallelism(), 8)),
  /** CJK font embedded in decision documents (PDF); unset: common system fonts are tried (fonts-noto-cjk first). */
  CJK_FONT_PATH: z.string().min(1).optional(),
  /** PostScript name inside a .ttc collection, e.g. NotoSansCJKsc-Regular; not needed for .ttf/.otf. */
  CJK_FONT_NAME: z.string().min(1).optional(),
  /** Entity import (XLSX/CSV) bounds, checked while the file streams; a file beyond one fails with a Chinese reason. */
  IMPORT_MAX_UNZIPPED_BYTES: z.coerce.number().int().min(1024).default(defaultImportLimits.maxUnzippedBytes),
  /** XLSX shared-string table, held in memory while the sheet is read. */
  IMPORT_MAX_SHARED_STRINGS_BYTES: z.coerce.number().int().min(1024).default(defaultImportLimits.maxSharedStringsBytes),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(defaultImportLimits.maxRows),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().min(20).max(16_384).default(defaultImportLimits.maxColumns),
  IMPORT_MAX_CELL_CHARS: z.coerce.number().int().min(100).default(defaultImportLimits.maxCellChars),
  /** Heap of the thread that parses an import: a file that needs more kills that thread, not the server. */
  IMPORT_WORKER_MAX_HEAP_MB: z.coerce.number().int().min(16).default(defaultImportLimits.workerHeapMb),
  /**
   * Ed25519 key that signs food placards' QR codes: PKCS#8 PEM (`openssl genpkey -algorithm ed25519`), `\n`-escaped
   * PEM or its one-line base64 body. Unset: one key is generated once and kept in the database (docs/FOOD.md).
   */
  PLACARD_SIGNING_KEY: z
    .string()
    .trim()
    .min(1)
    .optional()
    .superRefine((v, ctx) => {
      if (!v) return;
      try {
        parseSigningKey(v);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          message: `无法读取 Ed25519 私钥（PKCS#8 PEM 或 base64）：${(err as Error).message}`,
        });
      }
    }),
  JOB_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** On SIGTERM/SIGINT: how long running requests may take to finish before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  WORKERS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type TConfig = z.infer<typeof ZConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (环境变量配置错误):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The entity import's bounds from the configuration. */
/** The appeal, reply and re-rating periods (src/domain/food-appeals.ts has the defaults). */
export function foodAppealPolicy(config: TConfig): FoodAppealPolicy {
  return {
    FOOD_APPEAL_DAYS: config.FOOD_APPEAL_DAYS,
    FOOD_APPEAL_DECISION_WORKING_DAYS: config.FOOD_APPEAL_DECISION_WORKING_DAYS,
    FOOD_REPLY_REVIEW_WORKING_DAYS: config.FOOD_REPLY_REVIEW_WORKING_DAYS,
    FOOD_REVISIT_INTERVAL_MONTHS: config.FOOD_REVISIT_INTERVAL_MONTHS,
    FOOD_REVISIT_DECISION_WORKING_DAYS: config.FOOD_REVISIT_DECISION_WORKING_DAYS,
    FOOD_REVISIT_PLAN_WORKING_DAYS: config.FOOD_REVISIT_PLAN_WORKING_DAYS,
  };
}

export function importLimits(config: TConfig): ImportLimits {
  return {
    maxUnzippedBytes: config.IMPORT_MAX_UNZIPPED_BYTES,
    maxSharedStringsBytes: config.IMPORT_MAX_SHARED_STRINGS_BYTES,
    maxRows: config.IMPORT_MAX_ROWS,
    maxColumns: config.IMPORT_MAX_COLUMNS,
    maxCellChars: config.IMPORT_MAX_CELL_CHARS,
    workerHeapMb: config.IMPORT_WORKER_MAX_HEAP_MB,
  };
}
