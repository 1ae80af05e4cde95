import { describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  constants,
  cpSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync
} from 'node:fs'
import { join } from 'node:path'
import { writeText } from '../src/cli/standard-streams.js'
import { scratchDir, writeFileAt } from './helpers/temp-repo.js'

/**
 * What a repository can hold, thrown at the bundled CLI as users run it. Each case must end in a
 * clear finding (exit 0 or 1) or a clean usage error (exit 2): never exit 3, never a stack trace.
 */
const scratch = scratchDir()
chmodSync(scratch, 0o755)

type Setup = (root: string) => void

function repo(setup: Setup): string {
  const root = mkdtempSync(join(scratch, 'repo-'))
  chmodSync(root, 0o755)
  setup(root)
  return root
}

function check(root: string, ...args: string[]) {
  const started = Date.now()
  const result = spawnSync(process.execPath, ['dist/cli/index.js', 'check', root, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  return { ...result, output: result.stdout + result.stderr, ms: Date.now() - started }
}

/** Read rights for everyone on a tree, whatever the umask it was made with. */
function readableByAll(path: string): void {
  const directory = statSync(path).isDirectory()
  chmodSync(path, directory ? 0o755 : 0o644)
  if (directory) for (const name of readdirSync(path)) readableByAll(join(path, name))
}

let bundleCopy: string | undefined

/**
 * Runs the bundled CLI as an unprivileged user when the tests run as root, who reads and writes
 * any file. That user runs a copy of the bundle in the scratch directory: the checkout may sit in
 * a directory only its owner can enter (a 0700 mktemp -d, a private home).
 */
function checkAsUser(...args: string[]) {
  if (bundleCopy === undefined) {
    const dir = join(scratch, 'cli')
    cpSync('dist/cli', dir, { recursive: true })
    readableByAll(dir)
    bundleCopy = join(dir, 'index.js')
  }
  const command = [bundleCopy, 'check', ...args]
  return process.getuid?.() === 0
    ? spawnSync(
        'setpriv',
        ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...command],
        { encoding: 'utf8', cwd: scratch }
      )
    : spawnSync(process.execPath, command, { encoding: 'utf8', cwd: scratch })
}

/** A Codex server table, the start of the TOML cases. */
const codexServer = '[mcp_servers.a]\ncommand = "x"\n'

/** No trace of a crash: no stack frame, no internal error, no exit 3. */
function expectClean(result: ReturnType<typeof check>): void {
  expect([0, 1, 2]).toContain(result.status)
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect(result.output).not.toContain('internal error')
}

describe('bad input gives a finding or a clean error, never a crash', () => {
  it.each<[string, Setup, RegExp]>([
    [
      'an empty file',
      (r) => {
        writeFileAt(r, '.mcp.json', '')
      },
      /\.mcp\.json:1:1: error the file is empty/
    ],
    [
      'only whitespace',
      (r) => {
        writeFileAt(r, '.mcp.json', '  \n\t\n')
      },
      /\.mcp\.json:1:1: error the file is empty/
    ],
    [
      'a byte order mark',
      (r) => {
        writeFileAt(r, '.mcp.json', '\ufeff{ "mcpServers": { "a": { "command": 1 } } }')
      },
      /\.mcp\.json:1:37: error "command" of server "a" must be a string/
    ],
    [
      'CRLF line endings',
      (r) => {
        writeFileAt(
          r,
          '.mcp.json',
          '{\r\n  "mcpServers": {\r\n    "a": { "command": 1 }\r\n  }\r\n}\r\n'
        )
      },
      /\.mcp\.json:3:23: error "command" of server "a" must be a string/
    ],
    [
      'bytes that are not UTF-8',
      (r) => {
        writeFileAt(
          r,
          '.mcp.json',
          Buffer.from('{"mcpServers":{"a":{"command":"\xff\xfe"}}}', 'latin1')
        )
      },
      /\.mcp\.json:1:32: error the file is not valid UTF-8/
    ],
    [
      'UTF-16',
      (r) => {
        writeFileAt(r, '.mcp.json', Buffer.from('\ufeff{"mcpServers":{}}', 'utf16le'))
      },
      /\.mcp\.json:1:1: error .*UTF-16/
    ],
    [
      'NUL bytes',
      (r) => {
        writeFileAt(r, '.mcp.json', '{"mcpServers":{"a\u0000":{}}}')
      },
      /\.mcp\.json:1:18: error the file contains NUL bytes/
    ],
    [
      '100,000 levels of nesting',
      (r) => {
        writeFileAt(r, '.mcp.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)
      },
      /\.mcp\.json:1:65: error nesting deeper than 64 levels/
    ],
    [
      'keys named __proto__ and constructor',
      (r) => {
        writeFileAt(
          r,
          // Cursor: Claude Code 2.1.332 loads a server named "constructor" (differential suite).
          '.cursor/mcp.json',
          '{"mcpServers":{"__proto__":{"command":"x"},"constructor":{"command":"y"}}}'
        )
      },
      /key "constructor" can replace the object prototype/
    ],
    [
      'duplicate keys',
      (r) => {
        // Cursor: Claude Code keeps the last copy and loads it, a warning there.
        writeFileAt(
          r,
          '.cursor/mcp.json',
          '{"mcpServers":{"a":{"command":"x"},"a":{"command":"y"}}}'
        )
      },
      /\.cursor\/mcp\.json:1:36: error "a" is already defined at 1:16/
    ],
    [
      'numbers where strings belong',
      (r) => {
        writeFileAt(
          r,
          '.cursor/mcp.json',
          '{"mcpServers":{"a":{"command":42,"args":[1,true],"env":{"K":3}}}}'
        )
      },
      /\.cursor\/mcp\.json:1:31: error "command" of server "a" must be a string, not an integer/
    ],
    [
      'a symlink to /etc/passwd',
      (r) => {
        symlinkSync('/etc/passwd', join(r, '.mcp.json'))
      },
      /\.mcp\.json:1:1: error the file is a symlink to a path outside the repository; not read/
    ],
    [
      'a symlink loop',
      (r) => {
        symlinkSync('.mcp.json', join(r, '.mcp.json'))
      },
      /\.mcp\.json:1:1: error the file is a symlink loop; not read/
    ],
    [
      'a directory named like a config file',
      (r) => {
        mkdirSync(join(r, '.mcp.json'))
      },
      /\.mcp\.json:1:1: error the file is a directory, not a file/
    ],
    [
      'a central source of the wrong shape',
      (r) => {
        writeFileAt(r, '.agents/mcp/mcp-servers.json', '{"mcpServers":[1,2]}')
        writeFileAt(r, '.mcp.json', '{"mcpServers":{"a":{"command":"x"}}}')
      },
      /\.agents\/mcp\/mcp-servers\.json:1:15: error "mcpServers" must be an object, not an array/
    ],
    [
      'a TOML string of 500,000 characters',
      (r) => {
        writeFileAt(r, '.codex/config.toml', `${codexServer}z = "${'a'.repeat(500_000)}"\n`)
      },
      /\.codex\/config\.toml:3:5: error a string longer than 65,536 characters: more than mcp-lint reads in a TOML file, so the file was not checked \[config-syntax\]/
    ],
    [
      'a TOML multi-line literal string of 1,000,000 characters',
      (r) => {
        writeFileAt(r, '.codex/config.toml', `${codexServer}z = '''${'a'.repeat(1_000_000)}'''\n`)
      },
      /\.codex\/config\.toml:3:5: error a string longer than 65,536 characters/
    ],
    [
      'a TOML number of 500,000 digits',
      (r) => {
        writeFileAt(r, '.codex/config.toml', `${codexServer}z = ${'1'.repeat(500_000)}\n`)
      },
      /\.codex\/config\.toml:3:5: error a key or value longer than 65,536 characters/
    ],
    [
      'a TOML key of 3,000 dotted parts',
      (r) => {
        writeFileAt(
          r,
          '.codex/config.toml',
          `${codexServer}${Array(3000).fill('z').join('.')} = 1\n`
        )
      },
      /\.codex\/config\.toml:3:129: error a key of more than 64 parts; this is not a config an MCP client would read \[config-syntax\]/
    ],
    [
      'TOML dotted keys one level past 64',
      (r) => {
        writeFileAt(r, '.codex/config.toml', `${codexServer}${Array(63).fill('z').join('.')} = 1\n`)
      },
      /\.codex\/config\.toml:3:123: error nesting deeper than 64 levels/
    ],
    [
      'a TOML file that is not TOML',
      (r) => {
        writeFileAt(r, '.codex/config.toml', '[mcp_servers.a\ncommand = = "x"\n')
      },
      /\.codex\/config\.toml:2:1: error invalid TOML: .*\[config-syntax\]/
    ]
  ])('%s', (_, setup, expected) => {
    const result = check(repo(setup))
    expectClean(result)
    expect(result.status).toBe(1)
    expect(result.output).toMatch(expected)
  })

  it('a 50 MB file is reported without being read', () => {
    const root = repo((r) => {
      const fd = openSync(join(r, '.mcp.json'), 'w')
      ftruncateSync(fd, 50 * 1024 * 1024)
      closeSync(fd)
    })
    const result = check(root)
    expectClean(result)
    expect(result.output).toContain(
      '.mcp.json:1:1: error the file is 52428800 bytes, over the 1048576-byte limit (maxFileBytes); not read'
    )
    expect(result.ms).toBeLessThan(5000)
  })

  it('100,000 servers: over the size limit by default, linted in linear time when allowed', () => {
    const servers = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, index) => [
        `svc${index}-api`,
        { command: 'npx', args: ['-y', `pkg-${index}@1.0.0`] }
      ])
    )
    const root = repo((r) => {
      writeFileAt(r, '.mcp.json', JSON.stringify({ mcpServers: servers }))
    })
    const capped = check(root)
    expectClean(capped)
    expect(capped.output).toMatch(/over the 1048576-byte limit/)
    writeFileAt(root, 'mcp-lint.json', '{ "maxFileBytes": 67108864 }')
    const full = check(root)
    expectClean(full)
    expect(full.status).toBe(0)
    expect(full.output).toContain('in 1 config file with 100000 servers')
  }, 120_000)

  it('trees at the 64-level limit pass every rule: JSON nesting, TOML dotted keys', () => {
    let deep: unknown = 'deep'
    for (let level = 0; level < 60; level++) deep = { k: deep }
    const root = repo((r) => {
      const server = { command: 'npx', args: ['-y', 'x@1.0.0'], env: deep }
      writeFileAt(r, '.mcp.json', JSON.stringify({ mcpServers: { a: server } }))
      // A field another client reads (Roo's alwaysAllow), so Codex ignoring it is a finding.
      writeFileAt(
        r,
        '.codex/config.toml',
        `${codexServer}alwaysAllow.${Array(61).fill('z').join('.')} = 1\n`
      )
    })
    const result = check(root)
    expectClean(result)
    expect(result.output).toContain(
      '.mcp.json:1:72: error "env.k" of server "a" must be a string, not an object [config-schema]'
    )
    expect(result.output).toContain(
      '.codex/config.toml:3:1: warning Codex does not read "alwaysAllow"; it is ignored [config-unknown-field]'
    )
  })

  it('100,000 TOML tables are read in linear time', () => {
    const root = repo((r) => {
      const tables = Array.from({ length: 100_000 }, (_, index) => `[t${index}]`)
      writeFileAt(r, '.codex/config.toml', `${tables.join('\n')}\n`)
    })
    const result = check(root)
    expectClean(result)
    expect(result.status).toBe(0)
    expect(result.ms).toBeLessThan(30_000)
  }, 60_000)

  it('10,000 servers that start the same server: one finding, in linear time', () => {
    const names = Array.from({ length: 10_000 }, (_, index) => `s${index}`)
    const launch = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory@2026.8.31'] }
    const tools = Object.fromEntries(
      ['create_entities', 'read_graph'].map((tool) => [tool, { hash: `sha256:${'0'.repeat(64)}` }])
    )
    const root = repo((r) => {
      writeFileAt(
        r,
        '.mcp.json',
        JSON.stringify({ mcpServers: Object.fromEntries(names.map((n) => [n, launch])) })
      )
      writeFileAt(
        r,
        '.agents/mcp/mcp-lock.json',
        JSON.stringify({
          lockfileVersion: 1,
          servers: Object.fromEntries(names.map((n) => [n, { launch, tools }]))
        })
      )
      writeFileAt(r, 'mcp-lint.json', '{ "maxFileBytes": 67108864 }')
    })
    const text = check(root)
    const json = check(root, '--format', 'json')
    for (const result of [text, json]) {
      expectClean(result)
      expect(result.ms).toBeLessThan(60_000)
    }
    // Before grouping: 49,985,001 findings, gigabytes of output. Now one per rule.
    expect(text.stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^\.mcp\.json:1:2: warning Claude Code loads 20000 tools from this file/
      ),
      '.mcp.json:1:101: warning servers "s0", "s1", "s2" and 9997 more start the same server with the same settings: Claude Code loads each of its tools 10000 times; keep one [tool-name-collision]',
      '0 errors, 2 warnings, 0 notices in 1 config file with 10000 servers',
      ''
    ])
    expect(json.stdout.length).toBeLessThan(4 * 1024 * 1024)
    expect((JSON.parse(json.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(2)
  }, 180_000)

  it('an unreadable file is reported, and the others are still checked', () => {
    const root = repo((r) => {
      writeFileAt(r, '.mcp.json', '{"mcpServers":{}}')
      writeFileAt(r, '.cursor/mcp.json', '{"mcpServers":{"a":{"url":"https://x.example.com"}}}')
      readableByAll(r)
      chmodSync(join(r, '.mcp.json'), 0o000)
    })
    const result = checkAsUser(root)
    const output = result.stdout + result.stderr
    expect(result.status).toBe(1)
    expect(output).toMatch(/\.mcp\.json:1:1: error the file cannot be read \(EACCES\)/)
    expect(output).toContain('in 2 config files')
  })

  it('-o refuses an unwritable target at once, before linting, creating nothing', () => {
    const root = repo((r) => {
      writeFileAt(r, '.mcp.json', '{"mcpServers":{}}')
      writeFileAt(r, 'read-only.json', '')
      readableByAll(r)
      chmodSync(join(r, 'read-only.json'), 0o444)
    })
    const cases: [string, string][] = [
      ['/proc/x/y.json', 'the directory /proc/x does not exist (mcp-lint creates none)'],
      [
        join(root, 'no/such/r.json'),
        `the directory ${join(root, 'no/such')} does not exist (mcp-lint creates none)`
      ],
      [root, 'it is a directory']
    ]
    for (const [target, reason] of cases) {
      const result = check(root, '-o', target)
      expectClean(result)
      expect([result.status, result.stderr]).toEqual([
        2,
        `mcp-lint: cannot write the report to ${target}: ${reason}; nothing was checked\n`
      ])
      expect(result.ms).toBeLessThan(5000)
    }
    expect(existsSync(join(root, 'no'))).toBe(false)
    const target = join(root, 'read-only.json')
    const result = checkAsUser(root, '-o', target)
    expect([result.status, result.stderr]).toEqual([
      2,
      `mcp-lint: cannot write the report to ${target}: permission denied (EACCES); nothing was checked\n`
    ])
  })

  it('a reader that closes the pipe early (| head) ends the output quietly, with the exit code', async () => {
    const root = repo((r) => {
      const servers = Object.fromEntries(
        Array.from({ length: 3000 }, (_, index) => [`s${index}`, { command: 1 }])
      )
      writeFileAt(r, '.mcp.json', JSON.stringify({ mcpServers: servers }, null, 1))
    })
    const child = spawn(process.execPath, ['dist/cli/index.js', 'check', root], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    // Read one chunk, then close the pipe, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy())
    const status = await new Promise<number | null>((done) => child.on('close', done))
    expect(status).toBe(1)
    expect(stderr).toBe('')
  })

  it('a reader slower than the report still gets all of it, as the report file has it', async () => {
    const root = repo((r) => {
      const servers = Object.fromEntries(
        Array.from({ length: 3000 }, (_, index) => [`s${index}`, { command: 1 }])
      )
      writeFileAt(r, '.mcp.json', JSON.stringify({ mcpServers: servers }, null, 1))
    })
    const child = spawn(
      process.execPath,
      ['dist/cli/index.js', 'check', root, '--format', 'json'],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    // Nothing is read for a while: the pipe fills and the CLI's writes wait.
    await new Promise((done) => setTimeout(done, 300))
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    const status = await new Promise<number | null>((done) => child.on('close', done))
    const piped = Buffer.concat(chunks).toString()
    expect(status).toBe(1)
    expect(piped.length).toBeGreaterThan(1024 * 1024)
    const target = join(root, 'report.json')
    expect(check(root, '--format', 'json', '-o', target).status).toBe(1)
    expect(piped).toBe(readFileSync(target, 'utf8'))
  })

  it('a pipe left non-blocking by its writer waits for the reader instead of failing (EAGAIN)', async () => {
    const dir = mkdtempSync(join(scratch, 'fifo-'))
    const fifo = join(dir, 'out')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    // The reader opens the pipe, then waits before reading: a megabyte fills it many times over.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const fd = fs.openSync(process.argv[1], 'r');
         setTimeout(() => {
           const hash = require('crypto').createHash('sha1'); const buffer = Buffer.alloc(4096); let n
           while ((n = fs.readSync(fd, buffer)) > 0) hash.update(buffer.subarray(0, n))
           process.stdout.write(hash.digest('hex'))
         }, 300)`,
        fifo
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let digest = ''
    reader.stdout.on('data', (chunk: Buffer) => (digest += chunk.toString()))
    const closed = new Promise((done) => reader.on('close', done))
    let fd: number | undefined
    // Opening a FIFO without blocking fails (ENXIO) until its reader has opened it.
    for (let attempt = 0; fd === undefined && attempt < 200; attempt++) {
      try {
        fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)
      } catch {
        await new Promise((done) => setTimeout(done, 25))
      }
    }
    if (fd === undefined) throw new Error('the reader never opened the pipe')
    const text = 'mcp-lint report line\n'.repeat(50_000)
    try {
      writeText(fd, text)
    } finally {
      closeSync(fd)
    }
    await closed
    expect(digest).toBe(createHash('sha1').update(text).digest('hex'))
  })

  it.each<[string, Setup, string[], RegExp]>([
    [
      'a typo in a rule name',
      (r) => {
        writeFileAt(r, 'mcp-lint.json', '{ "rules": { "server-secrett": "off" } }')
      },
      [],
      /^mcp-lint: mcp-lint\.json:1:14: unknown rule "server-secrett" in "rules" \(did you mean "server-secret"\?\)$/m
    ],
    [
      'a config entry pointing outside the repository',
      (r) => {
        writeFileAt(
          r,
          'mcp-lint.json',
          '{ "paths": [{ "path": "../x.json", "platform": "cursor" }] }'
        )
      },
      [],
      /"paths" entry "\.\.\/x\.json" is outside the repository/
    ],
    [
      'a config file that is not JSON',
      (r) => {
        writeFileAt(r, 'mcp-lint.json', '{ rules: ')
      },
      [],
      /^mcp-lint: mcp-lint\.json:1:3: invalid JSON in the mcp-lint config/m
    ],
    [
      'a missing config file',
      () => undefined,
      ['--config', '/nonexistent/mcp-lint.json'],
      /cannot read config file/
    ],
    [
      'a lockfile that is not JSON',
      (r) => {
        writeFileAt(r, 'lock.json', '{')
      },
      ['--lockfile', 'lock.json'],
      /not valid JSON/
    ]
  ])('%s is exit 2 with a message naming it', (_, setup, args, expected) => {
    const root = repo(setup)
    const result = check(root, ...args.map((arg) => (arg === 'lock.json' ? join(root, arg) : arg)))
    expectClean(result)
    expect(result.status).toBe(2)
    expect(result.output).toMatch(expected)
  })
})
