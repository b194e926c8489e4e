import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _common_compile_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6655);
/* harmony import */ var _config_cli_args_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4751);
/* harmony import */ var _scan_worker_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6227);




/** Whether the command line asks for a run (not help, not a usage error) whose scan needs a worker thread. */
function scansInWorker(argv) {
    try {
        const command = (0,_config_cli_args_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCliArgs */ .hT)(argv);
        return command.kind === 'run' && (0,_scan_worker_js__WEBPACK_IMPORTED_MODULE_3__/* .scanNeedsWorker */ .p9)(command.options);
    }
    catch {
        return false;
    }
}
// Before the dynamic imports below, in either thread, so the chunks they load are cached once
// compiled: a developer's machine or a CI cache runs the CLI again and again.
(0,_common_compile_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .enableCompileCache */ .L)();
// The bundle is also the scan's worker script (see scan/worker.ts). Each thread imports only its own
// part (the bundler makes each dynamic import a file of its own), so neither loads the other's code,
// and the scan's worker starts first, to load the scan's code while this thread loads the CLI's.
if ((0,_scan_worker_js__WEBPACK_IMPORTED_MODULE_3__/* .isScanWorker */ .WJ)())
    await (0,_scan_worker_js__WEBPACK_IMPORTED_MODULE_3__/* .serveScanWorker */ .XU)();
else {
    const argv = process.argv.slice(2);
    const scanWorker = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(import.meta.url);
    const inWorker = scansInWorker(argv);
    if (inWorker)
        (0,_scan_worker_js__WEBPACK_IMPORTED_MODULE_3__/* .prestartScanWorker */ .Fk)(scanWorker);
    process.exitCode = await (await Promise.all(/* import() */[__nccwpck_require__.e(728), __nccwpck_require__.e(298), __nccwpck_require__.e(511)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3511))).main(argv, inWorker ? { scanWorker } : {});
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6655:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ enableCompileCache)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
// @ts-expect-error -- Node 22.1 and later; the @types/node in use describes Node 20, which lacks it

/**
 * Turns on Node's on-disk cache of compiled code for the modules loaded from here on: compiling
 * the bundle's chunks, megabytes of JavaScript, is most of a cold start, and a second run reads the
 * compiled code back instead. The cache lives in NODE_COMPILE_CACHE or the system's temporary
 * folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node reports a folder it cannot create or
 * write as a status and runs on uncached, so nothing here can stop a run. The bundle reads the
 * function as a property of node:module, so on Node 20 it is undefined and this does nothing.
 */
function enableCompileCache() {
    const enable = node_module__WEBPACK_IMPORTED_MODULE_0__.enableCompileCache;
    try {
        enable?.();
    }
    catch {
        // Nothing to do: the code compiles as it would without a cache.
    }
}


/***/ }),

/***/ 1922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeError),
/* harmony export */   q: () => (/* binding */ describeErrorFully)
/* harmony export */ });
/** The whole message of whatever was thrown: for callers that pass on a parser's or tool's full text. */
function describeErrorFully(error) {
    return error instanceof Error ? error.message : String(error);
}
/** One line for the log or a note: the first line of the message, without a stack. */
function describeError(error) {
    return describeErrorFully(error).split('\n')[0] ?? '';
}


/***/ }),

/***/ 2778:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M0: () => (/* binding */ meetsThreshold),
/* harmony export */   Rm: () => (/* binding */ THRESHOLDS),
/* harmony export */   W1: () => (/* binding */ emptyCounts),
/* harmony export */   _Z: () => (/* binding */ isSeverity),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
const SEVERITIES = ['low', 'moderate', 'high', 'critical'];
/** A threshold is a severity, or `none` for "never fail on this". */
const THRESHOLDS = [...SEVERITIES, 'none'];
function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
function meetsThreshold(severity, threshold) {
    return threshold !== 'none' && severityRank(severity) >= severityRank(threshold);
}
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
function emptyCounts() {
    return { low: 0, moderate: 0, high: 0, critical: 0 };
}


/***/ }),

/***/ 4751:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u_: () => (/* binding */ USAGE),
  hT: () => (/* binding */ parseCliArgs)
});

