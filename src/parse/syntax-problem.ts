import type { Location } from '../model/location.js'

/**
 * A problem found while reading a file's syntax. `detail` never contains file content: parser
 * messages that quote input (V8's JSON.parse does) could print a secret.
 */
export interface SyntaxProblem {
  /** `too-deep` and `too-long` are mcp-lint's own limits, not errors in the format. */
  readonly kind: 'syntax' | 'too-deep' | 'too-long' | 'empty'
  readonly detail: string
  readonly location: Location
}

/** Deeper nesting than any MCP config needs; recursive consumers (ajv, walkers) stay safe below it. */
export const MAX_DEPTH = 64

/**
 * The longest TOML string, key or value read, in UTF-16 code units: half the ~120,000 code points
 * at which toml-eslint-parser overflows the stack, and far above any prompt or certificate.
 */
export const MAX_TOKEN_LENGTH = 65_536
