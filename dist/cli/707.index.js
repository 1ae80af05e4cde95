export const id = 707;
export const ids = [707];
export const modules = {

/***/ 7707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CLIENT_CAPABILITIES: () => (/* binding */ CLIENT_CAPABILITIES),
  defaultLimits: () => (/* reexport */ runner_limits/* defaultLimits */.M),
  enumerateRemote: () => (/* binding */ enumerateRemote),
  enumerateServer: () => (/* binding */ enumerateServer)
});

// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js + 31 modules
var esm_client = __webpack_require__(63);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/sse.js + 1 modules
var sse = __webpack_require__(53);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/stdio.js + 1 modules
var stdio = __webpack_require__(2420);
// EXTERNAL MODULE: ./node_modules/@modelcontextprotocol/sdk/dist/esm/client/streamableHttp.js + 2 modules
var streamableHttp = __webpack_require__(3491);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(1013);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/parse/syntax-problem.ts
var syntax_problem = __webpack_require__(1362);
// EXTERNAL MODULE: ./src/util/quote.ts
var quote = __webpack_require__(5796);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/runner/process-tree.ts

/**
 * The resident memory of a process and all its descendants, from /proc (Linux). Sandboxed servers
 * run in their own PID namespace, but the host's /proc still shows them under host PIDs.
 * Undefined where /proc is not available.
 */
function treeRssBytes(root) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)('/proc');
    }
    catch {
        return undefined;
    }
    const children = new Map();
    for (const entry of entries) {
        const pid = Number(entry);
        if (!Number.isInteger(pid))
            continue;
        const parent = parentOf(pid);
        if (parent !== undefined)
            children.set(parent, [...(children.get(parent) ?? []), pid]);
    }
    let total = 0;
    const stack = [root];
    const seen = new Set();
    while (stack.length > 0) {
        const pid = stack.pop() ?? 0;
        if (seen.has(pid))
            continue;
        seen.add(pid);
        total += rssOf(pid);
        stack.push(...(children.get(pid) ?? []));
    }
    return total;
}
/** Processes whose command line contains `marker`: how tests look for orphans. */
function processesWith(marker) {
    const found = [];
    for (const entry of safeList('/proc')) {
        const pid = Number(entry);
        if (!Number.isInteger(pid) || pid === process.pid)
            continue;
        try {
            if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker))
                found.push(pid);
        }
        catch {
            // The process ended while being read.
        }
    }
    return found;
}
function parentOf(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name is in parentheses and may contain spaces: fields restart after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(fields[1]);
    }
    catch {
        return undefined;
    }
}
function rssOf(pid) {
    try {
        const status = (0,external_node_fs_.readFileSync)(`/proc/${pid}/status`, 'utf8');
        const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
        return kilobytes === undefined ? 0 : Number(kilobytes) * 1024;
    }
    catch {
        return 0;
    }
}
function safeList(path) {
    try {
        return readdirSync(path);
    }
    catch {
        return [];
    }
}

// EXTERNAL MODULE: ./src/runner/remote-host.ts + 1 modules
var remote_host = __webpack_require__(8959);
// EXTERNAL MODULE: ./src/runner/text.ts
var runner_text = __webpack_require__(4099);
// EXTERNAL MODULE: ./src/runner/limits.ts
var runner_limits = __webpack_require__(1864);
;// CONCATENATED MODULE: ./src/runner/enumerate.ts











/**
 * The only module that talks to the MCP SDK. It starts one server, initialises, lists its tools
 * (every page), counts prompts and resources, and always kills the whole process tree.
 */
/**
 * The client declares no capabilities (no roots, sampling or elicitation): the tool list a server
 * returns depends on them (server-everything lists 13 tools without, 16 with all three), and no
 * capabilities is what the most conservative client gets.
 */
const CLIENT_CAPABILITIES = {};


