import { statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/** The first file named `command` in a directory of PATH, as a shell would find it; undefined if none. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command)
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // Not in this directory.
    }
  }
  return undefined
}
