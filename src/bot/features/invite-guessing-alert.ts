import type { NewOutboxMessage } from '../../db/outbox.repository.js';
import { inviteGuessingAlert } from '../../messages/common-messages.js';
import type { InviteGuessingAlert } from '../../services/invite.service.js';

/**
 * The messages telling the province's coordinators that invite codes are being guessed: one per
 * coordinator per hour (the dedupe key names the hour), enqueued with the refusal that found it out.
 */
export function inviteGuessingAlertMessages(
  alert: InviteGuessingAlert | undefined,
  timeZone: string,
): NewOutboxMessage[] {
  if (!alert) return [];
  const text = inviteGuessingAlert(alert.failures, alert.hourStart, timeZone);
  return alert.recipients.map((r) => ({
    dedupeKey: `${alert.dedupeKey}:${r.platform}:${r.chatId}`,
    platform: r.platform,
    chatId: r.chatId,
    kind: 'text',
    payload: { text },
  }));
}
