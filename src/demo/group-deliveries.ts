import { localDate } from '../domain/local-time.js';
import type { ChatEntry, ChatInfo } from './chat-log.js';
import type { GroupDeliveries } from './demo-summary.js';

/**
 * What a leadership group received on each evening, counted from the deliveries. Texts and files are
 * counted once per content: the same chart twice in one evening is a double delivery.
 */
export function groupDeliveries(
  group: ChatInfo,
  entries: readonly ChatEntry[],
  timeZone: string,
  eveningFrom: string,
): GroupDeliveries {
  const evenings = new Map<string, ChatEntry[]>();
  for (const entry of entries) {
    if (entry.chatId !== group.id || entry.side !== 'bot') continue;
    const date = localDate(entry.at, timeZone);
    const time = entry.at.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    if (time < eveningFrom) continue;
    evenings.set(date, [...(evenings.get(date) ?? []), entry]);
  }
  let received = 0;
  let charts = 0;
  let pdfs = 0;
  let doubled = 0;
  for (const list of evenings.values()) {
    const dayCharts = list.filter((e) => e.kind === 'photo').length;
    const dayPdfs = list.filter((e) => e.kind === 'document').length;
    if (dayCharts > 0 && dayPdfs > 0) received++;
    charts += dayCharts;
    pdfs += dayPdfs;
    const keys = list.map((e) => `${e.kind}:${e.fileName ?? ''}:${e.text}`);
    if (new Set(keys).size < keys.length) doubled++;
  }
  return { title: group.title, evenings: received, charts, pdfs, doubled };
}
