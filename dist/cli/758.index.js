export const id = 758;
export const ids = [758,936];
export const modules = {

/***/ 6758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadBaseCommit: () => (/* binding */ loadBaseCommit)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _discovery_package_manager_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4844);
/* harmony import */ var _common_lockfiles_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8771);
/* harmony import */ var _lockfiles_npm_view_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7936);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1922);
/* harmony import */ var _discovery_find_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(837);
/* harmony import */ var _scan_documents_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7906);
/* harmony import */ var _scan_result_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1208);
/* harmony import */ var _scan_worker_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6227);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4635);
/* harmony import */ var _tools_npm_audit_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(280);
// The baseline of a pull request: its base commit, read out of git and scanned and audited like the
// head. Nothing of the base tree is run or checked out: its files are read as blobs (no filters, no
// hooks) into a temporary folder, which the same scan reads with the head's config, and npm audits
// its lockfile without installing it.













const MINUTE = 60_000;
const TIMEOUTS = { git: MINUTE, fetch: 5 * MINUTE, audit: 5 * MINUTE };
/**
 * Every git command: the repository's fsmonitor and hooks are never run, no automatic gc is left
 * running in the background after a fetch, and pathspecs are literal (a folder named `a*` is that folder).
 */
const GIT_SAFETY = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];
/** How much blob content one `git cat-file --batch` may print: well under exec's output ceiling. */
const BATCH_BYTES = 32 * 1024 * 1024;
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** A failure with the message the report shows. */
class BaselineFailure extends Error {
}
/** Whether a path of the tree may be written under the base folder: no `..`, no `.git`, nothing absolute. */
function safePath(path) {
    return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && part.toLowerCase() !== '.git');
}
function gitEnv(base) {
    return { ...base, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' };
}
/** For git in our own temporary folder: none of the caller's repository locations apply there. */
function ownRepositoryEnv(base) {
    const env = gitEnv(base);
    for (const name of [
        'GIT_DIR',
        'GIT_WORK_TREE',
        'GIT_INDEX_FILE',
        'GIT_COMMON_DIR',
        'GIT_OBJECT_DIRECTORY',
        'GIT_ALTERNATE_OBJECT_DIRECTORIES'
    ])
        delete env[name];
    return env;
}
/** What went wrong with a git command, in one line. */
function gitReason(run, timeoutMs) {
    if (run.spawnError)
        return `git could not be started: ${run.spawnError}`;
    if (run.timedOut)
        return `git did not finish within ${(0,_tools_exec_js__WEBPACK_IMPORTED_MODULE_10__/* .formatDuration */ .a3)(timeoutMs)}`;
    // git's first `fatal:` line says what went wrong; the lines after it are advice that wraps
    // ("... and the repository exists."), so the last line alone can read as nonsense.
    const fatal = run.stderr.split('\n').find((line) => /^(?:fatal|error):/.test(line));
    return (fatal ?? (0,_tools_exec_js__WEBPACK_IMPORTED_MODULE_10__/* .lastLine */ .fM)(run.stderr)).replace(/^(?:fatal|error):\s*/, '').trim() || `git exited with ${run.code ?? 'a signal'}`;
}
function gitRunner(options, timeouts) {
    const env = gitEnv(options.env ?? process.env);
    return (args, extra = {}) => options.exec('git', [...GIT_SAFETY, ...args], {
        cwd: extra.cwd ?? options.root,
        env: extra.env ?? env,
        timeoutMs: extra.timeoutMs ?? timeouts.git,
        ...(extra.input !== undefined ? { input: extra.input } : {}),
        ...(extra.binary ? { binary: true } : {})
    });
}
/** The folder of `root` inside its repository (`services/api/`, or empty at the top). */
async function repositoryPrefix(git, timeouts) {
    const run = await git(['rev-parse', '--show-prefix']);
    // The message names no absolute path: it goes into the comment, which must read the same on every rerun.
    if (run.code !== 0 || run.timedOut || run.spawnError)
        throw new BaselineFailure(`the working directory is not in a git checkout that can be read (${gitReason(run, timeouts.git)}): a base-commit baseline needs the repository checked out with git (actions/checkout)`);
    return run.stdout.replace(/\r?\n$/, '');
}
async function verifyCommit(git, ref) {
    const run = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    const sha = run.stdout.trim();
    return run.code === 0 && FULL_SHA.test(sha) ? sha.toLowerCase() : undefined;
}
/**
 * The base commit's full sha: from the checkout, else fetched from `origin` with the checkout's own
 * credentials (actions/checkout leaves them in the repository's git config). A shallow checkout
 * fetches the commit alone; a full one fetches what it lacks, so it stays a full clone.
 */
async function resolveCommit(git, ref, timeouts, log) {
    // A ref that git would read as an option, or that no ref name can be, is never handed to git.
    if (ref === '' || ref.startsWith('-') || ref.length > 1024 || [...ref].some((c) => c <= ' ' || c === '\u007f'))
        throw new BaselineFailure(`${JSON.stringify(ref)} is not a git commit or ref`);
    const present = await verifyCommit(git, ref);
    if (present)
        return present;
    if (!FULL_SHA.test(ref))
        throw new BaselineFailure(`${ref} is not a commit of this checkout: check out with enough history to include it (actions/checkout \`fetch-depth: 0\`), or name a commit sha`);
    const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
    log(`baseline: fetching the base commit ${ref.slice(0, 12)} from origin`);
    const fetched = await git(['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...(shallow ? ['--depth=1'] : []), 'origin', ref], {
        timeoutMs: timeouts.fetch
    });
    const sha = await verifyCommit(git, ref);
    if (sha)
        return sha;
    const why = fetched.code === 0 && !fetched.timedOut ? 'origin did not send it' : gitReason(fetched, timeouts.fetch);
    throw new BaselineFailure(`the base commit ${ref} is not in the checkout and could not be fetched from origin (${why}): check out with full history (actions/checkout \`fetch-depth: 0\`), or give the job the \`contents: read\` permission so the fetch may read the repository`);
}
// The size is `-` for a submodule, and not a number for an object the repository lacks (a damaged mirror).
const LS_TREE_LINE = /^(\d{6}) (\w+) ([0-9a-f]+) +(\S+)\t([\s\S]+)$/;
/** The files of the working directory's folder in the base commit, sizes and object ids included. */
async function listTree(git, sha, prefix, timeouts) {
    const run = await git(['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--full-tree', sha, ...(prefix ? ['--', prefix] : [])]);
    if (run.code !== 0 || run.timedOut || run.spawnError || run.truncated)
        throw new BaselineFailure(`the files of the base commit could not be listed (${run.truncated ? 'the listing is too long' : gitReason(run, timeouts.git)})`);
    const entries = [];
    for (const record of run.stdout.split('\u0000')) {
        const match = LS_TREE_LINE.exec(record);
        if (!match)
            continue;
        const [, mode = '', , oid = '', size = '-', full = ''] = match;
        if (!full.startsWith(prefix))
            continue;
        // An object the repository lacks is listed at size -1: it cannot be read, and is counted as missing.
        entries.push({ mode, oid, size: size === '-' ? 0 : /^\d+$/.test(size) ? Number(size) : -1, path: full.slice(prefix.length) });
    }
    return entries;
}
/** The entries written to the base folder: regular files, safe paths, no dependencies, none the scan would not read. */
function filesToWrite(entries) {
    return entries.filter((e) => (e.mode === '100644' || e.mode === '100755') &&
        safePath(e.path) &&
        !e.path.split('/').includes('node_modules') &&
        // Lockfiles are listed by the scan whatever their size, and npm audits the npm ones.
        (e.size <= _discovery_find_files_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_FILE_BYTES */ .gZ || (0,_scan_documents_js__WEBPACK_IMPORTED_MODULE_7__/* .kindOf */ .I)(node_path__WEBPACK_IMPORTED_MODULE_2__.posix.basename(e.path)) === 'lockfile'));
}
/** Splits `git cat-file --batch` output into each object's content, by object id. */
function parseBatch(output) {
    const blobs = new Map();
    let at = 0;
    while (at < output.length) {
        const end = output.indexOf(0x0a, at);
        if (end < 0)
            break;
        const header = output.subarray(at, end).toString('utf8').split(' ');
        at = end + 1;
        if (header.length !== 3)
            continue; // `<oid> missing`
        const [oid = '', , size = ''] = header;
        const length = Number(size);
        if (!Number.isInteger(length) || at + length > output.length)
            break;
        blobs.set(oid, output.subarray(at, at + length));
        at += length + 1;
    }
    return blobs;
}
/** Reads the blobs in batches that stay under exec's output ceiling, and writes each file. */
async function writeFiles(git, files, dir, timeouts) {
    const batches = [];
    let current = [];
    let bytes = 0;
    for (const file of files) {
        if (file.size < 0)
            continue;
        if (file.size > _tools_exec_js__WEBPACK_IMPORTED_MODULE_10__/* .MAX_OUTPUT */ .R1 / 2) {
            // Only a lockfile can be this large: npm could not audit what is left out, so it is no silent skip.
            throw new BaselineFailure(`${file.path} of the base commit is ${Math.round(file.size / 1024 / 1024)} MiB, too large to read`);
        }
        if (current.length > 0 && bytes + file.size > BATCH_BYTES) {
            batches.push(current);
            current = [];
            bytes = 0;
        }
        current.push(file);
        bytes += file.size + 100;
    }
    if (current.length > 0)
        batches.push(current);
    for (const dirPath of new Set(files.map((f) => node_path__WEBPACK_IMPORTED_MODULE_2__.posix.dirname(f.path)).filter((d) => d !== '.')))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, dirPath), { recursive: true });
    let written = 0;
    let missing = files.filter((f) => f.size < 0).length;
    for (const batch of batches) {
        const oids = [...new Set(batch.map((f) => f.oid))];
        const run = await git(['cat-file', '--batch'], { input: `${oids.join('\n')}\n`, binary: true });
        if (run.code !== 0 || run.timedOut || run.spawnError || run.truncated || !run.stdoutBytes)
            throw new BaselineFailure(`the files of the base commit could not be read (${gitReason(run, timeouts.git)})`);
        const blobs = parseBatch(run.stdoutBytes);
        await Promise.all(batch.map(async (file) => {
            const content = blobs.get(file.oid);
            if (!content) {
                missing += 1;
                return;
            }
            try {
                // `wx`: a path that differs only in case from one already written (a case-insensitive disk) is left out.
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, file.path), content, { flag: 'wx' });
                written += 1;
            }
            catch {
                // left out like any file that cannot be written
            }
        }));
    }
    return { written, missing };
}
/**
 * Makes the base folder a git work tree whose index lists the base commit's files, so the scan's
 * "is this file committed" (`git ls-files`) answers for the base as it does for the head: a tracked
 * `.env` that a `.gitignore` lists is committed in both. The index names the blobs only; the folder's
 * repository holds no objects and nothing runs in it.
 */
