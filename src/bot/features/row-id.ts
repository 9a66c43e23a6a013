/** The largest id a PostgreSQL `integer` (serial) column holds. */
const MAX_ROW_ID = 2_147_483_647;

/**
 * A row id that came from outside (a button's data, a typed number): any client can send any text, so
 * anything that is not a positive integer the database can hold is refused here, never by a database
 * error.
 */
export function parseRowId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_ROW_ID ? id : undefined;
}
