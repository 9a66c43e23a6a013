/** One parsed CSV record with its 1-based line number in the file (header = line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly values: Record<string, string>;
}

/** Splits RFC 4180 CSV text into rows of fields (quotes, doubled quotes, CRLF, a leading BOM). */
export function parseCsvRows(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f !== '')) rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  fields.push(field);
  if (fields.some((f) => f !== '')) rows.push({ line: rowLine, fields });
  return rows;
}

/** Parses CSV with a header row into records keyed by the header's trimmed names. */
export function parseCsv(text: string): { header: string[]; records: CsvRecord[] } {
  const [head, ...rest] = parseCsvRows(text);
  const header = (head?.fields ?? []).map((h) => h.trim());
  const records = rest.map(({ line, fields }) => ({
    line,
    values: Object.fromEntries(header.map((name, i) => [name, (fields[i] ?? '').trim()])),
  }));
  return { header, records };
}

/** Quotes one CSV field when it needs it. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