async function indexBase(git, entries, dir, env, timeouts) {
    const tracked = entries.filter((e) => e.mode !== '160000' && safePath(e.path));
    const init = await git(['init', '--quiet', '--template=', dir], { cwd: dir, env });
    const index = init.code === 0
        ? await git(['update-index', '-z', '--index-info'], {
            cwd: dir,
            env,
            input: tracked.map((e) => `${e.mode} ${e.oid}\t${e.path}\u0000`).join('')
        })
        : init;
    if (index.code !== 0 || index.timedOut || index.spawnError)
        throw new BaselineFailure(`the base commit's file list could not be recorded (${gitReason(index, timeouts.git)})`);
}
async function scanBase(dir, options) {
    let collected;
    if (options.scanWorker) {
        const outcome = await (0,_scan_worker_js__WEBPACK_IMPORTED_MODULE_9__/* .collectFindingsInWorker */ .Kj)(options.scanWorker, dir, options.today);
        if (outcome.ok)
            collected = outcome.collected;
    }
    collected ??= (await __webpack_require__.e(/* import() */ 814).then(__webpack_require__.bind(__webpack_require__, 6814))).collectFindings(dir, options.today);
    return (0,_scan_result_js__WEBPACK_IMPORTED_MODULE_8__/* .applyScanPolicy */ .o)(collected, dir, options.config, options.today).findings.filter((f) => !f.suppressed);
}
/**
 * `npm audit --package-lock-only` of the base lockfile (for pnpm and yarn, of its npm equivalent,
 * as for the head); a base without a lockfile has no advisories.
 */
