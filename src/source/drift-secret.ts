import type { ServerEntry } from '../model/workspace.js'
import { resolvePath } from '../model/tree.js'
import { findSecrets } from '../detect/secrets.js'

/** Whether a value reads as a secret by itself, under its key, or after the flag before it. */
export function looksSecret(
  entry: ServerEntry,
  path: readonly string[],
  value: string,
  key: string | undefined
): boolean {
  // A reference (`${input:token}`, `${env:X}`) is where a secret should be, not one.
  if (/\$\{|\{env:/.test(value)) return false
  const index = Number(path.at(-1))
  const before =
    Number.isInteger(index) && index > 0
      ? resolvePath(entry.value, [...path.slice(0, -1), String(index - 1)])
      : undefined
  const flag = before?.kind === 'string' && before.value.startsWith('-') ? before.value : undefined
  return [key, flag, path.at(-1)].some((name) =>
    findSecrets(value, name === undefined ? {} : { key: name }).some(
      (match) => match.confidence !== 'low'
    )
  )
}
