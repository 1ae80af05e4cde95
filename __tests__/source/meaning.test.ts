import { describe, expect, it } from '@jest/globals'
import { getPlatform } from '../../src/platforms/index.js'
import { projectPathMeaning } from '../../src/canonical/project-paths.js'
import { normalizeServer } from '../../src/canonical/normalize.js'

describe('one path under the project, however a platform writes it', () => {
  it('takes ${workspaceFolder}/x, ./x and x as one path where the platform has the variable', () => {
    const vscode = getPlatform('vscode')
    const meaning = projectPathMeaning(vscode)
    const arg = (value: string) =>
      meaning(normalizeServer(vscode, { command: 'node', args: [value] }).args[0]?.value ?? '')
    expect(arg('${workspaceFolder}/tools/server.mjs')).toBe('tools/server.mjs')
    expect(arg('./tools/server.mjs')).toBe('tools/server.mjs')
    expect(arg('tools/server.mjs')).toBe('tools/server.mjs')
    expect(arg('${workspaceFolder}')).toBe('.')
    expect(arg('${workspaceFolder}/other.mjs')).not.toBe('tools/server.mjs')
    // Only the platform's own variable: ${userHome} is somewhere else.
    expect(arg('${userHome}/tools/server.mjs')).not.toBe('tools/server.mjs')
  })

  it('leaves ${workspaceFolder} alone where the platform does not define it', () => {
    const claude = getPlatform('claude-code')
    const meaning = projectPathMeaning(claude)
    expect(meaning('$${workspaceFolder}/tools/server.mjs')).toBe(
      '$${workspaceFolder}/tools/server.mjs'
    )
    expect(meaning('./tools/server.mjs')).toBe('tools/server.mjs')
  })

  it('keeps ./x apart from the project where servers are confirmed to start elsewhere', () => {
    const cursor = getPlatform('cursor')
    // Cursor's home-directory start is unconfirmed: ./x is taken as meant for the project.
    expect(projectPathMeaning(cursor)('./tools/server.mjs')).toBe(
      projectPathMeaning(cursor)('$${workspaceFolder}/tools/server.mjs')
    )
    const confirmed = {
      ...cursor,
      launch: {
        ...cursor.launch,
        certainty: { ...cursor.launch.certainty, cwd: 'confirmed' as const }
      }
    }
    const meaning = projectPathMeaning(confirmed)
    expect(meaning('./tools/server.mjs')).not.toBe(meaning('$${workspaceFolder}/tools/server.mjs'))
    expect(meaning('$${workspaceFolder}/tools/server.mjs')).toBe('tools/server.mjs')
  })
})
