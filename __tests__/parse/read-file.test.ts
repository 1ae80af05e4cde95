import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { decode, firstInvalidUtf8, readRepoFile } from '../../src/parse/read-file.js'
import { lint } from '../../src/lint.js'
import { makeRepo } from '../helpers/temp-repo.js'

const options = { maxBytes: 1024 }
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})
function repo(files: Record<string, string | Uint8Array> = {}) {
  const made = makeRepo(files)
  cleanups.push(made.remove)
  return made.root
}

describe('readRepoFile', () => {
  it('reads a regular file and reports a missing one as missing', async () => {
    const root = repo({ '.mcp.json': '{}' })
    expect(await readRepoFile(root, '.mcp.json', options)).toEqual({
      status: 'ok',
      text: '{}',
      byteOrderMark: false
    })
    expect(await readRepoFile(root, '.cursor/mcp.json', options)).toEqual({ status: 'missing' })
  })

  it('follows a symlink that stays inside the repository', async () => {
    const root = repo({ '.mcp.json': '{"a":1}' })
    mkdirSync(join(root, '.cursor'))
    symlinkSync('../.mcp.json', join(root, '.cursor/mcp.json'))
    expect(await readRepoFile(root, '.cursor/mcp.json', options)).toEqual({
      status: 'ok',
      text: '{"a":1}',
      byteOrderMark: false
    })
  })

  it.each([['/etc/passwd'], ['/proc/self/environ'], ['../../../../etc/hostname']])(
    'refuses a symlink to %s outside the repository',
    async (target) => {
      const root = repo()
      symlinkSync(target, join(root, '.mcp.json'))
      const outcome = await readRepoFile(root, '.mcp.json', options)
      expect(outcome).toMatchObject({ status: 'problem', problem: { kind: 'outside' } })
    }
  )

  it('refuses a symlinked directory that leaves the repository', async () => {
    const outside = repo({ 'mcp.json': '{}' })
    const root = repo()
    symlinkSync(outside, join(root, '.cursor'))
    expect(await readRepoFile(root, '.cursor/mcp.json', options)).toMatchObject({
      problem: { kind: 'outside' }
    })
  })

  it('reports a symlink loop', async () => {
    const root = repo()
    symlinkSync('.mcp.json', join(root, '.mcp.json'))
    expect(await readRepoFile(root, '.mcp.json', options)).toMatchObject({
      problem: { kind: 'io', detail: 'is a symlink loop; not read' }
    })
  })

  it('reports a directory named like a config file', async () => {
    const root = repo()
    mkdirSync(join(root, '.mcp.json'))
    expect(await readRepoFile(root, '.mcp.json', options)).toMatchObject({
      problem: { kind: 'not-file', detail: 'is a directory, not a file' }
    })
  })

  it('does not open a FIFO (reading one would hang)', async () => {
    const root = repo()
    execFileSync('mkfifo', [join(root, '.mcp.json')])
    expect(await readRepoFile(root, '.mcp.json', options)).toMatchObject({
      problem: { kind: 'not-file' }
    })
  })

  it('does not read a file over the size cap', async () => {
    const root = repo({ '.mcp.json': 'x'.repeat(2048) })
    expect(await readRepoFile(root, '.mcp.json', options)).toMatchObject({
      problem: {
        kind: 'too-large',
        detail: 'is 2048 bytes, over the 1024-byte limit (maxFileBytes); not read'
      }
    })
  })
})

describe('decode', () => {
  it('drops a UTF-8 byte order mark from the text and says it was there', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({
      status: 'ok',
      text: '{}',
      byteOrderMark: true
    })
  })

  it.each([
    ['UTF-16 LE', [0xff, 0xfe, 0x7b, 0x00]],
    ['UTF-16 BE', [0xfe, 0xff, 0x00, 0x7b]]
  ])('reports %s', (_, bytes) => {
    expect(decode(new Uint8Array(bytes))).toMatchObject({ problem: { kind: 'encoding' } })
  })

  it('reports invalid UTF-8 at the first bad byte', () => {
    const bytes = new Uint8Array([0x7b, 0x0a, 0x20, 0xc3, 0x28, 0x7d])
    expect(firstInvalidUtf8(bytes)).toBe(3)
    expect(decode(bytes)).toMatchObject({ problem: { kind: 'encoding', prefix: '{\n ', at: 3 } })
  })

  it('reports NUL bytes as binary', () => {
    expect(decode(new Uint8Array([0x7b, 0x00, 0x7d]))).toMatchObject({
      problem: { kind: 'binary', at: 1 }
    })
  })
})

describe('lint on hostile files', () => {
  it('reports each unreadable file and still checks the others', async () => {
    const root = repo({ '.cursor/mcp.json': '{ "mcpServers": { "a": { "command": "x" } } }' })
    symlinkSync('/etc/passwd', join(root, '.mcp.json'))
    mkdirSync(join(root, '.vscode/mcp.json'), { recursive: true })
    const result = await lint({ root })
    expect(
      result.diagnostics.map((d) => [d.file, d.ruleId, d.range.start.line, d.range.start.column])
    ).toEqual([
      ['.mcp.json', 'config-unreadable', 1, 1],
      ['.vscode/mcp.json', 'config-unreadable', 1, 1]
    ])
    expect(result.files.map((f) => f.path)).toEqual([
      '.cursor/mcp.json',
      '.mcp.json',
      '.vscode/mcp.json'
    ])
    expect(JSON.stringify(result)).not.toContain('root:')
  })

  it('positions an invalid UTF-8 finding at the bad byte', async () => {
    const root = repo({ '.mcp.json': new Uint8Array([0x7b, 0x0a, 0x20, 0x20, 0xff, 0x7d]) })
    const [finding] = (await lint({ root })).diagnostics
    expect(finding).toMatchObject({
      ruleId: 'config-unreadable',
      message: 'the file is not valid UTF-8: save it as UTF-8'
    })
    expect(finding?.range.start).toEqual({ line: 2, column: 3 })
  })
})
