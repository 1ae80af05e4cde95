import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  readonly method: string
  readonly path: string
  readonly body: unknown
}

interface Comment {
  id: number
  body: string
  html_url: string
}

interface Issue {
  id: number
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: { name: string }[]
  html_url: string
}

/**
 * A local HTTP server playing the parts of GitHub's REST API the Action calls, with state, so a
 * second run sees what the first one wrote. Records every request for assertions. `readOnly`
 * answers writes with 403, as GitHub does for the token of a pull request from a fork.
 */
export class FakeGitHub {
  readonly requests: Recorded[] = []
  readonly comments = new Map<number, Comment[]>()
  readonly issues: Issue[] = []
  readonly checkRuns: { id: number; body: Record<string, unknown> }[] = []
  /** Per pull request: head commit and the changed files with their patches. */
  readonly pulls = new Map<number, { head: string; files: { filename: string; patch: string }[] }>()
  /** Review comments per pull request: what the suggestions API calls posted. */
  readonly reviewComments = new Map<
    number,
    { id: number; path: string; line: number; side: string; commit_id: string; body: string }[]
  >()
  /** Files per `ref:path`, for the contents API. */
  readonly contents = new Map<string, string>()
  /** Per `ref:path`: an HTTP status the contents API answers with instead. */
  readonly contentFailures = new Map<string, number>()
  readOnly = false
  #nextId = 1000
  #server: Server | undefined

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response)
    })
    await new Promise<void>((resolve) => {
      this.#server?.listen(0, '127.0.0.1', resolve)
    })
    const { port } = this.#server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.#server?.close(() => {
        resolve()
      })
    )
  }

  writes(): Recorded[] {
    return this.requests.filter((request) => request.method !== 'GET')
  }

  /** Resolves to true once the response is sent. */
  async #handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const body: unknown = text === '' ? undefined : JSON.parse(text)
    const url = new URL(request.url ?? '/', 'http://localhost')
    const method = request.method ?? 'GET'
    this.requests.push({ method, path: url.pathname + url.search, body })
    const send = (status: number, data: unknown): boolean => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(data))
      return true
    }
    if (method !== 'GET' && this.readOnly)
      return send(403, { message: 'Resource not accessible by integration' })
    const route = url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, '')
    const page = Number(url.searchParams.get('page') ?? '1')
    const perPage = Number(url.searchParams.get('per_page') ?? '30')
    const paged = <T>(items: T[]) => items.slice((page - 1) * perPage, page * perPage)
    const data = body as Record<string, unknown> | undefined
    let match: RegExpExecArray | null
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(route))) {
      const issue = Number(match[1])
      const list = this.comments.get(issue) ?? []
      if (method === 'GET') return send(200, paged(list))
      const comment = {
        id: this.#nextId++,
        body: String(data?.body),
        html_url: `https://github.test/c/${this.#nextId}`
      }
      this.comments.set(issue, [...list, comment])
      return send(201, comment)
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(route)) && method === 'PATCH') {
      const id = Number(match[1])
      const comment = [...this.comments.values()].flat().find((candidate) => candidate.id === id)
      if (comment === undefined) return send(404, { message: 'Not Found' })
      comment.body = String(data?.body)
      return send(200, comment)
    }
    if ((match = /^\/pulls\/(\d+)\/comments$/.exec(route))) {
      const pull = Number(match[1])
      const list = this.reviewComments.get(pull) ?? []
      if (method === 'GET') return send(200, paged(list))
      const comment = {
        id: this.#nextId++,
        path: String(data?.path),
        line: Number(data?.line),
        side: String(data?.side),
        commit_id: String(data?.commit_id),
        body: String(data?.body)
      }
      this.reviewComments.set(pull, [...list, comment])
      return send(201, comment)
    }
    if ((match = /^\/pulls\/(\d+)\/files$/.exec(route))) {
      const pull = this.pulls.get(Number(match[1]))
      return send(200, paged(pull?.files.map((file) => ({ ...file, status: 'modified' })) ?? []))
    }
    if ((match = /^\/pulls\/(\d+)$/.exec(route))) {
      const pull = this.pulls.get(Number(match[1]))
      return pull === undefined
        ? send(404, { message: 'Not Found' })
        : send(200, { number: Number(match[1]), head: { sha: pull.head } })
    }
    if ((match = /^\/contents\/(.+)$/.exec(route))) {
      const key = `${url.searchParams.get('ref') ?? ''}:${decodeURIComponent(match[1] ?? '')}`
      const failure = this.contentFailures.get(key)
      if (failure !== undefined) return send(failure, { message: 'Server Error' })
      const content = this.contents.get(key)
      if (content === undefined) return send(404, { message: 'Not Found' })
      // As GitHub: the raw media type returns the bytes; the JSON form leaves `content` empty
      // for files over 1 MB.
      if ((request.headers.accept ?? '').includes('raw')) {
        response.writeHead(200, { 'content-type': 'application/vnd.github.raw' })
        response.end(content)
        return true
      }
      const large = Buffer.byteLength(content) > 1024 * 1024
      return send(200, {
        type: 'file',
        encoding: large ? 'none' : 'base64',
        content: large ? '' : Buffer.from(content).toString('base64')
      })
    }
    if (route === '/issues' && method === 'GET') {
      const label = url.searchParams.get('labels')
      return send(
        200,
        paged(
          this.issues.filter(
            (issue) =>
              issue.state === 'open' &&
              (label === null || issue.labels.some((candidate) => candidate.name === label))
          )
        )
      )
    }
    if (route === '/issues' && method === 'POST') {
      const issue: Issue = {
        id: this.#nextId++,
        number: this.issues.length + 1,
        title: String(data?.title),
        body: String(data?.body),
        state: 'open',
        labels: ((data?.labels as string[] | undefined) ?? []).map((name) => ({ name })),
        html_url: `https://github.test/issues/${this.issues.length + 1}`
      }
      this.issues.push(issue)
      return send(201, issue)
    }
    if ((match = /^\/issues\/(\d+)$/.exec(route)) && method === 'PATCH') {
      const issue = this.issues.find((candidate) => candidate.number === Number(match?.[1]))
      if (issue === undefined) return send(404, { message: 'Not Found' })
      if (typeof data?.body === 'string') issue.body = data.body
      if (data?.state === 'open' || data?.state === 'closed') issue.state = data.state
      return send(200, issue)
    }
    if (route === '/check-runs' && method === 'POST') {
      const run = { id: this.#nextId++, body: data ?? {} }
      this.checkRuns.push(run)
      return send(201, { id: run.id, html_url: `https://github.test/runs/${run.id}` })
    }
    if ((match = /^\/check-runs\/(\d+)$/.exec(route)) && method === 'PATCH') {
      return send(200, { id: Number(match[1]) })
    }
    return send(404, { message: `no route for ${method} ${url.pathname}` })
  }
}
