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
    if (env.WEBHOOK_URL && env.PORT === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PORT'], message: CONFIG_RULES.requiredWithWebhook });
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