async function auditBase(dir, options, timeoutMs) {
    const manager = (0,_discovery_package_manager_js__WEBPACK_IMPORTED_MODULE_3__/* .lockedManager */ .KR)(dir);
    if (!manager)
        return [];
    let view;
    if ((0,_common_lockfiles_js__WEBPACK_IMPORTED_MODULE_4__/* .needsNpmView */ .Cv)(manager)) {
        const made = (0,_lockfiles_npm_view_js__WEBPACK_IMPORTED_MODULE_5__.writeNpmView)(dir, manager);
        if (!made.ok)
            throw new BaselineFailure(`the base commit's ${manager.lockfile} cannot be audited: ${made.error}`);
        view = made.view;
    }
    try {
        const { result } = await (0,_tools_npm_audit_js__WEBPACK_IMPORTED_MODULE_11__/* .runNpmAudit */ .G)(options.exec, {
            cwd: view?.dir ?? dir,
            omitDev: options.omitDev,
            packageLockOnly: true,
            timeoutMs,
            ...(options.env ? { env: options.env } : {})
        });
        if (result.status !== 'ok')
            throw new BaselineFailure(`npm audit of the base commit's lockfile failed: ${result.error ?? 'no report'}`);
        return result.advisories.map((a) => ({ id: a.id, package: a.package }));
    }
    finally {
        view?.remove();
    }
}
function compareEntries(a, b) {
    return a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint);
}
/**
 * The baseline of the pull request's base commit `ref`: its unsuppressed findings (scanned with the
 * head's config) and, with `audit`, its lockfile's advisories. Never throws: whatever keeps the base
 * from being read is `status: 'error'` with the reason and what to do. Temporary folders are
 * removed whatever happens.
 */
async function loadBaseCommit(options) {
    const timeouts = { ...TIMEOUTS, ...options.timeouts };
    const log = options.log ?? (() => undefined);
    const git = gitRunner(options, timeouts);
    let ref = options.ref;
    let dir;
    let auditing;
    try {
        const started = Date.now();
        const prefix = await repositoryPrefix(git, timeouts);
        const sha = await resolveCommit(git, options.ref, timeouts, log);
        ref = sha;
        const entries = await listTree(git, sha, prefix, timeouts);
        const files = filesToWrite(entries);
        dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'ehg-base-'));
        const { written, missing } = await writeFiles(git, files, dir, timeouts);
        // Never silent, and never a reason to pass: what is not in the baseline counts as new.
        if (missing > 0)
            log(`baseline: ${missing} file${missing === 1 ? '' : 's'} of the base commit could not be read from git (objects missing); findings there count as new`);
        await indexBase(git, entries, dir, ownRepositoryEnv(options.env ?? process.env), timeouts);
        const read = Date.now();
        // npm audits while the scan runs (it starts before the scan may hold this thread).
        const audit = options.audit ? auditBase(dir, options, timeouts.audit) : Promise.resolve([]);
        auditing = audit.catch(() => undefined);
        const findings = await scanBase(dir, options);
        const scanned = Date.now();
        const advisories = await audit;
        log(`baseline: base commit ${sha.slice(0, 12)}: ${written} files read in ${read - started} ms, scanned in ${scanned - read} ms` +
            `${options.audit ? `, audited by ${Date.now() - read} ms` : ''}: ${findings.length} findings, ${advisories.length} advisories`);
        return {
            status: 'ok',
            source: 'base-commit',
            ref,
            data: {
                findings: findings.map((f) => ({ rule: f.rule, file: f.file, fingerprint: f.fingerprint })).sort(compareEntries),
                advisories: advisories.sort((a, b) => a.package.localeCompare(b.package) || a.id.localeCompare(b.id))
            }
        };
    }
    catch (error) {
        const message = error instanceof BaselineFailure ? error.message : `the base commit could not be scanned: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .describeError */ .U)(error)}`;
        return { status: 'error', source: 'base-commit', ref, error: message };
    }
    finally {
        // npm is done with the folder before it goes, even when the scan failed first.
        await auditing;
        if (dir)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true }).catch(() => undefined);
    }
}


/***/ }),

/***/ 7936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  npmLockfileOf: () => (/* binding */ npmLockfileOf),
  readLockGraph: () => (/* binding */ readLockGraph),
  workspaceFolders: () => (/* binding */ workspaceFolders),
  writeNpmView: () => (/* binding */ writeNpmView)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/regular-file.ts
var regular_file = __webpack_require__(4368);
;// CONCATENATED MODULE: ./src/lockfiles/graph.ts
// The dependency graph a pnpm or yarn lockfile pins, in one shape for both: the project's folders
// (importers) with what each declares, and every locked package with the packages its
// dependencies resolve to. Edges point at lockfile entries, so nothing is resolved twice and a
// package locked at two versions stays two entries.
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringMap(value) {
    if (!isObject(value))
        return {};
    return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === 'string'));
}
/** `name@range` split at the `@` that ends the name (a scoped name starts with one). */
function splitDescriptor(descriptor) {
    const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
    if (at <= 0)
        return undefined;
    return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}