// UNUSED EXPORTS: FORMATS, isCi

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __nccwpck_require__(1922);
// EXTERNAL MODULE: ./src/config/errors.ts
var config_errors = __nccwpck_require__(7827);
// EXTERNAL MODULE: ./src/common/severity.ts
var severity = __nccwpck_require__(2778);
;// CONCATENATED MODULE: ./src/config/options.ts


/**
 * A git commit or ref as the gate passes it to git: never an option (`-x`), no whitespace or
 * control characters, only what ref names and revision syntax use.
 */
function parseGitRef(name, value) {
    const v = value.trim();
    if (/^[A-Za-z0-9._/@^~{}+-]+$/.test(v) && !v.startsWith('-'))
        return v;
    throw new config_errors/* UsageError */.e(`${name} must be a baseline file or a git commit or ref (letters, digits and ._/@^~{}+-, not starting with -); got '${value}'`);
}
function parseChoice(name, value, choices) {
    const v = value.trim();
    if (choices.includes(v))
        return v;
    throw new config_errors/* UsageError */.e(`${name} must be one of ${choices.join(', ')}; got '${value}'`);
}
function parseThreshold(name, value) {
    return parseChoice(name, value.toLowerCase(), severity/* THRESHOLDS */.Rm);
}
/** YAML 1.2 core booleans, as GitHub Actions' getBooleanInput accepts them. */
function parseBoolean(name, value) {
    const v = value.trim();
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    throw new UsageError(`${name} must be true or false; got '${value}'`);
}
function todayUtc(now = new Date()) {
    return now.toISOString().slice(0, 10);
}

// EXTERNAL MODULE: ./src/config/paths.ts
var paths = __nccwpck_require__(1066);
;// CONCATENATED MODULE: ./src/config/cli-args.ts







const FORMATS = ['text', 'markdown', 'json', 'sarif'];
const USAGE = `Usage: express-hardening-gate [path] [options]

Runs the hardening gate on the Node.js/Express project in path (default: .):
npm ci (in CI only, see --install), npm audit, a CycloneDX SBOM, Dockerfile and Express checks.

Options:
  --format text|markdown|json|sarif  report format (default: text)
  --output FILE          write the report to FILE instead of stdout
  --audit-level LEVEL    low, moderate, high, critical or none (default: high)
  --fail-on LEVEL        lowest finding severity that fails: low, moderate, high, critical or none (default: high)
  --install              run npm ci (default in CI, i.e. when CI is set; off locally because npm ci replaces node_modules)
  --no-install           do not run npm ci, even in CI
  --no-audit             do not run npm audit
  --no-sbom              do not write an SBOM
  --sbom-file FILE       SBOM path, relative to path (default: sbom.cdx.json)
  --config FILE          config file (default: .github/hardening.yml in path or the current directory)
  --omit-dev             leave devDependencies out of the audit and the SBOM
  --baseline REF|FILE    fail only on what is new since a git commit or ref of the scanned repository,
                         or since a baseline file (one that exists, or any name ending in .json)
  --write-baseline FILE  write this run's findings and advisories as a baseline file to commit (a ratchet)
  --ignore-scripts=false run lifecycle scripts during npm ci (off by default: untrusted code)
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 passed, 1 gate failed, 2 usage or fatal error.`;
/**
 * Whether the environment is a CI run: `CI` set to anything but empty, `false` or `0` (GitHub
 * Actions, GitLab, CircleCI and most others set `CI=true`).
 */
