import { describe, expect, it } from '@jest/globals'
import { loadConfigBytes } from '../../src/parse/load.js'
import { dialectForPath, dialects } from '../../src/platforms/index.js'
import { noRemote, planLaunch, type LaunchDecision } from '../../src/runner/launch.js'

/** planLaunch does no I/O for node launches, so a repository that does not exist will do. */
const root = '/work/repo'
const home = '/home/mcp-lint'
const P = 'mcp-lint-placeholder'

function plan(path: string, text: string, sandboxHome = home): LaunchDecision {
  const platform = dialectForPath(path)
  if (platform === undefined) throw new Error(`no platform reads ${path}`)
  const file = loadConfigBytes(path, platform, new TextEncoder().encode(text))
  const entry = file.servers[0]
  if (entry === undefined) throw new Error(`no server in ${path}`)
  return planLaunch(root, file, entry, noRemote, sandboxHome)
}

function launched(path: string, text: string, sandboxHome = home) {
  const decision = plan(path, text, sandboxHome)
  if (!('launch' in decision)) throw new Error(`not launched: ${JSON.stringify(decision)}`)
  return decision.launch
}

const json = (key: string, server: object) => JSON.stringify({ [key]: { s: server } })
const node = (args: readonly string[], extra: object = {}) => ({ command: 'node', args, ...extra })