/** What a package.json declares, as the ranges the npm lockfile's root entry copies. */
function declaredRanges(manifest) {
    const ranges = {};
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        const map = stringMap(manifest?.[field]);
        if (Object.keys(map).length > 0)
            ranges[field] = map;
    }
    return ranges;
}
/** A folder path from a lockfile that stays inside the project: relative, no `.`/`..` parts, no backslashes. */
function isPlainRelative(path) {
    return (!path.startsWith('/') &&
        !/^[A-Za-z]:/.test(path) &&
        !path.includes('\\') &&
        path.split('/').every((part) => part !== '' && part !== '.' && part !== '..'));
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/lockfiles/pnpm.ts
// pnpm-lock.yaml read into the lock graph. Three layouts are in use:
//   9.x  `importers`, `packages` (`name@1.0.0`: resolution) and `snapshots` (`name@1.0.0(peer@2.0.0)`: dependencies)
//   6.x  `packages` keyed `/name@1.0.0(peer@2.0.0)` holding both; a single project's lists at the top level
//   5.x  `packages` keyed `/name/1.0.0_peer@2.0.0`; dependencies as bare versions
// A dependency's reference is a version (with pnpm's peer suffix), an alias (`string-width@4.2.3`,
// `/string-width@4.2.3`, `/string-width/4.2.3`), or something npm cannot audit (`link:`, `file:`, URLs).




function layoutOf(version) {
    const major = Number.parseInt(String(version ?? ''), 10);
    if (major === 5)
        return 5;
    if (major === 6 || major === 7)
        return 6;
    if (major === 9)
        return 9;
    return undefined;
}
/** The part of a key or reference before pnpm's peer suffix: `(peer@1)` from 6.x on, `_peer@1` in 5.x. */
function withoutPeers(text, layout) {
    const cut = text.indexOf(layout === 5 ? '_' : '(');
    return cut === -1 ? text : text.slice(0, cut);
}
/** The entry key a dependency reference resolves to, or undefined for a link, file, git or tarball reference. */
function keyOf(name, reference, layout) {
    const base = withoutPeers(reference, layout);
    // A version or an alias has no colon; every other protocol (`git+https:`, `git+ssh:`, `https:`, `file:`) does.
    if (base.includes(':'))
        return undefined;
    if (layout === 9)
        return base.indexOf('@', 1) > 0 ? reference : `${name}@${reference}`;
    if (reference.startsWith('/'))
        return reference;
    return layout === 6 ? `/${name}@${reference}` : `/${name}/${reference}`;
}
/** The registry name and version an entry key names. */
function nameAndVersion(key, layout) {
    if (layout !== 5) {
        const split = splitDescriptor(withoutPeers(layout === 9 ? key : key.slice(1), layout));
        return split && { name: split.name, version: split.range };
    }
    // The peer suffix is cut from the version only: names may hold an underscore (`/string_decoder/1.3.0`).
    const path = key.slice(1);
    const slash = path.indexOf('/', path.startsWith('@') ? path.indexOf('/') + 1 : 0);
    return slash > 0 ? { name: path.slice(0, slash), version: withoutPeers(path.slice(slash + 1), layout) } : undefined;
}
/** The dependency lists of an importer, as `{ name: reference }` (6.x and 9.x write `{ specifier, version }`). */
function references(value) {
    if (!isObject(value))
        return {};
    const out = {};
    for (const [name, ref] of Object.entries(value)) {
        if (typeof ref === 'string')
            out[name] = ref;
        else if (isObject(ref) && typeof ref.version === 'string')
            out[name] = ref.version;
    }
    return out;
}
/**
 * The graph of a pnpm-lock.yaml. `manifestOf` reads an importer's package.json (by its path, `''`
 * for the root) when it can: its name, version and declared ranges.
 */
function readPnpmLockfile(text, manifestOf) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text, { maxAliasCount: 100 });
    }
    catch (error) {
        return { ok: false, error: `pnpm-lock.yaml is not valid YAML: ${(0,errors/* describeError */.U)(error)}` };
    }
    if (!isObject(doc))
        return { ok: false, error: 'pnpm-lock.yaml holds no lockfile' };
    const found = layoutOf(doc.lockfileVersion);
    if (found === undefined) {
        return {
            ok: false,
            error: `pnpm-lock.yaml has lockfileVersion ${JSON.stringify(doc.lockfileVersion ?? null)}, which this gate cannot read (it reads 5.x, 6.x and 9.x): regenerate it with a current pnpm`
        };
    }
    const layout = found;
    const packages = isObject(doc.packages) ? doc.packages : {};
    const snapshots = isObject(doc.snapshots) ? doc.snapshots : {};
    const entryOf = (key) => {
        if (layout === 9) {
            const deps = snapshots[key];
            const meta = packages[withoutPeers(key, layout)];
            return isObject(meta) || isObject(deps) ? { meta: isObject(meta) ? meta : {}, deps: isObject(deps) ? deps : {} } : undefined;
        }
        const entry = packages[key];
        return isObject(entry) ? { meta: entry, deps: entry } : undefined;
    };
    const nodes = new Map();
    const skipped = new Set();
    const resolve = (lists) => {
        const out = {};
        for (const [name, reference] of Object.entries(lists)) {
            const key = keyOf(name, reference, layout);
            if (key !== undefined && addNode(key))
                out[name] = key;
            else if (!reference.startsWith('link:'))
                skipped.add(`${name} (${reference})`);
        }
        return out;
    };
    // Depth-first over the entries a project reaches; a node is added before its dependencies, so cycles end.
    function addNode(key) {
        if (nodes.has(key))
            return true;
        const entry = entryOf(key);
        const named = nameAndVersion(key, layout);
        const name = typeof entry?.meta.name === 'string' ? entry.meta.name : named?.name;
        const version = typeof entry?.meta.version === 'string' ? entry.meta.version : named?.version;
        if (!entry || !name || !version || !semver_default().valid(version))
            return false;
        const resolution = isObject(entry.meta.resolution) ? entry.meta.resolution : {};
        const node = { key, name, version, dependencies: {}, optionalDependencies: {} };
        if (typeof resolution.integrity === 'string')
            node.integrity = resolution.integrity;
        if (typeof resolution.tarball === 'string')
            node.resolved = resolution.tarball;
        nodes.set(key, node);
        node.dependencies = resolve(stringMap(entry.deps.dependencies));
        node.optionalDependencies = resolve(stringMap(entry.deps.optionalDependencies));
        return true;
    }
    const listed = isObject(doc.importers)
        ? Object.entries(doc.importers).filter((e) => isObject(e[1]) && (e[0] === '.' || isPlainRelative(e[0])))
        : [['.', doc]];
    const importers = listed.map(([folder, lists]) => {
        const path = folder === '.' ? '' : folder;
        const manifest = manifestOf(path);
        const importer = {
            path,
            declared: declaredRanges(manifest),
            dependencies: resolve(references(lists.dependencies)),
            devDependencies: resolve(references(lists.devDependencies)),
            optionalDependencies: resolve(references(lists.optionalDependencies))
        };
        if (typeof manifest?.name === 'string')
            importer.name = manifest.name;
        if (typeof manifest?.version === 'string')
            importer.version = manifest.version;
        return importer;
    });
    return { ok: true, graph: { importers, nodes, skipped: [...skipped].sort() } };
}