class Stop extends Error {
    reason;
    constructor(reason, detail) {
        super(detail);
        this.reason = reason;
    }
}
/** Starts a stdio server (the command is usually bubblewrap wrapping it) and lists its tools. */
async function enumerateServer(launch, limits = runner_limits/* defaultLimits */.M) {
    const transport = new stdio/* StdioClientTransport */.oQ({
        command: launch.command,
        args: [...launch.args],
        env: { ...launch.env },
        cwd: launch.cwd,
        stderr: 'pipe',
        maxBufferSize: limits.maxMessageBytes
    });
    const stderr = new runner_text/* Tail */.P();
    // Unread stderr blocks a chatty server once the pipe fills: drain it from the start.
    transport.stderr?.on('data', (chunk) => {
        stderr.push(chunk.toString('utf8'));
    });
    let peakRssBytes;
    const sample = () => {
        const pid = transport.pid;
        const rss = pid === null ? undefined : treeRssBytes(pid);
        if (rss !== undefined)
            peakRssBytes = Math.max(peakRssBytes ?? 0, rss);
    };
    const sampler = setInterval(sample, 100);
    try {
        return await session(transport, limits, stderr, () => {
            sample();
            return peakRssBytes;
        });
    }
    finally {
        clearInterval(sampler);
        // The sandbox's PID namespace ends with its first process: killing it ends the whole tree.
        const pid = transport.pid;
        if (pid !== null) {
            try {
                process.kill(pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        }
    }
}
/**
 * Connects to a remote server and lists its tools. Redirects are refused: a server must not
 * bounce mcp-lint to another host (the caller has checked this one).
 */
async function enumerateRemote(remote, limits = runner_limits/* defaultLimits */.M) {
    const dispatcher = (0,remote_host/* checkedAgent */.He)(remote.allowPrivateHosts);
    // undici's own fetch with its own pool, so the address check runs on every connection.
    const noRedirects = async (input, init) => {
        const response = await (0,undici/* fetch */.hd)(input, {
            ...init,
            redirect: 'error',
            dispatcher
        });
        // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Node's global Response is undici's; the SDK reads it through the standard interface only
        return response;
    };
    const requestInit = { headers: { ...remote.headers } };
    const url = new URL(remote.url);
    const transport = remote.transport === 'sse'
        ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- SSE servers still exist; configs say which transport they use
            new sse/* SSEClientTransport */.A(url, { requestInit, fetch: noRedirects })
        : new streamableHttp/* StreamableHTTPClientTransport */.j(url, { requestInit, fetch: noRedirects });
    try {
        return await session(transport, limits, new runner_text/* Tail */.P(), () => undefined);
    }
    finally {
        // Destroy, not close: an SSE stream left open would keep close() waiting.
        await dispatcher.destroy().catch(() => undefined);
    }
}
/** Initialise, list every page of tools, count prompts and resources, within the limits; always close. */
async function session(transport, limits, stderr, peakRss) {
    const client = new esm_client/* Client */.K({ name: 'mcp-lint', version: version/* VERSION */.xv }, { capabilities: CLIENT_CAPABILITIES });
    let closed = false;
    client.onclose = () => {
        closed = true;
    };
    client.onerror = () => {
        // Non-JSON lines on stdout are reported here; the connection goes on.
    };
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let startMs = 0;
    let initializeMs = 0;
    let listMs = 0;
    // start() resolves when the process has spawned (or the connection is set up): the start time.
    const begin = transport.start.bind(transport);
    transport.start = async () => {
        await begin();
        startMs = elapsed();
    };
    const timings = () => ({ startMs, initializeMs, listMs, totalMs: elapsed() });
    let deadline;
    const overall = new Promise((_, reject) => {
        deadline = setTimeout(() => {
            reject(new Stop('timeout', `no result within ${limits.totalMs / 1000} s`));
        }, limits.totalMs);
    });
    try {
        const work = (async () => {
            await client.connect(transport, { timeout: limits.initializeMs });
            initializeMs = elapsed();
            const tools = await listAll(client, limits);
            listMs = elapsed() - initializeMs;
            const capabilities = client.getServerCapabilities();
            const prompts = capabilities?.prompts === undefined
                ? undefined
                : await countPages((cursor) => client
                    .listPrompts(cursor, { timeout: limits.listMs })
                    .then((page) => ({ items: page.prompts, nextCursor: page.nextCursor })), limits);
            const resources = capabilities?.resources === undefined
                ? undefined
                : await countPages((cursor) => client
                    .listResources(cursor, { timeout: limits.listMs })
                    .then((page) => ({ items: page.resources, nextCursor: page.nextCursor })), limits);
            const info = client.getServerVersion();
            return {
                status: 'ok',
                tools,
                prompts,
                resources,
                serverInfo: info === undefined
                    ? undefined
                    : {
                        name: info.name,
                        version: info.version,
                        ...(typeof info.title === 'string' ? { title: info.title } : {})
                    },
                instructions: client.getInstructions(),
                timings: timings(),
                peakRssBytes: peakRss()
            };
        })();
        return await Promise.race([work, overall]);
    }
    catch (error) {
        return {
            status: 'failed',
            ...classify(error, stderr, closed),
            timings: timings(),
            peakRssBytes: peakRss()
        };
    }
    finally {
        clearTimeout(deadline);
        let grace;
        await Promise.race([
            client.close().catch(() => undefined),
            new Promise((done) => {
                grace = setTimeout(done, 5_000);
            })
        ]);
        // A pending timer would keep the process alive after the last server is done.
        clearTimeout(grace);
    }
}
/** Follows `nextCursor` with a page cap and a guard against a cursor that comes back. */
async function paginate(fetchPage, limits) {
    const items = [];
    const seen = new Set();
    let cursor;
    for (let page = 0;; page++) {
        if (page >= limits.maxPages)
            throw new Stop('protocol-error', `pagination did not end after ${limits.maxPages} pages`);
        const result = await fetchPage(cursor === undefined ? undefined : { cursor });
        items.push(...result.items);
        if (items.length > limits.maxTools)
            throw new Stop('protocol-error', `the server listed more than ${limits.maxTools} items`);
        if (result.nextCursor === undefined || result.nextCursor === '')
            return items;
        if (seen.has(result.nextCursor))
            throw new Stop('protocol-error', 'the server sent the same page cursor twice');
        seen.add(result.nextCursor);
        cursor = result.nextCursor;
    }
}
async function listAll(client, limits) {
    const tools = await paginate((cursor) => client
        .listTools(cursor, { timeout: limits.listMs })
        .then((page) => ({ items: page.tools, nextCursor: page.nextCursor })), limits);
    for (const tool of tools)
        for (const part of [tool.inputSchema, tool.outputSchema, tool.annotations])
            if (depthExceeds(part, syntax_problem/* MAX_DEPTH */.l))
                throw new Stop('protocol-error', `tool ${(0,quote/* quote */.hD)(tool.name)} has a schema nested deeper than ${syntax_problem/* MAX_DEPTH */.l} levels`);
    return tools.map((tool) => {
        const info = { name: tool.name };
        if (tool.title !== undefined)
            info.title = tool.title;
        if (tool.description !== undefined)
            info.description = tool.description;
        info.inputSchema = tool.inputSchema;
        if (tool.outputSchema !== undefined)
            info.outputSchema = tool.outputSchema;
        if (tool.annotations !== undefined)
            info.annotations = tool.annotations;
        return info;
    });
}
/**
 * Whether a value nests deeper than `limit`, found without recursion: the hashing and comparing
 * that follow recurse, and a hostile server could send a schema deeper than the call stack.
 */
function depthExceeds(value, limit) {
    const pending = [[value, 0]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [item, depth] = next;
        if (item === null || typeof item !== 'object')
            continue;
        if (depth >= limit)
            return true;
        for (const child of Object.values(item))
            pending.push([child, depth + 1]);
    }
    return false;
}
async function countPages(fetchPage, limits) {
    try {
        return (await paginate(fetchPage, limits)).length;
    }
    catch {
        return undefined; // Prompts and resources are counted where a server offers them; a failure is not the server's tool list failing.
    }
}
const credentialHints = /(token|api[ _-]?key|credential|unauthori[sz]ed|forbidden|\b40[13]\b|access key|secret|password|login|authenticat|fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED)/i;
function classify(error, stderr, closed) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error.code;
    const last = stderr.lastLine();
    const because = last === '' ? '' : `; stderr: ${(0,runner_text/* sanitize */.a)(last, 200)}`;
    if (error instanceof Stop)
        return { reason: error.reason, detail: (0,runner_text/* sanitize */.a)(error.message) };
    if (code === 'ENOENT' ||
        /execvp .*No such file|command not found|ENOENT/.test(`${message}\n${stderr.text()}`)) {
        return { reason: 'command-not-found', detail: `the command was not found${because}` };
    }
    if (code === -32001 || /timed out/i.test(message))
        return { reason: 'timeout', detail: `${(0,runner_text/* sanitize */.a)(message, 120)}${because}` };
    if (credentialHints.test(`${message}\n${last}`)) {
        return {
            reason: 'needs-credentials',
            detail: `it needs credentials or the network to list tools (${(0,runner_text/* sanitize */.a)(message, 120)})${because}`
        };
    }
    if (closed || code === -32000 || /connection closed/i.test(message))
        return { reason: 'exited', detail: `the server exited${because}` };
    return {
        reason: 'protocol-error',
        detail: `${(0,runner_text/* sanitize */.a)(describeInvalid(message), 160)}${because}`
    };
}
/** The SDK reports a result that fails its schema as a JSON list of issues: say it in one line. */
function describeInvalid(message) {
    try {
        const issues = JSON.parse(message);
        if (!Array.isArray(issues))
            return message;
        const first = issues[0];
        const path = Array.isArray(first?.path)
            ? first.path
                .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
                .join('')
                .replace(/^\./, '')
            : '';
        const problem = typeof first?.message === 'string' ? first.message : 'invalid';
        return `the server's answer does not follow the MCP schema: ${path} ${problem}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
    }
    catch {
        return message;
    }
}


/***/ })

};
