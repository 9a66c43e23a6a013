import type { z } from 'zod';
import { CampaignFileError } from '../domain/errors.js';
import { configMessages } from '../messages/config-messages.js';

/**
 * Parses one CSV record with its row schema; a bad cell becomes a CampaignFileError naming the file, the
 * line, the column and the value, so every CSV the campaign folder holds refuses bad input alike.
 */
export function parseCsvRecord<T>(
  schema: z.ZodType<T>,
  values: Readonly<Record<string, string>>,
  file: string,
  line: number,
): T {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new CampaignFileError(
    configMessages.cellValue(
      file,
      line,
      field,
      values[field] ?? '',
      issue?.message ?? configMessages.invalid,
    ),
    file,
    line,
    field,
  );
}
