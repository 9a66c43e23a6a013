import { badRequest } from './bot-api-error.js';

/** How the bot answered a button press. */
export interface CallbackAnswer {
  readonly text?: string;
  readonly showAlert?: boolean;
  readonly url?: string;
}

/** Callback queries handed to the bot, so answerCallbackQuery can be checked like Telegram does. */
export class CallbackQueryRegistry {
  readonly #queries = new Map<string, { answer: CallbackAnswer | undefined }>();
  #counter = 0;

  constructor(private readonly botId: number) {}

  /** A fresh query id (Telegram's are long decimal strings). */
  issue(): string {
    this.#counter += 1;
    const id = `${this.botId}${String(this.#counter).padStart(9, '0')}`;
    this.#queries.set(id, { answer: undefined });
    return id;
  }

  /** Record the answer; a query can be answered once, and only if it was issued. */
  answer(id: string, answer: CallbackAnswer): void {
    const query = this.#queries.get(id);
    if (query === undefined || query.answer !== undefined) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    query.answer = answer;
  }

  /** The answer given to a query, if any yet. */
  answerOf(id: string): CallbackAnswer | undefined {
    return this.#queries.get(id)?.answer;
  }
}
