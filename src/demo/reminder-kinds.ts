/** The kinds of reminder a chat can receive, scheduled or from a coordinator. */
export type ReminderKind = 'report_call' | 'missed' | 'countdown' | 'escalation' | 'broadcast';

// Recognised by how each message opens (src/bot/messages/remind-messages.ts): the demo counts what was
// delivered, not what the jobs intended.
const OPENINGS: readonly (readonly [ReminderKind, RegExp])[] = [
  ['report_call', /^⏰ .* chưa gửi báo cáo ngày/u],
  ['missed', /^📭 /u],
  ['countdown', /^⏳ Nhắc hạn/u],
  ['escalation', /^🚨 /u],
  ['broadcast', /^📢 Tin nhắc từ/u],
];

/** The reminder kind of a bot message, if it is one. */
export function reminderKind(text: string): ReminderKind | undefined {
  return OPENINGS.find(([, pattern]) => pattern.test(text))?.[0];
}
