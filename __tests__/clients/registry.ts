import type { ClientCase, ClientId, Driver } from './harness/types.js'
import { claudeCodeCases } from './cases/claude-code.js'
import { codexCases } from './cases/codex.js'
import { geminiCliCases } from './cases/gemini-cli.js'

export const CLIENTS: readonly ClientId[] = ['claude-code', 'gemini-cli', 'codex']

export function casesOf(client: ClientId): readonly ClientCase[] {
  switch (client) {
    case 'claude-code':
      return claudeCodeCases
    case 'gemini-cli':
      return geminiCliCases
    case 'codex':
      return codexCases
  }
}

/** Drivers are loaded on demand: only the recorder runs clients. */
export async function driverOf(client: ClientId): Promise<Driver> {
  const module = (await import(`./drivers/${client}.js`)) as { driver: Driver }
  return module.driver
}