describe('platform variables in a launch', () => {
  it('VS Code: workspace, home and separator variables, `~`, and prompts as placeholders', () => {
    const request = launched(
      '.vscode/mcp.json',
      json(
        'servers',
        node(
          [
            '${workspaceFolder}/tools/server.mjs',
            '${workspaceFolderBasename}',
            '${userHome}/.cache',
            'a${pathSeparator}b${/}c',
            '~/data',
            '${workspaceRoot}|${workspaceRootFolderName}|${cwd}',
            '${input:token}',
            '${config:editor.fontSize}',
            '${file}',
            '${TOKEN}',
            '$HOME',
            '${constructor}'
          ],
          { env: { SECRET: '${env:SECRET}', DIR: '${workspaceFolder}', TILDE: '~/x' } }
        )
      )
    )
    expect(request.command).toBe('node')
    expect(request.args).toEqual([
      '/work/repo/tools/server.mjs',
      'repo',
      '/home/mcp-lint/.cache',
      'a/b/c',
      '/home/mcp-lint/data',
      '/work/repo|repo|/work/repo',
      P,
      P,
      '${file}',
      '${TOKEN}',
      '$HOME',
      '${constructor}'
    ])
    expect(request.recorded.args).toEqual([
      '${workspaceFolder}/tools/server.mjs',
      '${workspaceFolderBasename}',
      '${userHome}/.cache',
      'a${pathSeparator}b${/}c',
      '~/data',
      '${workspaceRoot}|${workspaceRootFolderName}|${cwd}',
      P,
      P,
      '${file}',
      '${TOKEN}',
      '$HOME',
      '${constructor}'
    ])
    // VS Code expands `~` in the command line and cwd, not in the environment.
    expect(request.env).toEqual({ SECRET: P, DIR: '/work/repo', TILDE: '~/x' })
    expect(request.placeholders).toEqual(['SECRET', 'config:editor.fontSize', 'input:token'])
    expect(request.cwd).toBe(root)
  })

  it('Cursor: the documented variables, no `~`, no prompts', () => {
    const request = launched(
      '.cursor/mcp.json',
      json(
        'mcpServers',
        node(
          [
            '${workspaceFolder}/tools/server.mjs',
            '${workspaceFolderBasename}',
            '${userHome}',
            'a${pathSeparator}b${/}c',
            '~/data',
            '${workspaceRoot}',
            '${input:token}'
          ],
          { env: { SECRET: '${env:SECRET}' } }
        )
      )
    )
    expect(request.args).toEqual([
      '/work/repo/tools/server.mjs',
      'repo',
      '/home/mcp-lint',
      'a/b/c',
      '~/data',
      '${workspaceRoot}',
      '${input:token}'
    ])
    expect(request.env).toEqual({ SECRET: P })
    expect(request.placeholders).toEqual(['SECRET'])
  })

  it('Claude Code: ${CLAUDE_PROJECT_DIR} and editor variables are environment references', () => {
    const request = launched(
      '.mcp.json',
      json(
        'mcpServers',
        node([
          '${CLAUDE_PROJECT_DIR:-.}/tools/server.mjs',
          '${CLAUDE_PROJECT_DIR}/data',
          '${workspaceFolder}',
          '~/data',
          '${env:SECRET}'
        ])
      )
    )
    expect(request.args).toEqual(['./tools/server.mjs', `${P}/data`, P, '~/data', '${env:SECRET}'])
    expect(request.placeholders).toEqual(['CLAUDE_PROJECT_DIR', 'workspaceFolder'])
  })

  it('Gemini CLI: $VAR and ${VAR} are environment references, nothing else is expanded', () => {
    const request = launched(
      '.gemini/settings.json',
      json('mcpServers', node(['tools/server.mjs', '$HOME/x', '${TOKEN:-none}', '${/}']))
    )
    expect(request.args).toEqual(['tools/server.mjs', `${P}/x`, 'none', '${/}'])
    expect(request.placeholders).toEqual(['HOME'])
  })

  it('Codex: nothing is expanded; env_vars are forwarded as placeholders', () => {
    const request = launched(
      '.codex/config.toml',
      '[mcp_servers.s]\ncommand = "node"\nargs = ["${workspaceFolder}/s.mjs", "~/x"]\nenv = { K = "${TOKEN}" }\nenv_vars = ["TOKEN"]\n'
    )
    expect(request.args).toEqual(['${workspaceFolder}/s.mjs', '~/x'])
    expect(request.env).toEqual({ K: '${TOKEN}', TOKEN: P })
    expect(request.placeholders).toEqual(['TOKEN'])
  })

  it('Roo Code: ${workspaceFolder} only', () => {
    const request = launched(
      '.roo/mcp.json',
      json('mcpServers', node(['${workspaceFolder}/s.mjs', '${userHome}', '${env:SECRET}']))
    )
    expect(request.args).toEqual(['/work/repo/s.mjs', '${userHome}', P])
  })

  it('Windsurf: ${file:…} is a prompted value', () => {
    const request = launched(
      '.windsurf/mcp_config.json',
      json('mcpServers', node(['s.mjs', '${file:/etc/token}', '${workspaceFolder}']))
    )
    expect(request.args).toEqual(['s.mjs', P, '${workspaceFolder}'])
    expect(request.placeholders).toEqual(['file:/etc/token'])
  })

  it.each([
    ['Zed', '.zed/settings.json', 'context_servers'],
    ['Antigravity', '.agents/mcp_config.json', 'mcpServers'],
    ['Claude Desktop', 'claude_desktop_config.json', 'mcpServers']
  ])('%s: nothing is expanded', (_, path, key) => {
    const request = launched(path, json(key, node(['s.mjs', '${workspaceFolder}', '~/x'])))
    expect(request.args).toEqual(['s.mjs', '${workspaceFolder}', '~/x'])
    expect(request.placeholders).toEqual([])
  })

  it('the central source: ${VAR} and ${env:VAR} are references', () => {
    const request = launched(
      '.agents/mcp/mcp-servers.json',
      json('mcpServers', node(['s.mjs', '${workspaceFolder}', '${env:TOKEN}']))
    )
    expect(request.args).toEqual(['s.mjs', P, P])
    expect(request.placeholders).toEqual(['TOKEN', 'workspaceFolder'])
  })

  it('expands ${userHome} to the home it is given, as --sandbox none needs', () => {
    const request = launched(
      '.vscode/mcp.json',
      json('servers', node(['s.mjs', '${userHome}/x', '~'])),
      '/tmp/mcp-lint-home-1'
    )
    expect(request.args).toEqual(['s.mjs', '/tmp/mcp-lint-home-1/x', '/tmp/mcp-lint-home-1'])
  })

  it('runs one launch for the same server in VS Code and Cursor files', () => {
    const server = node(['${workspaceFolder}/s.mjs'])
    const vscode = launched('.vscode/mcp.json', json('servers', server))
    const cursor = launched('.cursor/mcp.json', json('mcpServers', server))
    expect(vscode.key).toBe(cursor.key)
  })
})

