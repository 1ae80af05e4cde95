import type { Location } from '../source.js'

/**
 * A problem found while reading a file's syntax. `detail` never contains file content: parser
 * messages that quote input (V8's JSON.parse does) could print a secret.
 */
export interface SyntaxProblem {
  readonly kind: 'syntax' | 'too-deep' | 'empty'
  readonly detail: string
  readonly location: Location
}

/** Deeper nesting than any MCP config needs; recursive consumers (ajv, walkers) stay safe below it. */
export const MAX_DEPTH = 64