function isCi(env) {
    const value = env.CI?.trim().toLowerCase();
    return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
/**
 * `npm ci` deletes node_modules before it installs, so on a developer's machine it runs only when
 * asked (`--install`); in CI, where the checkout is fresh, it runs unless `--no-install`. The last
 * of the two flags wins, as a later flag overrides an alias's earlier one.
 */
function installs(tokens, env) {
    const last = tokens.findLast((t) => t.kind === 'option' && (t.name === 'install' || t.name === 'no-install'));
    return last ? last.name === 'install' : isCi(env);
}
/** `--baseline`: an existing file, or a name ending in .json, is a baseline file; `none` is none; anything else a git ref. */
function baselineChoice(value, cwd, dir) {
    if (value === undefined || value.trim().toLowerCase() === 'none')
        return { kind: 'none' };
    if (value.trim() === '')
        throw new config_errors/* UsageError */.e('--baseline is empty; give a baseline file or a git commit or ref');
    const path = (0,external_node_path_.resolve)(cwd, value.trim());
    const isFile = (0,external_node_fs_.existsSync)(path) && !(0,external_node_fs_.statSync)(path).isDirectory();
    if (isFile || value.trim().toLowerCase().endsWith('.json'))
        return { kind: 'file', path, ref: (0,paths/* toPosixRelative */.T0)(dir, path) };
    return { kind: 'base-commit', ref: parseGitRef('--baseline', value) };
}
/** Reads argv (without node and the script) into validated options; the CLI's only reader of flags. */
function parseCliArgs(argv, cwd = process.cwd(), env = process.env) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            tokens: true,
            options: {
                format: { type: 'string', default: 'text' },
                output: { type: 'string', default: '' },
                'audit-level': { type: 'string', default: 'high' },
                'fail-on': { type: 'string', default: 'high' },
                install: { type: 'boolean' },
                'no-install': { type: 'boolean' },
                'no-audit': { type: 'boolean', default: false },
                'no-sbom': { type: 'boolean', default: false },
                'sbom-file': { type: 'string', default: 'sbom.cdx.json' },
                config: { type: 'string' },
                'omit-dev': { type: 'boolean', default: false },
                'ignore-scripts': { type: 'string', default: 'true' },
                baseline: { type: 'string' },
                'write-baseline': { type: 'string', default: '' },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', short: 'v', default: false }
            }
        });
    }
    catch (error) {
        const message = (0,errors/* describeError */.U)(error);
        throw new config_errors/* UsageError */.e(`${message}; see --help`);
    }
    const { values, positionals, tokens } = parsed;
    if (values.help)
        return { kind: 'help' };
    if (values.version)
        return { kind: 'version' };
    if (positionals.length > 1)
        throw new config_errors/* UsageError */.e(`expected at most one path, got ${positionals.length}: ${positionals.join(' ')}; see --help`);
    const dir = (0,external_node_path_.resolve)(cwd, positionals[0] ?? '.');
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory())
        throw new config_errors/* UsageError */.e(`${positionals[0] ?? '.'} is not a directory; give the folder that holds package.json`);
    const workspace = (0,paths/* isInside */.FK)(cwd, dir) ? cwd : dir;
    const configFlag = values.config;
    const configFile = configFlag
        ? (0,external_node_path_.resolve)(cwd, configFlag)
        : ([(0,external_node_path_.join)(dir, '.github/hardening.yml'), (0,external_node_path_.join)(workspace, '.github/hardening.yml')].find((f) => (0,external_node_fs_.existsSync)(f)) ??
            (0,external_node_path_.join)(dir, '.github/hardening.yml'));
    const sbom = !values['no-sbom'];
    if (sbom && values['sbom-file'].trim() === '')
        throw new config_errors/* UsageError */.e('--sbom-file is empty; give a file name or use --no-sbom');
    const sbomFile = (0,external_node_path_.resolve)(dir, values['sbom-file']);
    const output = values.output ? (0,external_node_path_.resolve)(cwd, values.output) : '';
    if (sbom)
        (0,paths/* refuseLinkedOutput */.fl)('--sbom-file', workspace, sbomFile);
    if (output)
        (0,paths/* refuseLinkedOutput */.fl)('--output', workspace, output);
    if (values['write-baseline'] !== '' && values['write-baseline'].trim() === '')
        throw new config_errors/* UsageError */.e('--write-baseline is empty; give the file to write the baseline to');
    const writeBaseline = values['write-baseline'] ? (0,external_node_path_.resolve)(cwd, values['write-baseline']) : '';
    if (writeBaseline)
        (0,paths/* refuseLinkedOutput */.fl)('--write-baseline', workspace, writeBaseline);
    return {
        kind: 'run',
        options: {
            workspace,
            workingDirectory: dir,
            install: installs(tokens, env),
            ignoreScripts: parseChoice('--ignore-scripts', values['ignore-scripts'], ['true', 'false']) === 'true',
            audit: !values['no-audit'],
            auditLevel: parseThreshold('--audit-level', values['audit-level']),
            omitDev: values['omit-dev'],
            onAuditError: 'fail',
            failOn: parseThreshold('--fail-on', values['fail-on']),
            sbom,
            sbomFile,
            sarifFile: '',
            reportFile: '',
            configFile,
            configRequired: configFlag !== undefined,
            today: todayUtc(),
            baseline: baselineChoice(values.baseline, cwd, dir),
            writeBaseline,
            format: parseChoice('--format', values.format, FORMATS),
            output
        }
    };
}


