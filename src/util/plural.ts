/** "1 tool", "2 tools"; irregular nouns pass their plural ("server launch", "server launches"). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`
}
