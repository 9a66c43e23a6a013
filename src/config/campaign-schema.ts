import { z } from 'zod';
import { METRIC_CODES, type CampaignFile } from '../domain/campaign-file.js';
import './zod-locale.js';
import { CONFIG_RULES } from '../messages/config-messages.js';
import { DEFAULT_LEVEL_CODES, KNOWN_LEVELS } from '../messages/unit-label-messages.js';
import type { LevelDefinition } from '../domain/unit.js';

// The domain owns these types; config only validates files into them. Re-exported for older importers.
const isoDate = z.iso.date({ error: CONFIG_RULES.isoDate });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, CONFIG_RULES.clockTime);

const metricSchema = z.strictObject({
  code: z.enum(METRIC_CODES),
  label: z.string().min(1),
  short: z.string().min(1),
  aliases: z.array(z.string().min(1)).min(1),
});

const milestoneSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/, CONFIG_RULES.code),
  title: z.string().min(1),
  metric: z.enum(METRIC_CODES),
  deadline: isoDate,
});

const filesSchema = z.strictObject({
  maxBytes: z.int().positive().default(102_400),
  minDpi: z.int().positive().default(100),
  minYear: z.int().min(1800).default(1900),
  blankInkPercent: z.number().min(0).max(100).default(0.1),
  nameRule: z.string().default('<TYPE>.<YYYY>.<BOOK>.<NO>.pdf'),
  typeCodes: z.record(z.string().regex(/^[A-Z]{2,6}$/, CONFIG_RULES.typeCode), z.string().min(1)),
  retentionDays: z.int().min(0).default(30),
  /** How many accepted samples per commune keep their bytes (good examples); rejected ones always do. */
  keepAcceptedPerUnit: z.int().min(0).default(3),
  /** The converter's clean-up steps, each on unless the campaign turns it off. */
  convert: z
    .strictObject({
      orientation: z.boolean().default(true),
      trim: z.boolean().default(true),
      grayscale: z.boolean().default(true),
      normalize: z.boolean().default(true),
    })
    .prefault({}),
});

const remindersSchema = z.strictObject({
  reportCall: clockTime.default('16:00'),
  missedMorning: clockTime.default('08:00'),
  countdownDays: z.array(z.int().min(0)).default([3, 1, 0]),
  countdownTime: clockTime.default('08:00'),
  escalateAfterDays: z.int().min(1).default(2),
  graceMinutes: z.int().min(0).default(60),
  /** Per-job grace window (job name → minutes), overriding `graceMinutes`: how late a missed slot still runs. */
  jobGraceMinutes: z.record(z.string().regex(/^[a-z-]+$/), z.int().min(0)).default({}),
});

// Telegram's flood limits and the sender's patience; the defaults are Telegram's documented values.
const deliverySchema = z.strictObject({
  globalPerSecond: z.number().positive().default(30),
  perChatPerSecond: z.number().positive().default(1),
  perChatBurst: z.int().min(1).default(10),
  perGroupPerMinute: z.int().min(1).default(20),
  maxAttempts: z.int().min(1).default(8),
  // A shorter lease retries a dead instance's sends sooner, and widens the window in which they double.
  // At least 15 s: a call's timeout, a rate-limit wait and 10 s of bookkeeping must fit inside it.
  leaseSeconds: z.int().min(15).max(3600).default(60),
});

const paceSchema = z
  .strictObject({
    behindRatio: z.number().gt(0).lte(1).default(0.9),
    farBehindRatio: z.number().gt(0).lte(1).default(0.7),
  })
  .refine((p) => p.farBehindRatio <= p.behindRatio, {
    message: CONFIG_RULES.farBehindRatio,
  });

// A level is a known code ("province", "district", "cluster", "commune") or a code with its own name.
const levelCode = z.string().regex(/^[a-z][a-z0-9-]*$/, CONFIG_RULES.code);
const levelSchema = z.union([
  levelCode,
  z.strictObject({ code: levelCode, name: z.string().min(1), longName: z.string().min(1).optional() }),
]);

