/** Bounds on one server's enumeration; kept apart from the MCP client so loading them costs nothing. */
export interface EnumerationLimits {
  readonly initializeMs: number
  readonly listMs: number
  /** The whole server: start, initialise, list, count. */
  readonly totalMs: number
  readonly maxPages: number
  readonly maxTools: number
  /** Largest single message a server may send. */
  readonly maxMessageBytes: number
}

export const defaultLimits: EnumerationLimits = {
  initializeMs: 30_000,
  listMs: 15_000,
  totalMs: 45_000,
  maxPages: 64,
  maxTools: 2_000,
  maxMessageBytes: 16 * 1024 * 1024
}
