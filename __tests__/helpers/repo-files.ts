import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

// No Jest in this module: the client recorder (`npm run record:clients`, run by tsx) writes its
// cases with it too, and importing @jest/globals outside Jest throws.

/** Files of a repository, as repo-relative path → content. */
export type RepoFiles = Readonly<Record<string, string | Uint8Array>>

/** Writes one file at a repo-relative path, making the directories it needs. */
export function writeFileAt(root: string, path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), content)
}

/** Writes files given as repo-relative path → content under `root`. */
export function writeFiles(root: string, files: RepoFiles): void {
  for (const [path, content] of Object.entries(files)) writeFileAt(root, path, content)
}