;// CONCATENATED MODULE: ./src/lockfiles/to-npm.ts
const NODE_MODULES = 'node_modules/';
/** Nesting deeper than this is a lockfile cycling between versions; what is left is not placed. */
const MAX_NESTING = 40;
/**
 * Entries per locked package at most, on average. Versions cycling through packages that branch
 * double the tree at every level, which MAX_NESTING alone bounds only at 2^40 entries.
 */
const MAX_ENTRIES_PER_NODE = MAX_NESTING;
/** The registry npm writes `resolved` URLs for when the lockfile records none (pnpm 9 records only integrity). */
const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** Every entry reachable from `roots` through the edges `follow` gives. */
function reach(graph, roots, follow) {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
        const key = stack.pop();
        if (seen.has(key))
            continue;
        seen.add(key);
        const node = graph.nodes.get(key);
        if (node)
            stack.push(...follow(node));
    }
    return seen;
}
/** npm's flags: `dev` when only devDependencies reach a package, `optional` when only optional edges do, `devOptional` when only the two together do. */
function computeFlags(graph) {
    const required = (n) => Object.values(n.dependencies);
    const all = (n) => [...Object.values(n.dependencies), ...Object.values(n.optionalDependencies)];
    const lists = (pick) => graph.importers.flatMap((i) => pick(i).flatMap((list) => Object.values(list)));
    const prodRequired = reach(graph, lists((i) => [i.dependencies]), required);
    const prod = reach(graph, lists((i) => [i.dependencies, i.optionalDependencies]), all);
    const anyRequired = reach(graph, lists((i) => [i.dependencies, i.devDependencies]), required);
    // Keys of one name and version (pnpm's peer variants, Yarn 1's duplicate entries) are one npm
    // entry, placed for whichever key came first: what reaches any of them reaches it.
    const idOf = (key) => {
        const node = graph.nodes.get(key);
        return node ? `${node.name}@${node.version}` : key;
    };
    const ids = (keys) => new Set([...keys].map(idOf));
    const [prodIds, prodRequiredIds, anyRequiredIds] = [ids(prod), ids(prodRequired), ids(anyRequired)];
    return (key) => {
        const id = idOf(key);
        const dev = !prodIds.has(id);
        const optional = !anyRequiredIds.has(id);
        return { dev, optional, devOptional: !prodRequiredIds.has(id) && !dev && !optional };
    };
}
/**
 * The folder whose node_modules a package or project folder at `path` looks in next, as Node goes
 * up: `a/node_modules/b` -> `a`, `packages/api/examples/x` -> `packages/api/examples` (a workspace
 * inside another finds the outer one's packages), a top-level package -> the root.
 */
function parentOf(path) {
    const up = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
    const parent = up(path);
    return parent === 'node_modules' || parent.endsWith('/node_modules') ? up(parent) : parent;
}
function modulesOf(folder) {
    return folder === '' ? NODE_MODULES : `${folder}/${NODE_MODULES}`;
}
function tarballUrl(node) {
    const base = node.name.startsWith('@') ? node.name.split('/')[1] : node.name;
    return `${DEFAULT_REGISTRY}${node.name}/-/${base}-${node.version}.tgz`;
}
/** The spec an edge records: the pinned version, or `npm:<name>@<version>` for an alias. */
function specOf(alias, node) {
    return alias === node.name ? node.version : `npm:${node.name}@${node.version}`;
}
/**
 * What a project folder declares, as npm can check it against the tree: each dependency the
 * lockfile resolves as its pinned version (`npm:` for an alias), one on a workspace of the project
 * as `*` (the workspace link satisfies it), and the rest, which npm could neither find nor read
 * (`file:`, git, `catalog:`, a peer that is not installed), left out, so that npm reads the tree
 * without a missing or invalid dependency.
 */