describe('relative paths and the start directory', () => {
  it('VS Code: cwd with variables, relative to the workspace folder, never outside it', () => {
    const cwd = (value: string) =>
      launched('.vscode/mcp.json', json('servers', node(['s.mjs'], { cwd: value }))).cwd
    expect(cwd('${workspaceFolder}/sub')).toBe('/work/repo/sub')
    expect(cwd('sub')).toBe('/work/repo/sub')
    expect(cwd('~/elsewhere')).toBe(root)
    expect(cwd('${userHome}')).toBe(root)
  })

  it('Gemini CLI and Codex: cwd relative to the launch directory, the repository root', () => {
    expect(
      launched('.gemini/settings.json', json('mcpServers', node(['s.mjs'], { cwd: 'sub' }))).cwd
    ).toBe('/work/repo/sub')
    expect(
      launched('.codex/config.toml', '[mcp_servers.s]\ncommand = "node"\ncwd = "sub"\n').cwd
    ).toBe('/work/repo/sub')
  })

  it('Claude Code ignores cwd: servers start in the launch directory', () => {
    expect(launched('.mcp.json', json('mcpServers', node(['s.mjs'], { cwd: 'sub' }))).cwd).toBe(
      root
    )
  })

  it('recognises a repository program named through ${workspaceFolder}', () => {
    const request = launched(
      '.vscode/mcp.json',
      json('servers', { command: '${workspaceFolder}/bin/server', args: [] })
    )
    expect(request.kind).toBe('repo-binary')
    expect(request.command).toBe('/work/repo/bin/server')
    expect(request.recorded.command).toBe('${workspaceFolder}/bin/server')
  })

  it('names paths outside the repository as the config writes them', () => {
    expect(
      plan('.vscode/mcp.json', json('servers', { command: '${userHome}/bin/server' }))
    ).toEqual({
      skip: 'not-allowed',
      detail:
        '"${userHome}/bin/server" is not an allowed launcher (npx, node, python, or a program inside the repository)'
    })
    expect(plan('.vscode/mcp.json', json('servers', node(['~/server.mjs'])))).toEqual({
      skip: 'not-allowed',
      detail: 'the script ~/server.mjs is outside the repository, so the sandbox cannot see it'
    })
  })
})

describe('launch facts in the platform files', () => {
  it.each(dialects.map((platform) => [platform.id, platform] as const))(
    '%s says where its facts come from',
    (_, platform) => {
      expect(platform.launch.source).not.toBe('')
      expect(platform.launch.verified).not.toBe('')
    }
  )

  it.each(dialects.map((platform) => [platform.id, platform] as const))(
    '%s: config-env-syntax accepts every variable the launch expands',
    (_, platform) => {
      for (const name of Object.keys(platform.launch.variables))
        expect(platform.interpolation.variables).toContain(name)
      for (const prefix of platform.launch.prompted)
        expect(platform.interpolation.prefixes).toContain(prefix)
    }
  )

  // resolveCwd starts every server at the repository root; a confirmed start directory elsewhere
  // has to be implemented there first.
  it.each(dialects.map((platform) => [platform.id, platform] as const))(
    '%s starts servers in the project, or the report that it does not is unconfirmed',
    (_, platform) => {
      const inProject = ['workspace', 'launch-directory'].includes(platform.launch.cwd)
      expect(inProject ? 'unconfirmed' : platform.launch.certainty.cwd).toBe('unconfirmed')
    }
  )
})
