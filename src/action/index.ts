import { githubActionIO } from './io.js'
import { run } from './main.js'

await run(githubActionIO())
