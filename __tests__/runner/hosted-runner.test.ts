import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { distDir } from '../helpers/action-run.js'
import {
  chownTree,
  runAsRunner,
  runnerOwned,
  runnerUser,
  type RunnerUser
} from '../helpers/runner-user.js'

/**
 * The built Action on the simulated GitHub-hosted ubuntu-24.04 runner: the non-root `runner` user
 * with passwordless sudo, whose bwrap refuses user namespaces as AppArmor makes it. npm servers
 * (fetched from the registry), a repository script, and a VS Code config that points at the script
 * with ${workspaceFolder} must all enumerate.
 */
const user: RunnerUser | undefined = runnerUser()
const scratch: string[] = []
const itAsRunner = user === undefined ? it.skip : it

let action = ''
beforeAll(() => {
  if (user === undefined) return
  const bundle = runnerOwned(user, join(distDir, 'action'))
  scratch.push(bundle)
  action = join(bundle, 'index.js')
})
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})

const memory = '@modelcontextprotocol/server-memory@2026.8.31'

describe('the Action on a simulated hosted runner', () => {
  itAsRunner(
    'enumerates npm servers, repository scripts and ${workspaceFolder} paths through sudo bwrap',
    async () => {
      if (user === undefined) return
      const source = runnerOwned(user)
      scratch.push(source)
      cpSync('fixtures/hostile/servers', join(source, 'tools'), { recursive: true })
      writeFileSync(
        join(source, '.mcp.json'),
        JSON.stringify({
          mcpServers: {
            memory: { command: 'npx', args: ['-y', memory] },
            script: { command: 'node', args: ['tools/ok.mjs'] }
          }
        })
      )
      mkdirSync(join(source, '.vscode'))
      writeFileSync(
        join(source, '.vscode/mcp.json'),
        JSON.stringify({
          servers: {
            'workspace-script': {
              type: 'stdio',
              command: 'node',
              args: ['${workspaceFolder}/tools/ok.mjs']
            }
          }
        })
      )
      const workspace = runnerOwned(user, source)
      const files = runnerOwned(user)
      scratch.push(workspace, files)
      for (const name of ['summary.md', 'output.txt']) writeFileSync(join(files, name), '')
      writeFileSync(join(files, 'event.json'), '{}')
      chownTree(files, user)
      const run = await runAsRunner(user, process.execPath, [action], {
        cwd: workspace,
        shim: true,
        env: {
          GITHUB_ACTIONS: 'true',
          GITHUB_EVENT_NAME: 'push',
          GITHUB_EVENT_PATH: join(files, 'event.json'),
          GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
          GITHUB_OUTPUT: join(files, 'output.txt'),
          GITHUB_WORKSPACE: workspace,
          GITHUB_REPOSITORY: 'octo/repo',
          RUNNER_TEMP: files,
          INPUT_ENUMERATE: 'true',
          INPUT_TIMEOUT: '60',
          'INPUT_JSON-FILE': join(files, 'report.json'),
          'INPUT_FAIL-ON': 'never'
        }
      })
      const log = run.stdout + run.stderr
      expect(log).toContain(
        `mcp-lint: sandbox: sudo bwrap, servers run as uid ${user.uid} (dropped from root with setpriv) with no capabilities`
      )
      const report = JSON.parse(readFileSync(join(files, 'report.json'), 'utf8')) as {
        enumeration: { sandbox: string }
        servers: { name: string; file: string; status: string; tools?: unknown[] }[]
      }
      expect(report.enumeration.sandbox).toBe('sudo-bwrap')
      expect(
        report.servers.map((server) => `${server.file} ${server.name} ${server.status}`)
      ).toEqual([
        '.mcp.json memory ok',
        '.mcp.json script ok',
        '.vscode/mcp.json workspace-script ok'
      ])
      expect(report.servers.every((server) => (server.tools?.length ?? 0) > 0)).toBe(true)
      expect(run.code).toBe(0)
    },
    240_000
  )
})
