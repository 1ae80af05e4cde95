import { redactText } from '../detect/redact.js'

/**
 * Text from a server (stderr, tool names and descriptions) on its way into a log line or a
 * message: control characters removed, workflow commands (`::error::`) defused, tokens masked,
 * length bounded. A server must not be able to write annotations or hide log lines.
 */
export function sanitize(text: string, limit = 300): string {
  const oneLine = text
    .replace(/\r?\n|\r/g, ' ⏎ ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/::/g, ': :')
  // Masked before cutting, so a cut never leaves half a token unmasked.
  const safe = redactText(oneLine)
  return safe.length > limit ? `${safe.slice(0, limit)}…` : safe
}

/** Keeps the last `limit` characters of a stream that must be drained whatever it sends. */
export class Tail {
  #text = ''

  constructor(private readonly limit = 16 * 1024) {}

  push(chunk: string): void {
    this.#text += chunk
    if (this.#text.length > this.limit * 2) this.#text = this.#text.slice(-this.limit)
  }

  /** The last non-empty line, the likeliest to say why a server stopped. */
  lastLine(): string {
    const lines = this.#text
      .slice(-this.limit)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
    return lines.at(-1) ?? ''
  }

  text(): string {
    return this.#text.slice(-this.limit)
  }
}
