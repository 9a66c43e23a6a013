import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import './zod-locale.js';

const optionalText = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const envSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalText.pipe(
      z
        .string()
        .regex(/^\d+:[\w-]+$/, 'không đúng dạng mã bot của Telegram (số:chuỗi ký tự, lấy từ @BotFather)')
        .optional(),
    ),
    TELEGRAM_API_ROOT: optionalText.pipe(
      z.url('phải là một địa chỉ URL').default('https://api.telegram.org'),
    ),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')
        .optional(),
    ),
    DATA_DIR: optionalText.pipe(z.string().default('./data')),
    CAMPAIGN_DIR: optionalText.pipe(z.string().default('campaigns/quang-tri-2025')),
    WEBHOOK_URL: optionalText.pipe(
      z.url({ protocol: /^https$/, error: 'phải là địa chỉ https:// công khai' }).optional(),
    ),
    WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, 'cần 16–256 ký tự gồm chữ, số, _ hoặc -')
        .optional(),
    ),
    PORT: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, 'phải là số cổng từ 1 đến 65535')
        .transform(Number)
        .pipe(z.int().min(1, 'phải là số cổng từ 1 đến 65535').max(65535, 'phải là số cổng từ 1 đến 65535'))
        .optional(),
    ),
    LOG_LEVEL: optionalText.pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    SOHOA_NOW: optionalText.pipe(
      z.iso
        .datetime({
          offset: true,
          error: 'phải là thời điểm ISO có múi giờ, ví dụ 2025-03-10T16:00:00+07:00',
        })
        .transform((v) => new Date(v))
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // Webhook mode is all-or-nothing: a URL without its secret would accept forged updates.
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'bắt buộc khi đặt WEBHOOK_URL' });
    }
    if (env.WEBHOOK_URL && env.PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PORT'], message: 'bắt buộc khi đặt WEBHOOK_URL' });
    }
  });

/** The service's configuration, parsed once at start and frozen. */
export type EnvConfig = Readonly<z.infer<typeof envSchema>>;

/** Parses the environment; throws a ConfigError naming the first bad variable. */
export function parseEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'môi trường');
    throw new ConfigError(`Biến môi trường ${variable}: ${issue?.message ?? 'không hợp lệ'}.`, variable);
  }
  return Object.freeze(result.data);
}
