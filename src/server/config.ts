import { z } from 'zod';

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
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Key material for personal data at rest (ID numbers). Unset: a key file under DATA_DIR is created once. */
  SECRET_KEY: z.string().min(32, 'SECRET_KEY 至少32个字符').optional(),
  /** Cap for one attachment (12315 evidence, inspection photos); larger uploads get a 422 naming the field. */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Public (no-login) submissions per client IP per minute. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
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
  /** Upload-first attachments never claimed by a submission are deleted after this many hours (hourly job). */
  UPLOAD_UNCLAIMED_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** CJK font embedded in decision documents (PDF); unset: common system fonts are tried (fonts-noto-cjk first). */
  CJK_FONT_PATH: z.string().min(1).optional(),
  /** PostScript name inside a .ttc collection, e.g. NotoSansCJKsc-Regular; not needed for .ttf/.otf. */
  CJK_FONT_NAME: z.string().min(1).optional(),
  JOB_POLL_MS: z.coerce.number().int().min(50).default(1000),
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
