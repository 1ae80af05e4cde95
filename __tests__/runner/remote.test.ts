import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { lint } from '../../src/lint.js'
import { enumerateRemote } from '../../src/runner/enumerate.js'
import type { BaseRevision } from '../../src/trust/base-revision.js'
import { isPrivateAddress, refuseHost } from '../../src/runner/remote-host.js'
import { tempRepos } from '../helpers/temp-repo.js'

/** A minimal streamable-HTTP MCP server on loopback, recording the headers it was sent. */
let server: Server
let base = ''
const seen: IncomingHttpHeaders[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/redirect') {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end()
      return
    }
    if (request.method !== 'POST') {
      response.writeHead(405).end()
      return
    }
    seen.push(request.headers)
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      const message = JSON.parse(body) as {
        id?: number
        method: string
        params?: { protocolVersion?: string }
      }
      if (message.id === undefined) {
        response.writeHead(202).end()
        return
      }
      const result =
        message.method === 'initialize'
          ? {
              protocolVersion: message.params?.protocolVersion,
              capabilities: { tools: {} },
              serverInfo: { name: 'remote', version: '1' }
            }
          : {
              tools: [
                {
                  name: 'search_docs',
                  description: 'Search the docs',
                  inputSchema: { type: 'object' }
                }
              ]
            }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.close()
})

const tempRepo = tempRepos()

function repo(config: object, settings?: object): string {
  return tempRepo({
    '.mcp.json': JSON.stringify(config),
    ...(settings === undefined ? {} : { 'mcp-lint.json': JSON.stringify(settings) })
  })
}

/** A base revision held in memory: the files a pull request's base commit has. */
function baseOf(files: Record<string, unknown>): BaseRevision {
  return {
    label: 'the base commit bbbbbbb',
    read: (path) => Promise.resolve(path in files ? JSON.stringify(files[path]) : null)
  }
}

const keyBinding = [{ server: 'docs', header: 'X-Api-Key', variable: 'DOCS_KEY_FOR_TESTS' }]

describe('remote servers', () => {
  it('are listed only when enabled, with headers from variables the caller binds', async () => {
    const config = {
      mcpServers: {
        docs: {
          type: 'http',
          url: `${base}/mcp`,
          headers: { 'X-Client': 'mcp-lint', Authorization: 'Bearer ${DOCS_TOKEN}' }
        }
      }
    }
    const dir = repo(config)
    process.env.DOCS_KEY_FOR_TESTS = 'key-from-the-environment'
    process.env.DOCS_TOKEN = 'must-never-be-sent'
    try {
      expect((await lint({ root: dir, enumerate: {} })).servers[0]).toMatchObject({
        status: 'skipped',
        reason: 'remote'
      })
      const result = await lint({
        root: dir,
        enumerate: { remote: true, allowPrivateHosts: true, remoteHeaders: keyBinding }
      })
      expect(result.servers[0]).toMatchObject({ status: 'ok', tools: [{ name: 'search_docs' }] })
      expect(seen.at(-1)?.['x-api-key']).toBe('key-from-the-environment')
      expect(seen.at(-1)?.['x-client']).toBe('mcp-lint')
      expect(seen.some((headers) => JSON.stringify(headers).includes('must-never-be-sent'))).toBe(
        false
      )
    } finally {
      delete process.env.DOCS_KEY_FOR_TESTS
      delete process.env.DOCS_TOKEN
    }
  })

  it('sends a bound header on a pull request only to the URL the base gives that server', async () => {
    const moved = { mcpServers: { docs: { type: 'http', url: `${base}/mcp?moved=1` } } }
    const kept = { mcpServers: { docs: { type: 'http', url: `${base}/mcp` } } }
    const dir = repo(moved)
    process.env.DOCS_KEY_FOR_TESTS = 'key-from-the-environment'
    const request = { remote: true, allowPrivateHosts: true, remoteHeaders: keyBinding }
    try {
      const before = seen.length
      const redirected = await lint({
        root: dir,
        base: baseOf({ '.mcp.json': kept }),
        enumerate: request
      })
      expect(redirected.servers[0]).toMatchObject({
        status: 'skipped',
        reason: 'not-allowed',
        detail:
          "its url differs from the base branch's, so the X-Api-Key header the workflow binds to it is not sent; it is enumerated after merge"
      })
      const added = await lint({ root: dir, base: baseOf({}), enumerate: request })
      expect(added.servers[0]).toMatchObject({ status: 'skipped', reason: 'not-allowed' })
      expect(seen.length).toBe(before)
      const trusted = await lint({
        root: dir,
        base: baseOf({ '.mcp.json': moved }),
        enumerate: request
      })
      expect(trusted.servers[0]).toMatchObject({ status: 'ok' })
      expect(seen.at(-1)?.['x-api-key']).toBe('key-from-the-environment')
    } finally {
      delete process.env.DOCS_KEY_FOR_TESTS
    }
  })

  it('takes no remote settings from mcp-lint.json, which a pull request can write', async () => {
    const dir = repo(
      { mcpServers: { docs: { type: 'http', url: `${base}/mcp` } } },
      {
        enumeration: {
          remote: { enabled: true, headers: { docs: { 'X-Api-Key': 'ACTIONS_RUNTIME_TOKEN' } } }
        }
      }
    )
    await expect(lint({ root: dir, enumerate: {} })).rejects.toThrow(
      /"enumeration.remote" is no longer read from mcp-lint.json \(a pull request could send runner secrets to a server of its choosing\)/
    )
  })

  it('refuses private addresses and redirects', async () => {
    const local = repo({ mcpServers: { docs: { type: 'http', url: `${base}/mcp` } } })
    const redirect = repo({ mcpServers: { docs: { type: 'http', url: `${base}/redirect` } } })
    expect((await lint({ root: local, enumerate: { remote: true } })).servers[0]).toMatchObject({
      status: 'skipped',
      reason: 'not-allowed',
      detail: 'only https:// servers are enumerated, not http://'
    })
    expect(
      (await lint({ root: redirect, enumerate: { remote: true, allowPrivateHosts: true } }))
        .servers[0]
    ).toMatchObject({ status: 'failed' })
  })

  it('checks the address again at connect time, so a rebinding name cannot reach loopback', async () => {
    const port = new URL(base).port
    const before = seen.length
    // refuseHost is skipped here, as if the name had resolved to a public address a moment ago.
    const run = await enumerateRemote({
      url: `http://localhost:${port}/mcp`,
      transport: 'http',
      headers: { Authorization: 'must-never-be-sent' },
      allowPrivateHosts: false
    })
    expect(run.status).toBe('failed')
    expect(seen.length).toBe(before)
  })

  it('knows private addresses', async () => {
    expect(
      [
        '127.0.0.1',
        '10.1.2.3',
        '169.254.169.254',
        '172.16.0.1',
        '192.168.1.1',
        '100.64.0.1',
        '::1',
        'fd00::1',
        'fe80::1',
        '::ffff:127.0.0.1',
        '0.0.0.0'
      ].every(isPrivateAddress)
    ).toBe(true)
    expect(['1.1.1.1', '8.8.8.8', '2606:4700::1111', '172.32.0.1'].some(isPrivateAddress)).toBe(
      false
    )
    expect(await refuseHost('https://127.0.0.1/mcp', false)).toBe(
      '127.0.0.1 resolves to a private or local address (127.0.0.1)'
    )
    expect(await refuseHost('ftp://example.com', false)).toBe(
      'only https:// servers are enumerated, not ftp://'
    )
  })
})
