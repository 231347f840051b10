// Typed application errors. Each code maps to an HTTP status and to a message key in the locale catalogs,
// so routes translate them for the user and the API returns the code for programs.

/** Every error a use case may raise on purpose. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  throttled: 429,
} as const;

/** The code of an AppError. */
export type TErrorCode = keyof typeof ERROR_STATUS;

/** An error a person can act on; `messageKey` names a locale catalog entry, `params` fills it. */
export class AppError extends Error {
  constructor(
    public readonly code: TErrorCode,
    public readonly messageKey: string,
    public readonly params: Record<string, string | number> = {},
    public readonly fields: Record<string, string> = {},
  ) {
    super(`${code}: ${messageKey}`);
  }

  /** The HTTP status that matches the code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
