import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
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

/** Writes a case into a new directory: `repo/` with its files, an empty `home/`, the log path. */
export function materialize(testCase: ClientCase, server = RECORDING_SERVER): CaseRun {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-lint-client-'))
  const repo = join(dir, 'repo')
  const home = join(dir, 'home')
  const log = join(dir, 'started.log')
  mkdirSync(repo)
  mkdirSync(home)
  for (const [path, text] of Object.entries(fillPlaceholders(testCase.files, { server, log }))) {
    mkdirSync(dirname(join(repo, path)), { recursive: true })
    writeFileSync(join(repo, path), text)
  }
  return {
    case: testCase,
    repo,
    home,
    log,
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