const levelsSchema = z
  .array(levelSchema)
  .min(2)
  // The scope queries follow a commune up two parents (commune → middle level → province).
  .max(3, CONFIG_RULES.levelCount)
  .default([...DEFAULT_LEVEL_CODES])
  .transform((levels, ctx): LevelDefinition[] =>
    levels.map((level, i) => {
      if (typeof level !== 'string') return level;
      const known = KNOWN_LEVELS[level];
      if (known) return known;
      ctx.addIssue({ code: 'custom', path: [i], message: CONFIG_RULES.levelName(level) });
      return { code: level, name: level };
    }),
  )
  .superRefine((levels, ctx) => {
    const codes = levels.map((l) => l.code);
    if (codes[0] !== 'province' || codes[codes.length - 1] !== 'commune') {
      ctx.addIssue({ code: 'custom', path: [], message: CONFIG_RULES.levelEnds });
    }
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) {
        ctx.addIssue({ code: 'custom', path: [i], message: CONFIG_RULES.duplicateLevel(code) });
      }
    });
  });

// The plan's curve: linear by calendar day from the start to each deadline, or working days only.
const planSchema = z.strictObject({
  curve: z.enum(['linear', 'working-days']).default('linear'),
});

// How long chat text (messages, names, file names in the inbox and outbox) is kept after it was received.
const retentionSchema = z.strictObject({
  chatDays: z.int().min(1).max(3650).default(30),
});

/** Schema of a campaign's `campaign.json`; it produces the domain's `CampaignFile`. */
export const campaignFileSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9-]+$/, CONFIG_RULES.code),
    name: z.string().min(1),
    province: z.strictObject({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) }),
    levels: levelsSchema,
    requireTargets: z.boolean().default(false),
    timeZone: z.string().refine(isKnownTimeZone, CONFIG_RULES.timeZone),
    startDate: isoDate,
    endDate: isoDate,
    reportCutoff: clockTime,
    summaryTime: clockTime.default('17:30'),
    metrics: z.array(metricSchema).length(METRIC_CODES.length),
    milestones: z.array(milestoneSchema).min(1),
    files: filesSchema,
    reminders: remindersSchema.prefault({}),
    pace: paceSchema.prefault({}),
    plan: planSchema.prefault({}),
    inviteValidDays: z.int().min(1).max(365).default(30),
    // Wrong invite codes the whole campaign accepts per hour before refusing every code (guessing).
    inviteGuessesPerHour: z.int().min(1).default(50),
    // How long a personal web link (`/web`) and the session it opens stay valid.
    webLinkValidDays: z.int().min(1).max(90).default(7),
    retention: retentionSchema.prefault({}),
    delivery: deliverySchema.prefault({}),
  })
  .superRefine((c, ctx) => {
    if (c.startDate > c.endDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: CONFIG_RULES.endDate });
    }
    const codes = c.metrics.map((m) => m.code);
    for (const code of METRIC_CODES) {
      if (!codes.includes(code)) {
        ctx.addIssue({ code: 'custom', path: ['metrics'], message: CONFIG_RULES.missingMetric(code) });
      }
    }
    const seen = new Map<string, string>();
    c.metrics.forEach((m, i) =>
      m.aliases.forEach((alias, j) => {
        const key = alias.normalize('NFC').toLowerCase();
        const owner = seen.get(key);
        if (owner && owner !== m.code) {
          ctx.addIssue({
            code: 'custom',
            path: ['metrics', i, 'aliases', j],
            message: CONFIG_RULES.aliasTaken(alias, owner),
          });
        }
        seen.set(key, m.code);
      }),
    );
    const milestoneCodes = new Set<string>();
    c.milestones.forEach((m, i) => {
      if (milestoneCodes.has(m.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'code'],
          message: CONFIG_RULES.duplicateMilestone(m.code),
        });
      }
      milestoneCodes.add(m.code);
    });
  }) satisfies z.ZodType<CampaignFile>;

// `satisfies` proves every parsed file is a CampaignFile; this proves the schema has no field the domain
// type lacks, so the two cannot drift apart in either direction.
type SchemaOnlyKeys = Exclude<keyof z.output<typeof campaignFileSchema>, keyof CampaignFile>;
const schemaMatchesDomain: [SchemaOnlyKeys] extends [never] ? true : never = true;
void schemaMatchesDomain;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
