export const id = 758;
export const ids = [758];
export const modules = {

/***/ 86758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadBaseCommit: () => (/* binding */ loadBaseCommit)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _discovery_package_manager_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34844);
/* harmony import */ var _common_lockfiles_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98771);
/* harmony import */ var _lockfiles_npm_view_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(47936);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(71922);
/* harmony import */ var _discovery_find_files_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10837);
/* harmony import */ var _scan_documents_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(67906);
/* harmony import */ var _scan_result_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(51208);
/* harmony import */ var _scan_worker_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(40847);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(34635);
/* harmony import */ var _tools_npm_audit_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(50280);
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
    collected ??= (await __webpack_require__.e(/* import() */ 814).then(__webpack_require__.bind(__webpack_require__, 66814))).collectFindings(dir, options.today);
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


/***/ })

};