function resolvedRanges(graph, importer) {
    const workspaces = new Set(graph.importers.map((i) => i.name).filter((n) => n !== undefined));
    const resolved = {
        ...importer.dependencies,
        ...importer.optionalDependencies,
        ...importer.devDependencies
    };
    const ranges = {};
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
        const out = {};
        for (const name of Object.keys(importer.declared[field] ?? {})) {
            const node = resolved[name] === undefined ? undefined : graph.nodes.get(resolved[name]);
            if (node)
                out[name] = specOf(name, node);
            else if (workspaces.has(name) && name !== importer.name)
                out[name] = '*';
        }
        if (Object.keys(out).length > 0)
            ranges[field] = out;
    }
    return ranges;
}
function toNpmLockfile(graph) {
    const flagsOf = computeFlags(graph);
    const placed = new Map(); // install path -> entry key
    const queue = [];
    const maxEntries = graph.nodes.size * MAX_ENTRIES_PER_NODE;
    /** Where `alias` resolves from `folder`: the first node_modules going up that has it. */
    function lookup(folder, alias) {
        for (let at = folder;; at = parentOf(at)) {
            const path = `${modulesOf(at)}${alias}`;
            if (placed.has(path))
                return path;
            if (at === '')
                return undefined;
        }
    }
    function place(folder, alias, key) {
        const node = graph.nodes.get(key);
        if (!node)
            return;
        const found = lookup(folder, alias);
        // Two entries of one version (pnpm's peer variants, Yarn 1's duplicate entries) are one package to npm.
        const there = found === undefined ? undefined : graph.nodes.get(placed.get(found));
        if (there && there.name === node.name && there.version === node.version)
            return;
        const path = found === undefined ? `${NODE_MODULES}${alias}` : `${modulesOf(folder)}${alias}`;
        if (path.split(NODE_MODULES).length - 1 > MAX_NESTING || placed.size >= maxEntries)
            return;
        placed.set(path, key);
        queue.push([path, node]);
    }
    const packages = {};
    const root = graph.importers.find((i) => i.path === '');
    for (const importer of graph.importers) {
        packages[importer.path] = {
            ...(importer.name !== undefined ? { name: importer.name } : {}),
            ...(importer.version !== undefined ? { version: importer.version } : {}),
            ...resolvedRanges(graph, importer)
        };
        if (importer.path !== '' && importer.name !== undefined) {
            packages[`${NODE_MODULES}${importer.name}`] = { resolved: importer.path, link: true };
        }
    }
    // The project's own dependencies first, so that they take the top level as npm gives it to them.
    for (const importer of graph.importers) {
        for (const list of [importer.dependencies, importer.optionalDependencies, importer.devDependencies]) {
            for (const [alias, key] of Object.entries(list))
                place(importer.path, alias, key);
        }
    }
    for (let next = queue.shift(); next; next = queue.shift()) {
        const [path, node] = next;
        for (const list of [node.dependencies, node.optionalDependencies]) {
            for (const [alias, key] of Object.entries(list))
                place(path, alias, key);
        }
    }
    for (const [path, key] of placed) {
        const node = graph.nodes.get(key);
        const alias = path.slice(path.lastIndexOf(NODE_MODULES) + NODE_MODULES.length);
        const flags = flagsOf(key);
        const edges = (list) => {
            const entries = Object.entries(list).flatMap(([dep, depKey]) => {
                const target = graph.nodes.get(depKey);
                return target ? [[dep, specOf(dep, target)]] : [];
            });
            return entries.length > 0 ? Object.fromEntries(entries) : undefined;
        };
        const dependencies = edges(node.dependencies);
        const optionalDependencies = edges(node.optionalDependencies);
        packages[path] = {
            ...(alias !== node.name ? { name: node.name } : {}),
            version: node.version,
            resolved: node.resolved ?? tarballUrl(node),
            ...(node.integrity ? { integrity: node.integrity } : {}),
            ...(flags.dev ? { dev: true } : {}),
            ...(flags.optional ? { optional: true } : {}),
            ...(flags.devOptional ? { devOptional: true } : {}),
            ...(dependencies ? { dependencies } : {}),
            ...(optionalDependencies ? { optionalDependencies } : {})
        };
    }
    const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
        ...(root?.name !== undefined ? { name: root.name } : {}),
        ...(root?.version !== undefined ? { version: root.version } : {}),
        lockfileVersion: 3,
        requires: true,
        packages: sorted
    };
}

// EXTERNAL MODULE: ./node_modules/@yarnpkg/parsers/lib/index.js
var lib = __webpack_require__(7823);
;// CONCATENATED MODULE: ./src/lockfiles/yarn.ts
// yarn.lock read into the lock graph, with Yarn's own parser (`parseSyml` reads both formats).
//   Yarn 1:  `"name@^1.0.0, name@^1.1.0": { version, resolved, integrity, dependencies: { dep: "^2.0.0" } }`;
//            the project's own folders are not in it: their lists come from their package.json files.
//   Yarn 2+: `"name@npm:^1.0.0": { version, resolution: "name@npm:1.0.0", dependencies: { dep: "npm:^2.0.0" } }`;
//            every workspace is an entry of its own (`app@workspace:.`) listing what it declares.
// An entry is found by any of the descriptors (`name@range`) its key lists. Only registry packages
// are nodes; Yarn 2+ locks no tarball integrity (its checksum is of its own cache archive).




