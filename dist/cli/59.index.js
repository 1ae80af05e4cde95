"use strict";exports.id=59,exports.ids=[59],exports.modules={4059:(function(__unused_webpack_module,__webpack_exports__,__webpack_require__) {__webpack_require__.d(__webpack_exports__,{runInit:()=>runInit});var promises_=__webpack_require__(1455),external_node_path_=__webpack_require__(6760),baseline=__webpack_require__(6360),lint_config=__webpack_require__(3780),errors=__webpack_require__(17),plural=__webpack_require__(1976),version=__webpack_require__(1013);const WORKFLOW_PATH=".github/workflows/mcp-lint.yml",STARTER_CONFIG_PATH="mcp-lint.json",CHECKOUT="actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0";function workflowText(inputs){const action=`${version.Yx}@v${version.xv}`,extra=[...inputs.path===void 0?[]:[`path: ${yamlString(inputs.path)}`],...inputs.source===void 0?[]:[`source: ${yamlString(inputs.source)}`],...inputs.platforms===void 0?[]:[`platforms: ${inputs.platforms.join(", ")}`]],withLines=lines=>lines.length===0?"":`
        with:
${lines.map(line=>`          ${line}`).join(`
`)}`;return`# Written by mcp-lint init (${version.xv}). Checks the MCP server configs on every pull request, and
# once a week starts their servers again to catch drift: a new release, changed tools.
name: MCP lint
on:
  pull_request:
  schedule:
    - cron: '23 6 * * 1'
  workflow_dispatch:
permissions: {}
jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      pull-requests: write # the summary comment
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: ${action} # a tag: pin it to the release's commit SHA, as checkout is${withLines(extra)}
  drift:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      issues: write # the tracking issue while there is drift
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: ${action} # a tag: pin it to the release's commit SHA, as checkout is${withLines([...extra,"mode: drift","drift-issue: true"])}
`}function starterConfigText(){const schema=`https://raw.githubusercontent.com/${version.Yx}/v${version.xv}/schemas/mcp-lint.schema.json`;return`${JSON.stringify({$schema:schema,rules:{},ignores:[]},null,2)}
`}function yamlString(text){return JSON.stringify(text)}var lint=__webpack_require__(8960),log_line=__webpack_require__(9253),write_repo_file=__webpack_require__(8747),cli_io=__webpack_require__(14);async function runInit(options,values,io){const root=options.root;if((await(0,promises_.stat)(root).catch(()=>{}))?.isDirectory()!==!0)throw new errors.e(`${root}: no such directory`);if(values.enumerate===!0&&values.baseline!==!0)throw new errors.e("--enumerate is for init --baseline: it records the tools findings too");const say=line=>{io.stdout(`${(0,log_line._)(line)}
`)},top=await gitTopLevel(root)??(0,external_node_path_.resolve)(root),path=(0,external_node_path_.relative)(top,(0,external_node_path_.resolve)(root)).split(external_node_path_.sep).join("/"),workflow=path===""?WORKFLOW_PATH:`${(0,external_node_path_.relative)((0,external_node_path_.resolve)(root),top).split(external_node_path_.sep).join("/")}/${WORKFLOW_PATH}`;await exists((0,external_node_path_.join)(top,WORKFLOW_PATH))?say(`kept ${workflow}: it exists`):(await(0,write_repo_file.a)(top,WORKFLOW_PATH,workflowText({...path===""?{}:{path},...values.source===void 0?{}:{source:values.source},...options.platforms===void 0?{}:{platforms:options.platforms}})),say(`created ${workflow}: the check on pull requests, and a weekly drift check`));const existing=await firstExisting(root,lint_config.HR);return existing!==void 0?say(`kept ${existing}: it exists`):(await(0,write_repo_file.a)(root,STARTER_CONFIG_PATH,starterConfigText()),say(`created ${STARTER_CONFIG_PATH}: rules, ignores and limits go here (its $schema documents each key)`)),values.baseline===!0&&await writeBaseline(options,io,say),say('next: commit these files; "mcp-lint check" runs the same checks here'),cli_io.yU.ok}async function gitTopLevel(dir){let current=(0,external_node_path_.resolve)(dir);for(;;){if(await exists((0,external_node_path_.join)(current,".git")))return current;const parent=(0,external_node_path_.dirname)(current);if(parent===current)return;current=parent}}async function writeBaseline(options,io,say){const result=await(0,lint.u8)({...options,baseline:!1});options.enumerate===void 0&&say("note: the workflow also starts the servers; add --enumerate to record the findings about their tools too"),result.files.length===0&&io.stderr(`warning: no MCP config found in ${(0,log_line._)(options.root)}: the baseline is empty
`);const secrets=result.diagnostics.filter(d=>baseline.jS.has(d.ruleId)),accepted=result.diagnostics.filter(d=>!baseline.jS.has(d.ruleId));await(0,write_repo_file.a)(options.root,baseline.CM,(0,baseline.J2)((0,baseline.ET)(accepted))),say(`wrote ${baseline.CM}: ${(0,plural.L)(accepted.length,"finding")} recorded as known; only new ones fail from now on`),secrets.length>0&&io.stderr(`${(0,log_line._)(`warning: ${(0,plural.L)(secrets.length,"leaked secret was","leaked secrets were")} not recorded (${secrets.map(d=>`${d.file}:${d.range.start.line}`).join(", ")}): rotate each one and replace it with a reference; "mcp-lint check --fix" writes the reference`)}
`)}async function firstExisting(root,paths){for(const path of paths)if(await exists((0,external_node_path_.join)(root,path)))return path}async function exists(path){return await(0,promises_.stat)(path).catch(()=>{})!==void 0}}),8747:(function(__unused_webpack_module,__webpack_exports__,__webpack_require__) {__webpack_require__.d(__webpack_exports__,{a:()=>writeRepoFile});var node_fs__WEBPACK_IMPORTED_MODULE_0__=__webpack_require__(3024),node_fs__WEBPACK_IMPORTED_MODULE_0___default=__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__),node_fs_promises__WEBPACK_IMPORTED_MODULE_1__=__webpack_require__(1455),node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default=__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__),node_path__WEBPACK_IMPORTED_MODULE_2__=__webpack_require__(6760),node_path__WEBPACK_IMPORTED_MODULE_2___default=__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__),_errors_js__WEBPACK_IMPORTED_MODULE_3__=__webpack_require__(17);async function writeRepoFile(root,path,text){const parts=path.split("/"),name=parts.pop()??"";let dir=await(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);for(const part of parts){dir=(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir,part);const info=await(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir).catch(()=>{});if(info===void 0)await(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir);else if(info.isSymbolicLink()||!info.isDirectory())throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.e(`${path}: ${part} is ${info.isSymbolicLink()?"a symlink":"not a directory"}; mcp-lint writes only inside the repository and never through a symlink`)}let handle;try{handle=await(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir,name),node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY|node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT|node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_TRUNC|node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW,420)}catch(error){throw error.code==="ELOOP"?new _errors_js__WEBPACK_IMPORTED_MODULE_3__.e(`${path} is a symlink; mcp-lint writes only inside the repository and never through a symlink`):error}try{await handle.writeFile(text,"utf8")}finally{await handle.close()}}})};
