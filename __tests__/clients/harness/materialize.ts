import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { writeFiles } from '../../helpers/repo-files.js'
import type { CaseRun, ClientCase } from './types.js'

/** The recording server every case launches. */
export const RECORDING_SERVER = resolve('fixtures/clients/server.mjs')

/** A case's files with the placeholders filled in for the paths given. */
export function fillPlaceholders(
  files: Readonly<Record<string, string>>,
  paths: { server: string; log: string }
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [
      path,
      text.replaceAll('@SERVER@', paths.server).replaceAll('@LOG@', paths.log)
    ])
  )
}

/**
 * Writes a case into a new directory: `repo/` with its files, an empty `home/`, a copy of the
 * recording server and the log path. The directory is made under `/tmp`, not TMPDIR, and the server
 * is copied into it, so the paths in the case's files have the same length wherever the project is
 * checked out: the columns a client prints in a parse error depend on them.
 */
export function materialize(testCase: ClientCase): CaseRun {
  const dir = mkdtempSync(join('/tmp', 'mcp-lint-client-'))
  const repo = join(dir, 'repo')
  const home = join(dir, 'home')
  const log = join(dir, 'started.log')
  const server = join(dir, 'server.mjs')
  copyFileSync(RECORDING_SERVER, server)
  mkdirSync(repo)
  mkdirSync(home)
  writeFiles(repo, fillPlaceholders(testCase.files, { server, log }))
  return {
    case: testCase,
    repo,
    home,
    log,
    server,
    started: () =>
      existsSync(log)
        ? [
            ...new Set(
              readFileSync(log, 'utf8')
                .split('\n')
                .filter((line) => line !== '')
            )
          ].sort()
        : []
  }
}
