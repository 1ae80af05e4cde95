import { shlexWords } from '../parse/command-line.js'
import type { PlainObject, PlainValue } from '../model/tree.js'
import { fieldPath, item, itemPath, type CanonicalServer, type Item } from './canonical.js'

// A server entry's program and arguments in canonical form, as each client writes them.

/** `command` and `args`, or OpenCode's one `command` array: program first, its arguments after. */
export function commandOf(
  server: PlainObject,
  commandArray: boolean,
  canonical: (value: string) => string
): Pick<CanonicalServer, 'command' | 'args'> {
  const strings = (value: PlainValue | undefined, key: string, from: number) =>
    stringItems(value, key, canonical, from)
  if (!commandArray)
    return {
      command: stringItem(server, 'command', canonical),
      args: strings(server.args, 'args', 0)
    }
  const [program] = Array.isArray(server.command) ? server.command : []
  return {
    command:
      typeof program === 'string' ? item(canonical(program), itemPath('command', 0)) : undefined,
    args: strings(server.command, 'command', 1)
  }
}

/**
 * Mistral Vibe's command: a string split by Python's shlex (quotes honoured, nothing expanded), or
 * an array of words, with `args` after them. A string shlex refuses (an open quote) stays one word.
 */
export function commandLineOf(
  server: PlainObject,
  canonical: (value: string) => string
): Pick<CanonicalServer, 'command' | 'args'> {
  const strings = (value: PlainValue | undefined, key: string) => stringItems(value, key, canonical)
  const args = strings(server.args, 'args')
  const command = server.command
  if (Array.isArray(command)) {
    const [program, ...rest] = strings(command, 'command')
    return { command: program, args: [...rest, ...args] }
  }
  if (typeof command !== 'string') return { command: undefined, args }
  const words = shlexWords(command)
  const [program = command, ...rest] = words === undefined || words.length === 0 ? [command] : words
  return {
    command: item(canonical(program), fieldPath('command')),
    args: [...rest.map((word) => item(canonical(word), fieldPath('command'))), ...args]
  }
}

/** The strings of a list field from index `from`, in canonical form, each at its index. */
function stringItems(
  value: PlainValue | undefined,
  key: string,
  canonical: (value: string) => string,
  from = 0
): Item<string>[] {
  if (!Array.isArray(value) || value.length <= from) return []
  const items: Item<string>[] = []
  for (let index = from; index < value.length; index++) {
    const arg = value[index]
    if (typeof arg === 'string') items.push(item(canonical(arg), itemPath(key, index)))
  }
  // A copy of the exact length: push leaves room for 16 more, and every entry's list is kept.
  return items.slice()
}

/** A string field in canonical form, at its path. */
export function stringItem(
  server: PlainObject,
  key: string,
  canonical: (value: string) => string
): Item<string> | undefined {
  const value = server[key]
  return typeof value === 'string' ? item(canonical(value), fieldPath(key)) : undefined
}
