import type { Certainty } from './certainty.js'

/** The ways MCP configs write a reference to an environment variable or editor variable. */
export type InterpolationSyntax =
  /** `${VAR}` */
  | 'brace'
  /** `${VAR:-default}` */
  | 'brace-default'
  /** `$VAR` */
  | 'bare'
  /** `{env:VAR}` (OpenCode) */
  | 'curly-env'
  /** `${{ secrets.VAR }}` (Continue), filled from .env files and the environment */
  | 'secrets-template'

export interface Interpolation {
  readonly certainty: Certainty
  readonly syntaxes: readonly InterpolationSyntax[]
  /** `${prefix:…}` forms the platform expands: `env`, `input`, `config`, … */
  readonly prefixes: readonly string[]
  /** Named `${variable}`s the platform predefines (`workspaceFolder`, `userHome`, …). */
  readonly variables: readonly string[]
  /** Server fields whose strings are expanded; `all` for every string. */
  readonly fields: 'all' | readonly string[]
  /** How an env reference should be written here, or undefined when the platform has no syntax. */
  readonly preferred: 'brace' | 'env-prefix' | 'curly-env' | 'secrets-template' | undefined
  /** What to do instead when the platform expands nothing; `{name}` is the variable's name. */
  readonly advice?: string
  /**
   * Verified: reference syntaxes whose mere presence makes the client refuse the whole file (Kilo
   * refuses `{env:VAR}` in project files, which it treats as untrusted).
   */
  readonly refuses?: {
    readonly syntaxes: readonly InterpolationSyntax[]
    readonly consequence: string
    readonly verified: string
  }
  /**
   * How to keep a secret out of the file when the platform expands nothing and the usual advice
   * (set it in the environment the client starts from) does not hold; `{name}` is the variable's name.
   */
  readonly secretAdvice?: string
  /**
   * The platform expands a command substitution (`$(…)`, backticks) in these fields when it
   * starts the server: a command the repository wrote runs on the user's machine (Crush).
   */
  readonly commandSubstitution?: { readonly verified: string }
  /**
   * Verified: the platform starts the server with a reference it does not expand left as written.
   * The server loads (with a wrong value), so such findings are a level milder.
   */
  readonly unexpandedStaysLiteral?: boolean
}
