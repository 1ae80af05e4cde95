import { parse } from 'shell-quote'
import { split as shlexSplit } from 'shlex'

/** A command line split into words, or the first shell construct that stops the split. */
export type SplitCommandLine =
  | { readonly words: readonly string[] }
  /** What stopped it: `"|"`, `"&&"`, …, "a glob" or "a comment". */
  | { readonly construct: string }

/**
 * Splits a command line as shell-quote does for clients that take one (Gemini CLI's
 * `mcp.serverCommand`): quotes and escapes honoured, `$VAR` and `${VAR}` kept as `${VAR}` so that
 * reference rules see them, as the client expands them from its environment. An operator, a glob
 * or a comment is named instead, since the client refuses the whole line then.
 */
export function splitCommandLine(text: string): SplitCommandLine {
  const words: string[] = []
  for (const entry of parse(text, (name) => `\${${name}}`)) {
    if (typeof entry === 'string') words.push(entry)
    else if ('comment' in entry) return { construct: 'a comment' }
    else if (entry.op === 'glob') return { construct: 'a glob' }
    else return { construct: `"${entry.op}"` }
  }
  return { words }
}

/**
 * Splits a command line as Python's shlex.split does (Mistral Vibe's string `command`): quotes
 * honoured, nothing expanded, no operators. Undefined where shlex raises (an open quote).
 */
export function shlexWords(text: string): string[] | undefined {
  try {
    return shlexSplit(text)
  } catch {
    return undefined
  }
}