/***/ }),

/***/ 7827:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/**
 * A problem with what the user gave us (an input, a flag, the config file, the repository layout).
 * Its message is one line that says what is wrong and how to fix it; it is shown without a stack.
 */
class UsageError extends Error {
    name = 'UsageError';
}


/***/ }),

/***/ 1066:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   T0: () => (/* binding */ toPosixRelative),
/* harmony export */   fl: () => (/* binding */ refuseLinkedOutput)
/* harmony export */ });
/* unused harmony exports resolveWorkingDirectory, resolveOutputFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7827);



/** `path` relative to `from`, with `/` separators; `.` for the same directory. */
function toPosixRelative(from, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(from, path);
    return rel === '' ? '.' : rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
function isInside(parent, child) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(parent, child);
    return rel === '' || (!rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/** The working directory must exist and stay inside the workspace (it comes from the workflow). */
function resolveWorkingDirectory(workspace, input) {
    const dir = resolve(workspace, input || '.');
    if (!isInside(workspace, dir)) {
        throw new UsageError(`working-directory '${input}' is outside the workspace ${workspace}; give a path inside the repository`);
    }
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new UsageError(`working-directory '${input}' does not exist; give the folder that holds package.json (relative to the repository root)`);
    }
    // A symbolic link in the repository (one a pull request can add) must not lead the scan, and the
    // reports written beside it, out of the workspace.
    if (!isInside(realpathSync(workspace), realpathSync(dir))) {
        throw new UsageError(`working-directory '${input}' is a symbolic link (or is inside one) that leads outside the workspace; give a real folder inside the repository`);
    }
    return dir;
}
/**
 * A pull request can commit a symbolic link where an output file goes (`hardening-report.json` ->
 * a file of the runner, or of a later step's action): the gate never writes through one, nor into a
 * folder of the workspace that leads outside it.
 */
function refuseLinkedOutput(name, workspace, file) {
    const isLink = (() => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file).isSymbolicLink();
        }
        catch {
            return false;
        }
    })();
    if (isLink)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${name} '${toPosixRelative(workspace, file)}' is a symbolic link in the repository; the gate does not write through one: delete it or name another file`);
    if (!isInside(workspace, file))
        return;
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file);
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir) !== dir)
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
    if (!isInside((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${name} '${toPosixRelative(workspace, file)}' is inside a symbolic link that leads outside the workspace; name a file in a real folder of the repository`);
    }
}
/** An output file named by the user: relative to the working directory, and inside the workspace. */
function resolveOutputFile(name, workspace, workingDirectory, value) {
    if (value.trim() === '')
        return '';
    const file = resolve(workingDirectory, value.trim());
    if (!isInside(workspace, file)) {
        throw new UsageError(`${name} '${value}' is outside the workspace; give a path relative to working-directory`);
    }
    refuseLinkedOutput(name, workspace, file);
    return file;
}


/***/ }),

