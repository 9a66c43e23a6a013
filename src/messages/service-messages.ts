// What the operator reads when `sohoa start` stops by itself: one line each, saying what failed and
// what to check, because a supervisor's log is often all they have.

/** A call to the platform that must succeed at start failed (getMe, setWebhook, deleteWebhook). */
export function startCallFailedMessage(call: string, detail: string): string {
  return (
    `Không khởi động được: Telegram trả lỗi khi gọi ${call} (${detail}). ` +
    'Kiểm tra TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, WEBHOOK_URL và mạng rồi chạy lại; tiến trình đã dừng.'
  );
}

/** A loop of the running service stopped on its own. */
export function loopStoppedMessage(loop: string, detail: string | undefined): string {
  return (
    `Dịch vụ đã dừng vì vòng xử lý «${loop}» ngừng chạy${detail ? ` (${detail})` : ''}. ` +
    'Trình giám sát (systemd, Docker…) cần khởi động lại tiến trình.'
  );
}

/** `sohoa start` without a bot token. */
export const MISSING_TOKEN_MESSAGE =
  'Chưa đặt TELEGRAM_BOT_TOKEN: đặt mã bot lấy từ @BotFather (TELEGRAM_BOT_TOKEN=123456:ABC… npm start), ' +
  'hoặc chạy thử toàn bộ chiến dịch không cần mạng bằng npm run demo.';
