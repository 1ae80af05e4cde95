import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** A throwaway repository on disk, with files given as repo-relative path → content. */
export function makeRepo(files: Readonly<Record<string, string | Uint8Array>> = {}): {
  root: string
  remove: () => void
} {
  const root = mkdtempSync(join(tmpdir(), 'mcp-lint-test-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return {
    root,
    remove: () => {
      rmSync(root, { recursive: true, force: true })
    }
  }
}