/***/ 837:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fm: () => (/* binding */ sourceWithin),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   lY: () => (/* binding */ findFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Dependencies, build output, caches and VCS folders: never the app's own source. */
const SKIPPED_DIRS = new Set([
    'node_modules',
    'bower_components',
    'jspm_packages',
    'vendor',
    'dist',
    'build',
    'out',
    'coverage',
    '.nyc_output',
    '.next',
    '.nuxt',
    '.output',
    '.svelte-kit',
    '.turbo',
    '.cache',
    '.git',
    '.hg',
    '.svn',
    '.idea',
    '.vscode',
    '.yarn',
    '.pnpm-store'
]);
const GENERATED = /(?:[.-]min\.[cm]?js|\.bundle\.js|\.d\.[cm]?ts)$/;
const TEST_PATH = /(?:^|\/)(?:__tests__|__mocks__|mocks?|tests?|spec|e2e|fixtures?|examples?)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/;
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * A script this large in a folder of static assets is a library copied in for the browser (three.js,
 * a charting library), often unminified, and costs more to parse than the app itself. Smaller
 * scripts there are still read: a key in the browser's code is a leak too.
 */
const VENDORED_BYTES = 256 * 1024;
const STATIC_ASSETS = /(?:^|\/)(?:assets|public|static)\//;
/**
 * Whether the files `isSource` picks, as findFiles walks the tree (tests too), add up to at most
 * `limit` bytes; the walk stops as soon as they do not, so a large tree costs little to judge.
 */
function sourceWithin(root, limit, isSource) {
    let total = 0;
    const walk = (dir) => {
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            return true;
        }
        for (const entry of entries) {
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRS.has(entry.name) && !walk((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name)))
                    return false;
                continue;
            }
            if (!entry.isFile() || !isSource(entry.name) || GENERATED.test(entry.name))
                continue;
            try {
                total += Math.min((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name)).size, MAX_FILE_BYTES);
            }
            catch {
                continue;
            }
            if (total > limit)
                return false;
        }
        return true;
    };
    return walk(root);
}
/**
 * Lists the files of a known kind, in a stable order. Symbolic links are not followed (no
 * loops, nothing outside the repository); minified, generated and oversized files are left out
 * with a note so the report says what was not read. Files of the `listedOnly` kinds (lockfiles,
 * whose names are all the scan reads) are listed whatever their size: a 5 MiB package-lock.json
 * is still a lockfile.
 */
function findFiles(root, kindOf, listedOnly = new Set()) {
    const files = [];
    const notes = [];
    let generated = 0;
    const walk = (dir, rel) => {
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
        }
        catch (error) {
            notes.push({ file: rel || '.', message: `not read: ${error.code ?? 'unreadable'}` });
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const path = rel ? `${rel}/${entry.name}` : entry.name;
            const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRS.has(entry.name))
                    walk(abs, path);
                continue;
            }
            if (!entry.isFile())
                continue;
            const kind = kindOf(entry.name);
            if (!kind)
                continue;
            if (kind === 'js' && GENERATED.test(entry.name)) {
                if (!entry.name.includes('.d.'))
                    generated += 1;
                continue;
            }
            let size;
            try {
                size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs).size;
            }
            catch (error) {
                notes.push({ file: path, message: `not read: ${error.code ?? 'unreadable'}` });
                continue;
            }
            if (size > MAX_FILE_BYTES && !listedOnly.has(kind)) {
                notes.push({
                    file: path,
                    message: `skipped: ${Math.round(size / 1024)} KiB is over the ${MAX_FILE_BYTES / 1024} KiB limit for scanned files`
                });
                continue;
            }
            if (kind === 'js' && size > VENDORED_BYTES && STATIC_ASSETS.test(path)) {
                notes.push({
                    file: path,
                    message: `skipped: ${Math.round(size / 1024)} KiB of script among static assets is a vendored library, not the app's source`
                });
                continue;
            }
            files.push({ path, absPath: abs, size, kind, test: TEST_PATH.test(path) });
        }
    };
    walk(root, '');
    // Bundles in a repository can number in the thousands: one note counts them.
    if (generated > 0)
        notes.push({
            file: '.',
            message: `skipped ${generated} generated file${generated === 1 ? '' : 's'} (*.min.js, *.bundle.js): built output, not the app's source`
        });
    return { files, notes };
}


/***/ }),

/***/ 1322:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ isScriptName)
/* harmony export */ });
const SCRIPT_EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/;
/** JavaScript and TypeScript sources, modules and JSX included. */
function isScriptName(name) {
    return SCRIPT_EXTENSIONS.test(name);
}


/***/ }),

/***/ 6227:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Kj: () => (/* binding */ collectFindingsInWorker),
  WJ: () => (/* binding */ isScanWorker),
  Fk: () => (/* binding */ prestartScanWorker),
  p9: () => (/* binding */ scanNeedsWorker),
  XU: () => (/* binding */ serveScanWorker)
});

// UNUSED EXPORTS: SCAN_LIMITS

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
// EXTERNAL MODULE: ./src/discovery/find-files.ts
var find_files = __nccwpck_require__(837);
// EXTERNAL MODULE: ./src/parse/script-name.ts
var script_name = __nccwpck_require__(1322);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __nccwpck_require__(1922);
;// CONCATENATED MODULE: ./src/scan/worker.ts