function entriesByDescriptor(doc) {
    // parseSyml splits a Yarn 1 key (`a@^1.0.0, a@^1.1.0`) into one key per descriptor, all holding
    // the same object: that object is one entry, under the key the lockfile writes.
    const keysOf = new Map();
    for (const [key, data] of Object.entries(doc)) {
        if (key === '__metadata' || !isObject(data))
            continue;
        keysOf.set(data, [...(keysOf.get(data) ?? []), key]);
    }
    const byDescriptor = new Map();
    for (const [data, keys] of keysOf) {
        const entry = { key: keys.join(', '), data };
        for (const descriptor of keys.flatMap((key) => key.split(/,\s*/))) {
            byDescriptor.set(descriptor.trim(), entry);
            // Yarn 2+ binds a patch or file path relative to a workspace to it (`#./x.patch::locator=app%40workspace%3A.`),
            // which package.json does not write.
            const unbound = descriptor.trim().replace(/::locator=[^&]*$/, '');
            if (!byDescriptor.has(unbound))
                byDescriptor.set(unbound, entry);
        }
    }
    return byDescriptor;
}
/** Whether a Yarn 1 range asks the registry: a semver range or tag, or an `npm:` alias of one, not a path, URL or git repository. */
function isClassicRegistryRange(range) {
    const target = range.startsWith('npm:') ? splitDescriptor(range.slice(4))?.range : range;
    return target !== undefined && !/[:/]/.test(target);
}
/** The registry name of a Yarn 1 entry: the descriptor's, or an alias's target (`alias@npm:real@^1`). */
function classicName(descriptor) {
    const split = splitDescriptor(descriptor);
    if (!split)
        return undefined;
    return split.range.startsWith('npm:') ? splitDescriptor(split.range.slice(4))?.name : split.name;
}
/** Whether a Yarn 2+ resolution is a registry package (`npm:`, or a patch of one) and under what name. */
function berryName(resolution) {
    const split = splitDescriptor(resolution);
    if (!split)
        return undefined;
    if (split.range.startsWith('npm:'))
        return split.name;
    if (split.range.startsWith('patch:') && decodeURIComponent(split.range).includes('@npm:'))
        return split.name;
    return undefined;
}
function readYarnLockfile(text, flavor, folders) {
    let doc;
    try {
        doc = (0,lib/* parseSyml */["do"])(text);
    }
    catch (error) {
        return { ok: false, error: `yarn.lock cannot be read: ${(0,errors/* describeError */.U)(error)}` };
    }
    if (!isObject(doc))
        return { ok: false, error: 'yarn.lock holds no lockfile' };
    const byDescriptor = entriesByDescriptor(doc);
    const nodes = new Map();
    const skipped = new Set();
    const workspaceNames = new Set(folders.map((f) => f.manifest?.name).filter((n) => typeof n === 'string'));
    const find = (name, range) => byDescriptor.get(`${name}@${range}`) ??
        (flavor === 'berry' && !/^[a-z]+:/.test(range) ? byDescriptor.get(`${name}@npm:${range}`) : undefined);
    // Depth-first over what the project reaches; a node is added before its dependencies, so cycles end.
    function addNode(name, range) {
        const entry = find(name, range);
        if (!entry)
            return undefined;
        if (nodes.has(entry.key))
            return entry.key;
        const version = typeof entry.data.version === 'string' ? entry.data.version : '';
        const registryName = flavor === 'berry'
            ? berryName(typeof entry.data.resolution === 'string' ? entry.data.resolution : '')
            : isClassicRegistryRange(range)
                ? classicName(`${name}@${range}`)
                : undefined;
        if (!registryName || !semver_default().valid(version))
            return undefined;
        const node = { key: entry.key, name: registryName, version, dependencies: {}, optionalDependencies: {} };
        if (typeof entry.data.resolved === 'string')
            node.resolved = entry.data.resolved.replace(/#.*$/, '');
        if (typeof entry.data.integrity === 'string')
            node.integrity = entry.data.integrity;
        else if (typeof entry.data.resolved === 'string') {
            // Yarn 1 before 1.10 wrote no integrity, only the tarball's SHA-1 after the URL's `#`.
            const sha1 = /#([0-9a-f]{40})$/.exec(entry.data.resolved)?.[1];
            if (sha1)
                node.integrity = `sha1-${Buffer.from(sha1, 'hex').toString('base64')}`;
        }
        nodes.set(entry.key, node);
        const optional = new Set(Object.keys(stringMap(entry.data.optionalDependencies)));
        const meta = isObject(entry.data.dependenciesMeta) ? entry.data.dependenciesMeta : {};
        // parseSyml reads every scalar as a string (`optional: true` is 'true').
        for (const [dep, value] of Object.entries(meta))
            if (isObject(value) && String(value.optional) === 'true')
                optional.add(dep);
        const lists = { ...stringMap(entry.data.dependencies), ...stringMap(entry.data.optionalDependencies) };
        for (const [dep, depRange] of Object.entries(lists)) {
            const key = addNode(dep, depRange);
            if (key === undefined) {
                if (!workspaceNames.has(dep))
                    skipped.add(`${dep} (${depRange})`);
                continue;
            }
            if (optional.has(dep))
                node.optionalDependencies[dep] = key;
            else
                node.dependencies[dep] = key;
        }
        return entry.key;
    }
    const resolveAll = (ranges) => {
        const out = {};
        for (const [name, range] of Object.entries(ranges ?? {})) {
            const key = addNode(name, range);
            if (key !== undefined)
                out[name] = key;
            else if (!workspaceNames.has(name) && !range.startsWith('workspace:'))
                skipped.add(`${name} (${range})`);
        }
        return out;
    };
    const importers = folders.map(({ path, manifest }) => {
        const declared = declaredRanges(manifest);
        const importer = {
            path,
            declared,
            // Yarn installs no peer dependency of the project itself: the lockfile has none to resolve.
            dependencies: resolveAll(declared.dependencies),
            devDependencies: resolveAll(declared.devDependencies),
            optionalDependencies: resolveAll(declared.optionalDependencies)
        };
        if (typeof manifest?.name === 'string')
            importer.name = manifest.name;
        if (typeof manifest?.version === 'string')
            importer.version = manifest.version;
        return importer;
    });
    return { ok: true, graph: { importers, nodes, skipped: [...skipped].sort() } };
}

;// CONCATENATED MODULE: ./src/lockfiles/npm-view.ts
// A pnpm or yarn project seen as npm sees a project: its package.json and the equivalent npm
// lockfile, written to a temporary folder, where the real `npm audit --package-lock-only` and
// cyclonedx-npm read it. Only data is read and written; nothing of the project is run.










/** Folders under a workspace glob are looked for this deep at most. */
const MAX_WORKSPACE_DEPTH = 4;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
function readJson(file) {
    try {
        const data = JSON.parse((0,regular_file/* readRegularFile */.X)(file) ?? '');
        return isObject(data) ? data : undefined;
    }
    catch {
        return undefined;
    }
}
/** package.json's `workspaces` (a list, or Yarn 1's `{ packages }`), as globs. */
function workspaceGlobs(manifest) {
    const field = manifest.workspaces;
    const list = Array.isArray(field) ? field : isObject(field) && Array.isArray(field.packages) ? field.packages : [];
    return list.filter((g) => typeof g === 'string');
}
/** The workspace folders of a yarn project: the folders its globs match that hold a package.json. */
function workspaceFolders(root, manifest) {
    const all = workspaceGlobs(manifest).map((g) => g.replace(/^(!?)\.\//, '$1').replace(/\/$/, ''));
    // `!folder` leaves a folder out, as Yarn and npm read the list.
    const globs = all.filter((g) => !g.startsWith('!'));
    const ignore = all.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
    if (globs.length === 0)
        return [];
    const matches = picomatch_default()(globs, ignore.length > 0 ? { ignore } : {});
    const found = [];
    const walk = (folder, depth) => {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, folder));
        }
        catch {
            return;
        }
        for (const name of names.sort()) {
            if (SKIPPED_FOLDERS.has(name))
                continue;
            const path = folder ? external_node_path_.posix.join(folder, name) : name;
            let isDir = false;
            try {
                isDir = (0,external_node_fs_.statSync)((0,external_node_path_.join)(root, path)).isDirectory();
            }
            catch {
                continue;
            }
            if (!isDir)
                continue;
            if (matches(path) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, path, 'package.json')))
                found.push(path);
            if (depth < MAX_WORKSPACE_DEPTH)
                walk(path, depth + 1);
        }
    };
    walk('', 1);
    return found;
}
/** The lock graph of the project at `root` from its manager's lockfile. */
function readLockGraph(root, manager, manifest) {
    if (manager.name === 'pnpm') {
        const text = (0,regular_file/* readRegularFile */.X)((0,external_node_path_.join)(root, 'pnpm-lock.yaml'));
        if (text === undefined)
            return { ok: false, error: 'pnpm-lock.yaml cannot be read: it is missing or no regular file' };
        return readPnpmLockfile(text, (path) => (path === '' ? manifest : readJson((0,external_node_path_.join)(root, path, 'package.json'))));
    }
    const text = (0,regular_file/* readRegularFile */.X)((0,external_node_path_.join)(root, 'yarn.lock'));
    if (text === undefined)
        return { ok: false, error: 'yarn.lock cannot be read: it is missing or no regular file' };
    const folders = [
        { path: '', manifest },
        ...workspaceFolders(root, manifest).map((path) => ({ path, manifest: readJson((0,external_node_path_.join)(root, path, 'package.json')) }))
    ];
    return readYarnLockfile(text, manager.yarnFlavor ?? 'classic', folders);
}
/**
 * The workspace folders of the npm lockfile: its entries outside node_modules. The paths come from
 * the lockfile, so only plain relative paths inside the project are kept.
 */
