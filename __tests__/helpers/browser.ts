import { existsSync } from 'node:fs'

/** Debian's Chromium, which .ci/run installs; the browser tests drive it with playwright-core. */
export const CHROMIUM = '/usr/bin/chromium'

/**
 * Whether the browser tests can run here. Without Chromium they are skipped on a laptop, and fail
 * in CI, where MCP_LINT_REQUIRE_BROWSER=1 says it must be there.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.MCP_LINT_REQUIRE_BROWSER === '1')
    throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package`)
  return false
}

/** The flags a closed network needs: no background connections, no GPU, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