const KIND = 'express-hardening-gate/scan';
/**
 * The scan's own memory ceiling. Node lets a heap grow far past what is live (a 10,000-file
 * monorepo holds about 200 MB and grew to over 600 MB on Node 24); in a worker the limits are
 * V8's to keep. A larger young generation also halves the garbage collections of parsing.
 */
const SCAN_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 96 };
/** JS/TS source up to this size (tests included) is scanned in the calling thread when nothing runs beside the scan. */
const IN_THREAD_SOURCE_BYTES = 2 * 1024 * 1024;
/**
 * Whether a run's scan needs a worker thread of its own. Starting one costs about as much as
 * starting Node again, more than the scan of a small project; it pays off when npm ci, the audit,
 * the SBOM or a base commit's scan run beside the scan (this thread takes their output meanwhile),
 * and on a large tree, whose memory the worker's ceiling bounds (SCAN_LIMITS).
 */
function scanNeedsWorker(options) {
    const alone = !options.install && !options.audit && !options.sbom && options.baseline?.kind !== 'base-commit';
    return !alone || !(0,find_files/* sourceWithin */.fm)(options.workingDirectory, IN_THREAD_SOURCE_BYTES, script_name/* isScriptName */.x);
}
/** Whether this thread was started to scan: the bundle is its own worker script. */
function isScanWorker() {
    return !external_node_worker_threads_namespaceObject.isMainThread && external_node_worker_threads_namespaceObject.workerData?.kind === KIND;
}
/**
 * The worker's side: load the scan's code, take one job, send the findings back as plain data. The
 * scan's code (rules, model, parser) is imported here, not by this module, so the main thread that
 * starts workers never loads it; and it is loaded before the job comes, so a worker started early
 * loads it while the main thread reads its inputs.
 */
async function serveScanWorker() {
    const { collectFindings } = await Promise.all(/* import() */[__nccwpck_require__.e(88), __nccwpck_require__.e(807), __nccwpck_require__.e(728), __nccwpck_require__.e(814), __nccwpck_require__.e(906), __nccwpck_require__.e(298)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6814));
    external_node_worker_threads_namespaceObject.parentPort?.once('message', ({ root, today }) => external_node_worker_threads_namespaceObject.parentPort?.postMessage(collectFindings(root, today)));
}
function startWorker(script) {
    const data = { kind: KIND };
    return new external_node_worker_threads_namespaceObject.Worker(script, { workerData: data, resourceLimits: SCAN_LIMITS, stdout: false, stderr: false });
}
/** Workers started ahead of their job, by script; each serves the first scan asked of that script. */
const started = new Map();
/**
 * Starts the scan's worker before the scan is asked for: starting a thread and loading the scan's
 * code take longer than the whole scan of a small project, and they overlap the main thread's own
 * start-up this way. The worker holds no job yet, so it never keeps the process alive; one that
 * fails before its job is simply not used.
 */
function prestartScanWorker(script) {
    if (started.has(script))
        return;
    let worker;
    try {
        worker = startWorker(script);
    }
    catch {
        return; // the scan starts its own, and reports why that fails
    }
    worker.unref();
    worker.once('error', () => undefined);
    worker.once('exit', () => {
        if (started.get(script) === worker)
            started.delete(script);
    });
    started.set(script, worker);
}
/**
 * Collects the findings in a worker thread started from `script` (the bundle), or the one
 * prestartScanWorker started, which leaves the main thread free to take the tools' output and
 * exits while the scan runs. Never rejects: a worker that fails (out of its memory, say) is an
 * error for the caller to fall back on.
 */
function collectFindingsInWorker(script, root, today) {
    return new Promise((resolve) => {
        let settled = false;
        let worker = started.get(script);
        started.delete(script);
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            if (worker)
                void worker.terminate();
            resolve(outcome);
        };
        try {
            worker ??= startWorker(script);
        }
        catch (error) {
            settle({ ok: false, error: (0,errors/* describeErrorFully */.q)(error) });
            return;
        }
        worker.ref();
        worker.once('message', (collected) => settle({ ok: true, collected }));
        worker.once('error', (error) => settle({ ok: false, error: error.code ?? error.message }));
        worker.once('exit', (code) => settle({ ok: false, error: `the scan worker stopped (exit ${code})` }));
        const job = { root, today };
        worker.postMessage(job);
    });
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
