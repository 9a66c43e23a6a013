/** A short description of an error for the outbox row and the logs (never the message's content). */
export function describeDeliveryError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
