import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitRevision } from '../../src/trust/base-revision.js'
import { runCliInMemory } from '../helpers/cli-run.js'
import { fakeToken } from '../helpers/fake-tokens.js'
import { scratchDir, writeFiles } from '../helpers/temp-repo.js'

/**
 * The trusted revision read from git objects, as `--base REF` and the Action (when the checkout
 * has the base commit) read it: a real repository with a main branch and a pull request branch.
 */
const repo = scratchDir()
const token = fakeToken('github-pat', 11)
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    encoding: 'utf8'
  })

beforeAll(() => {
  git('init', '-q', '-b', 'main')
  writeFiles(repo, {
    'mcp-lint.json': '{ "rules": { "server-secret": "error" } }\n',
    'sub/mcp-lint.json': '{ "rules": { "server-unpinned": "off" } }\n'
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'base')
  git('checkout', '-q', '-b', 'feature')
  writeFiles(repo, {
    'mcp-lint.json': '{ "rules": { "server-secret": "off" } }\n',
    '.mcp.json': JSON.stringify({
      mcpServers: {
        github: {
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: token }
        }
      }
    })
  })
  git('add', '-A')
  git('commit', '-q', '-m', 'feature')
})

describe('the base revision from git', () => {
  it('reads files at the revision, relative to the linted directory; null when absent', async () => {
    const base = await gitRevision(repo, 'main')
    expect(base?.label).toMatch(/^the base commit [0-9a-f]{7}$/)
    expect(await base?.read('mcp-lint.json')).toBe('{ "rules": { "server-secret": "error" } }\n')
    expect(await base?.read('.mcp.json')).toBeNull()
    const sub = await gitRevision(join(repo, 'sub'), 'main')
    expect(await sub?.read('mcp-lint.json')).toBe('{ "rules": { "server-unpinned": "off" } }\n')
    await expect(base?.read('sub')).rejects.toThrow('sub is a tree, not a file, in the base commit')
  })

  it('is undefined for a commit the repository does not have, or a ref that is an option', async () => {
    expect(await gitRevision(repo, 'b'.repeat(40))).toBeUndefined()
    expect(await gitRevision(repo, '--output=/tmp/x')).toBeUndefined()
    expect(await gitRevision(tmpdir(), 'main')).toBeUndefined()
  })

  it('check --base applies the base settings and reports the branch change', async () => {
    const withBase = await runCliInMemory(['check', repo, '--base', 'main'])
    expect(withBase.code).toBe(1)
    expect(withBase.stdout).toContain('[server-secret]')
    expect(withBase.stdout).toContain(
      "mcp-lint.json:1:14: warning this branch's mcp-lint.json changes rules.server-secret; pull requests are checked with the base branch's mcp-lint.json, so this takes effect after merge [settings-changed]"
    )
    expect(withBase.stdout).not.toContain(token)
    // Without --base the working tree's settings apply, as documented.
    const local = await runCliInMemory(['check', repo])
    expect(local.stdout).not.toContain('[server-secret]')
  })

  it('check --base with a commit that is not there is exit 2, saying to fetch it', async () => {
    const missing = await runCliInMemory(['check', repo, '--base', 'origin/nowhere'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--base origin/nowhere: no such commit in the git repository')
  })
})