function workspacePaths(lockfile) {
    return Object.keys(lockfile.packages).filter((path) => path !== '' && !path.startsWith('node_modules/') && !path.includes('/node_modules/') && isPlainRelative(path));
}
/** The package.json the npm view holds: the project's, its workspaces the folders the lockfile names. */
function viewManifest(manifest, graph) {
    const rest = { ...manifest };
    delete rest.workspaces;
    delete rest.packageManager;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'])
        delete rest[field];
    const root = graph.importers.find((i) => i.path === '');
    if (root)
        Object.assign(rest, resolvedRanges(graph, root));
    const folders = graph.importers.map((i) => i.path).filter((p) => p !== '' && isPlainRelative(p));
    return folders.length > 0 ? { ...rest, workspaces: folders } : rest;
}
/** The npm lockfile equivalent to the pnpm or yarn lockfile of the project at `root`, in memory. */
function npmLockfileOf(root, manager) {
    const source = manager.name === 'pnpm' ? 'pnpm-lock.yaml' : 'yarn.lock';
    const manifest = readJson((0,external_node_path_.join)(root, 'package.json'));
    if (!manifest)
        return { ok: false, source, error: `package.json cannot be read as JSON, so ${source} cannot be matched to it` };
    let read;
    try {
        read = readLockGraph(root, manager, manifest);
    }
    catch (error) {
        return { ok: false, source, error: `${source} cannot be read: ${(0,errors/* describeError */.U)(error)}` };
    }
    if (!read.ok)
        return { ok: false, source, error: read.error };
    return {
        ok: true,
        source,
        lockfile: toNpmLockfile(read.graph),
        skipped: read.graph.skipped,
        manifest: viewManifest(manifest, read.graph)
    };
}
/**
 * Writes the npm view of a pnpm or yarn project at `root` to a new temporary folder. The caller
 * removes it (`remove`) once npm is done with it.
 */
function writeNpmView(root, manager, tempRoot = (0,external_node_os_.tmpdir)()) {
    const converted = npmLockfileOf(root, manager);
    if (!converted.ok)
        return converted;
    const { source, lockfile, skipped, manifest } = converted;
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempRoot, 'gate-npm-view-'));
    const remove = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    try {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
        // npm finds workspaces by their package.json files, so each workspace folder gets its own.
        for (const folder of workspacePaths(lockfile)) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, folder), { recursive: true });
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, folder, 'package.json'), `${JSON.stringify(lockfile.packages[folder], null, 2)}\n`);
        }
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
        // The registry and its credentials, as npm would use them in the project itself.
        const npmrc = (0,regular_file/* readRegularFile */.X)((0,external_node_path_.join)(root, '.npmrc'));
        if (npmrc !== undefined)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, '.npmrc'), npmrc);
    }
    catch (error) {
        remove();
        return { ok: false, error: `the npm lockfile equivalent to ${source} could not be written: ${(0,errors/* describeError */.U)(error)}` };
    }
    return { ok: true, view: { dir, source, lockfile, skipped, remove } };
}


/***/ })

};
