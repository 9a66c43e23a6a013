import { z } from 'zod';
import { ConfigError } from '../domain/errors.js';
import './zod-locale.js';
import { CONFIG_RULES, configMessages } from '../messages/config-messages.js';

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
        .regex(/^\d+:[\w-]+$/, CONFIG_RULES.botToken)
        .optional(),
    ),
    TELEGRAM_API_ROOT: optionalText.pipe(z.url(CONFIG_RULES.url).default('https://api.telegram.org')),
    // Set: the Zalo Bot Platform channel runs beside Telegram (same database, campaign and jobs).
    ZALO_BOT_TOKEN: optionalText,
    ZALO_BOT_API_ROOT: optionalText.pipe(
      z.url(CONFIG_RULES.url).default('https://bot-api.zaloplatforms.com'),
    ),
    // The Zalo Official Account channel: all four of app id, app secret, webhook secret key and token key, or none.
    ZALO_OA_APP_ID: optionalText,
    ZALO_OA_APP_SECRET: optionalText,
    ZALO_OA_SECRET_KEY: optionalText,
    ZALO_OA_TOKEN_KEY: optionalText.pipe(z.string().min(16, CONFIG_RULES.zaloOaTokenKey).optional()),
    ZALO_OA_API_ROOT: optionalText.pipe(z.url(CONFIG_RULES.url).default('https://openapi.zalo.me')),
    ZALO_OAUTH_ROOT: optionalText.pipe(z.url(CONFIG_RULES.url).default('https://oauth.zaloapp.com')),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, CONFIG_RULES.databaseUrl)
        .optional(),
    ),
    DATA_DIR: optionalText.pipe(z.string().default('./data')),
    CAMPAIGN_DIR: optionalText.pipe(z.string().default('campaigns/quang-tri-2025')),
    WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https$/, error: CONFIG_RULES.webhookUrl }).optional()),
    WEBHOOK_SECRET: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, CONFIG_RULES.webhookSecret)
        .optional(),
    ),
    PORT: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, CONFIG_RULES.port)
        .transform(Number)
        .pipe(z.int().min(1, CONFIG_RULES.port).max(65535, CONFIG_RULES.port))
        .optional(),
    ),
    // The web side's public address (links are built on it); set: the web pages are served on PORT.
    WEB_BASE_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: CONFIG_RULES.webBaseUrl })
        .transform((v) => v.replace(/\/+$/, ''))
        .optional(),
    ),
    // Signs media addresses and CSRF tokens; unset: a random secret is made once and kept in the database.
    WEB_SECRET: optionalText.pipe(z.string().min(32, CONFIG_RULES.webSecret).optional()),
    // Behind a reverse proxy: take the client address from X-Forwarded-For (link attempts are per address).
    WEB_TRUST_PROXY: optionalText
      .pipe(z.enum(['0', '1', 'true', 'false']).default('0'))
      .transform((v) => v === '1' || v === 'true'),
    LOG_LEVEL: optionalText.pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    SOHOA_NOW: optionalText.pipe(
      z.iso
        .datetime({
          offset: true,
          error: CONFIG_RULES.instant,
        })
        .transform((v) => new Date(v))
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // Webhook mode is all-or-nothing: a URL without its secret would accept forged updates.
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: CONFIG_RULES.requiredWithWebhook });
    }
    // The OA is all-or-nothing: without its secret key forged events would be accepted, without its
    // token key the tokens could not be stored.
    const oa = ['ZALO_OA_APP_ID', 'ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_TOKEN_KEY'] as const;
    if (oa.some((name) => env[name] !== undefined)) {
      for (const name of oa.filter((n) => env[n] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [name], message: CONFIG_RULES.requiredWithZaloOa });
      }
    }
    if (env.WEBHOOK_URL && env.PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PORT'], message: CONFIG_RULES.requiredWithWebhook });
    }
    if (env.WEB_BASE_URL && env.PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PORT'], message: CONFIG_RULES.requiredWithWeb });
    }
  });

/** The service's configuration, parsed once at start and frozen. */
export type EnvConfig = Readonly<z.infer<typeof envSchema>>;

/** Parses the environment; throws a ConfigError naming the first bad variable. */
export function parseEnvConfig(env: NodeJS.ProcessEnv): EnvConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? configMessages.envVariableFallback);
    throw new ConfigError(
      configMessages.envInvalid(variable, issue?.message ?? configMessages.invalid),
      variable,
    );
  }
  return Object.freeze(result.data);
}
