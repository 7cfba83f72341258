/** Expected failures, shown to the user translated (messages: errors.<code>). */
export type AppErrorCode = "forbidden" | "notFound" | "invalidInput" | "conflict" | "twoFactorRequired";

export class AppError extends Error {
  constructor(public readonly code: AppErrorCode) {
    super(code);
    this.name = "AppError";
  }
}
