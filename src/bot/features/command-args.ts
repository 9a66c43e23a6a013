/** The text after a `/command` or `/command@bot` (trimmed; empty when none). */
export function commandArgs(text: string): string {
  return text.replace(/^\/\S+/, '').trim();
}

/** How to address a Telegram user: first and last name, else the username. */
export function displayName(from: { first_name: string; last_name?: string; username?: string }): string {
  const name = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return (name || from.username || 'bạn').normalize('NFC');
}
