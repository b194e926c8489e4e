export const id = 298;
export const ids = [298];
export const modules = {

/***/ 98771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cn: () => (/* binding */ NPM_LOCKFILE),
/* harmony export */   Cv: () => (/* binding */ needsNpmView),
/* harmony export */   DK: () => (/* binding */ NPM_LOCKFILES),
/* harmony export */   YF: () => (/* binding */ OTHER_LOCKFILES)
/* harmony export */ });
/** The lockfiles npm ci installs from and npm audit reads. */
const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];
/** The lockfile npm writes and audits: audit advisories are reported on it. */
const NPM_LOCKFILE = NPM_LOCKFILES[0];
/** Lockfiles of other package managers, which npm can neither install from nor audit, by the tool that writes them. */
const OTHER_LOCKFILES = {
    'yarn.lock': 'yarn',
    'pnpm-lock.yaml': 'pnpm',
    'bun.lock': 'bun',
    'bun.lockb': 'bun'
};
/**
 * Whether npm reads the project through the equivalent npm lockfile: pnpm and yarn projects. Here,
 * not beside the conversion (lockfiles/npm-view.ts), so that asking does not load the lockfile parsers.
 */
function needsNpmView(manager) {
    return manager?.name === 'pnpm' || manager?.name === 'yarn';
}


/***/ }),

/***/ 44368:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readRegularFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The text of a regular file of the repository, or undefined when it is missing, is no regular
 * file, or cannot be read. Opened without blocking and checked on the open descriptor: a FIFO named
 * like package.json or a lockfile would otherwise block the gate forever. `maxBytes` reads only the
 * start of the file.
 */
function readRegularFile(path, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0));
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile())
            return undefined;
        const size = maxBytes === undefined ? stat.size : Math.min(stat.size, maxBytes);
        const buffer = Buffer.alloc(size);
        let read = 0;
        while (read < size) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, read, size - read, read);
            if (n === 0)
                break;
            read += n;
        }
        return buffer.subarray(0, read).toString('utf8');
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ }),

/***/ 3164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ urlPassword),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Lo: () => (/* binding */ nameWords),
/* harmony export */   PR: () => (/* binding */ TOKEN_FORMATS),
/* harmony export */   eh: () => (/* binding */ isSecretName),
/* harmony export */   iq: () => (/* binding */ isCredentialVariable)
/* harmony export */ });
/**
 * What names a secret, what a provider's token looks like, and how to print one: shared by the
 * rules that report secrets and by the redaction of tool output, so they agree. Only ever print a
 * detected secret through `redact`.
 */
/** Head words that name a secret wherever they stand last: `DB_PASSWORD`, `jwtSecret`, `NPM_TOKEN`. */
const SECRET_HEADS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);
/** Head words too short or common to stand alone (`PWD` is the working directory): only after another word. */
const QUALIFIED_HEADS = new Set(['pass', 'pwd']);
/** `<word>_KEY` is a secret for these words: `API_KEY`, `PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`. */
const KEY_KINDS = new Set([
    'api',
    'private',
    'secret',
    'access',
    'encryption',
    'signing',
    'master',
    'auth',
    'client',
    'license',
    'session',
    'jwt',
    'hmac',
    'crypto',
    'cipher'
]);
/** Single words that end in a secret head: `DBPASSWORD`, `APISECRET`. */
const COMPOUND_SUFFIXES = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'privatekey', 'secretkey', 'accesskey'];
/** Splits `AWS_SECRET_ACCESS_KEY`, `jwtSecret`, `api-key.v2` into lower-case words; a trailing version is dropped. */
function nameWords(name) {
    const words = name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== '')
        .map((w) => w.toLowerCase());
    while (words.length > 1 && /^v?\d+$/.test(words.at(-1) ?? ''))
        words.pop();
    return words;
}
/**
 * Does this variable, key or property name hold a secret value? Judged by its last word, so
 * `TOKEN_URL`, `PASSWORD_MIN_LENGTH`, `PASSWORD_FILE` and `AWS_ACCESS_KEY_ID` are not secrets
 * while `DB_PASSWORD`, `JWT_SECRET`, `API_KEY` and `GITHUB_TOKEN` are.
 */
function isSecretName(name) {
    const words = nameWords(name);
    const head = words.at(-1);
    if (head === undefined)
        return false;
    if (SECRET_HEADS.has(head))
        return true;
    if (QUALIFIED_HEADS.has(head))
        return words.length > 1;
    if (head === 'key')
        return KEY_KINDS.has(words.at(-2) ?? '');
    return COMPOUND_SUFFIXES.some((suffix) => head.length > suffix.length && head.endsWith(suffix));
}
/** The password of a `scheme://user:password@host` URL, unless it is a `$VAR`/`${VAR}` reference. */
function urlPassword(value) {
    const password = value.match(/^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/i)?.[1];
    return password === undefined || password.startsWith('$') ? undefined : password;
}
/** A secret as it may be printed: its first two characters when it is long enough, never the rest. */
function redact(value) {
    return value.length >= 8 ? `${value.slice(0, 2)}…` : '…';
}
/**
 * Environment variable names whose values are credentials, for redacting tool output: broader than
 * `isSecretName` (`GITHUB_TOKEN`, `INPUT_GITHUB-TOKEN`, `NODE_AUTH_TOKEN`, `npm_config__auth`),
 * since hiding a harmless value costs nothing there.
 */
const CREDENTIAL_VARIABLE = /token|secret|passw|passphrase|credential|_auth|api_?key|private_?key|access_?key/i;
function isCredentialVariable(name) {
    return CREDENTIAL_VARIABLE.test(name);
}
/** In the order redaction applies them; findings are sorted by where they stand. */
const TOKEN_FORMATS = [
    {
        name: 'GitHub token',
        pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
        redactPattern: /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
        revoke: 'revoke it in GitHub settings'
    },
    {
        name: 'GitHub fine-grained token',
        pattern: /\bgithub_pat_[A-Za-z0-9_]{50,}\b/g,
        redactPattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
        revoke: 'revoke it in GitHub settings'
    },
    { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, redactPattern: /\bnpm_[A-Za-z0-9]{20,}/g, revoke: 'revoke it on npmjs.com' },
    {
        name: 'Stripe live key',
        pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}\b/g,
        redactPattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}/g,
        revoke: 'roll it in the Stripe dashboard'
    },
    {
        name: 'AWS access key id',
        pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
        redactPattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
        revoke: 'deactivate it in AWS IAM'
    },
    {
        name: 'Slack token',
        pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g,
        redactPattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g,
        revoke: 'revoke it in the Slack app settings'
    },
    { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, revoke: 'delete it in Google Cloud credentials' }
];


/***/ }),

/***/ 69521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   ld: () => (/* binding */ REPOSITORY_URL),
/* harmony export */   wr: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
/** Kept equal to package.json's version by a test. */
const TOOL_NAME = 'express-hardening-gate';
const TOOL_VERSION = '0.1.0';
const REPOSITORY_URL = 'https://github.com/express-hardening-gate/express-hardening-gate';


/***/ }),

/***/ 34844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ frozenInstallCommand),
/* harmony export */   Je: () => (/* binding */ installCommand),
/* harmony export */   KR: () => (/* binding */ lockedManager),
/* harmony export */   Y$: () => (/* binding */ LOCKFILE_OF),
/* harmony export */   jd: () => (/* binding */ LOCKFILE_MANAGERS),
/* harmony export */   yP: () => (/* binding */ readPackageManager)
/* harmony export */ });
/* unused harmony exports yarnFlavorOf, parsePackageManagerField, describeManager, detectPackageManager */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_regular_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(44368);
// Which package manager a project uses: from the lockfile it commits and package.json's
// `packageManager` field (corepack's `pnpm@9.1.0`). Only names and the head of yarn.lock are read.



/** The lockfiles this module knows, by the manager that writes them; in the order a project's manager is read from. */
const LOCKFILE_MANAGERS = [
    ['package-lock.json', 'npm'],
    ['npm-shrinkwrap.json', 'npm'],
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn']
];
/** The lockfile each manager writes. */
const LOCKFILE_OF = {
    npm: 'package-lock.json',
    pnpm: 'pnpm-lock.yaml',
    yarn: 'yarn.lock'
};
/** How much of yarn.lock is read: berry's `__metadata:` block comes first, after a comment header. */
const YARN_HEAD_BYTES = 4096;
/** Yarn 2+ writes a YAML lockfile with a `__metadata:` block; Yarn 1 writes its own format, headed `# yarn lockfile v1`. */
function yarnFlavorOf(head) {
    return /^__metadata:/m.test(head) ? 'berry' : 'classic';
}
/** `pnpm@9.1.0`, `yarn@4.1.0+sha512.abc`, `npm@10.8.1`: the manager and its version, or undefined for anything else. */
function parsePackageManagerField(value) {
    if (typeof value !== 'string')
        return undefined;
    const match = /^(npm|pnpm|yarn)@(\d+)(\.[^+\s]*)?(?:\+.*)?$/.exec(value.trim());
    if (!match)
        return undefined;
    const name = match[1];
    const version = `${match[2]}${match[3] ?? ''}`;
    if (name !== 'yarn')
        return { name, version };
    return { name, yarnFlavor: Number(match[2]) >= 2 ? 'berry' : 'classic', version };
}
/** `pnpm`, `yarn (classic)`, `yarn (berry)`. */
function describeManager(manager) {
    return manager.yarnFlavor ? `yarn (${manager.yarnFlavor})` : manager.name;
}
/** The command that creates the manager's lockfile. */
function installCommand(manager) {
    return `${manager?.name ?? 'npm'} install`;
}
/** The command that installs exactly the lockfile, failing when it is out of date, as Markdown code (two for yarn of unknown major). */
function frozenInstallCommand(manager) {
    switch (manager?.name) {
        case 'pnpm':
            return '`pnpm install --frozen-lockfile`';
        case 'yarn':
            if (manager.yarnFlavor === 'berry')
                return '`yarn install --immutable`';
            if (manager.yarnFlavor === 'classic')
                return '`yarn install --frozen-lockfile`';
            return '`yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+)';
        default:
            return '`npm ci`';
    }
}
function sameManager(a, b) {
    return a.name === b.name && (a.yarnFlavor === undefined || b.yarnFlavor === undefined || a.yarnFlavor === b.yarnFlavor);
}
/**
 * The manager of a project from the lockfile names at its root, the head of its yarn.lock (when
 * there is one) and package.json's `packageManager` value. Pure: the caller reads the files.
 */
function detectPackageManager(input) {
    const present = LOCKFILE_MANAGERS.filter(([file]) => input.lockfiles.includes(file));
    const declared = parsePackageManagerField(input.packageManagerField);
    const info = {};
    if (declared)
        info.declared = declared;
    const managerOf = (name) => name === 'yarn' && input.yarnLockHead !== undefined ? { name, yarnFlavor: yarnFlavorOf(input.yarnLockHead) } : { name };
    const first = present[0];
    if (first) {
        info.lockfile = first[0];
        info.detected = managerOf(first[1]);
    }
    else if (declared) {
        info.detected = declared.yarnFlavor ? { name: declared.name, yarnFlavor: declared.yarnFlavor } : { name: declared.name };
    }
    const names = [...new Set(present.map(([, name]) => name))];
    if (names.length > 1) {
        const files = present.map(([file]) => file).join(', ');
        info.disagreement = `lockfiles of several package managers are committed (${files}): keep only the one of the manager the project uses${declared ? ` (packageManager says ${declared.name}@${declared.version})` : ''}`;
    }
    else if (first && declared && info.detected && !sameManager(info.detected, declared)) {
        info.disagreement = `packageManager says ${declared.name}@${declared.version} but the committed lockfile is ${first[0]} (${describeManager(info.detected)}): regenerate the lockfile with ${declared.name} or correct packageManager`;
    }
    return info;
}
/** Detects the manager of the project at `root`, given the file paths found at its root and package.json's data. */
function readPackageManager(root, rootFiles, packageJson) {
    const yarnLockHead = rootFiles.includes('yarn.lock') ? (0,_common_regular_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .X)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'yarn.lock'), YARN_HEAD_BYTES) : undefined;
    return detectPackageManager({
        lockfiles: rootFiles,
        ...(yarnLockHead !== undefined ? { yarnLockHead } : {}),
        packageManagerField: packageJson?.packageManager
    });
}
/**
 * The manager whose lockfile the project at `root` commits, for the install, audit and SBOM steps
 * (undefined without a lockfile): read from the folder itself, before and apart from the scan.
 */
function lockedManager(root) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(root);
    }
    catch {
        return undefined;
    }
    let manifest;
    try {
        const data = JSON.parse((0,_common_regular_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .X)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'package.json')) ?? '');
        if (typeof data === 'object' && data !== null && !Array.isArray(data))
            manifest = data;
    }
    catch {
        manifest = undefined;
    }
    const info = readPackageManager(root, names, manifest);
    return info.lockfile && info.detected ? { ...info.detected, lockfile: info.lockfile } : undefined;
}


/***/ }),

/***/ 71579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ SUPPRESSION_WITHOUT_REASON)
/* harmony export */ });
/**
 * The policy reports inline suppressions without a reason when it reads the comments, so it owns
 * this meta; the rule of the same id only puts it in the catalog (docs, SARIF, config ids). A
 * module of its own, so that the rule (loaded with every rule by the scan) does not load the policy.
 */
const SUPPRESSION_WITHOUT_REASON = {
    id: 'suppression-without-reason',
    severity: 'low',
    category: 'project',
    description: 'An inline `hardening-ignore` comment gives no reason, so it suppresses nothing.',
    fix: 'write the comment as `hardening-ignore <rule-id> -- <why this is acceptable>`',
    cwe: 'CWE-710',
    messages: {
        'no-reason': 'an inline hardening-ignore comment gives no reason'
    }
};


/***/ }),

/***/ 40693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iX: () => (/* binding */ KNOWN_RULE_IDS),
  E1: () => (/* binding */ findRuleSummary)
});

// UNUSED EXPORTS: CATALOG_IDS

;// CONCATENATED MODULE: ./src/rules/catalog.generated.ts
/** Every rule's meta but its messages, in the registry's order. */
const RULE_CATALOG = [
    {
        id: "helmet-missing",
        severity: "high",
        category: "express",
        description: "An Express app with no helmet (or equivalent header middleware) in front of its routes.",
        fix: "`app.use(helmet())` right after creating the app, before any route",
        cwe: "CWE-693"
    },
    {
        id: "rate-limit-missing",
        severity: "moderate",
        category: "express",
        description: "No rate limiter in front of the app's routes.",
        fix: "`app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }))` before the routes",
        cwe: "CWE-770"
    },
    {
        id: "rate-limit-auth-missing",
        severity: "high",
        category: "express",
        description: "Login, signup, password-reset, token or OTP routes with no rate limiter in front of them.",
        fix: "a strict limiter in the auth route's chain: `router.post('/login', rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 }), login)`",
        cwe: "CWE-307"
    },
    {
        id: "rate-limit-memory-store",
        severity: "low",
        category: "express",
        description: "A rate limiter on the default in-memory store.",
        fix: "a shared store: `rateLimit({ ..., store: new RedisStore({ sendCommand }) })`",
        cwe: "CWE-770"
    },
    {
        id: "rate-limit-bypassable",
        severity: "moderate",
        category: "express",
        description: "The rate limiter's client key can be spoofed: `trust proxy` set to `true` or a key taken from a request header.",
        fix: "`app.set('trust proxy', 1)` (the number of proxies) and key on `req.ip` or the authenticated user",
        cwe: "CWE-348"
    },
    {
        id: "cors-wildcard-credentials",
        severity: "high",
        category: "express",
        description: "CORS allows credentials together with any origin: `*`, `true`, a reflecting function or a regex matching everything.",
        fix: "an explicit allow-list: `cors({ origin: ['https://app.example.com'], credentials: true })`",
        cwe: "CWE-942"
    },
    {
        id: "cors-permissive",
        severity: "moderate",
        category: "express",
        description: "`cors()` with no origin restriction: every website may read the responses.",
        fix: "an explicit allow-list: `cors({ origin: ['https://app.example.com'] })`",
        cwe: "CWE-942"
    },
    {
        id: "session-secret-hardcoded",
        severity: "high",
        category: "express",
        description: "A session or cookie signing secret (express-session, cookie-session, cookie-parser) is a literal, or a literal fallback of `process.env`.",
        fix: "`secret: process.env.SESSION_SECRET` with no literal fallback; rotate the committed secret",
        cwe: "CWE-798"
    },
    {
        id: "session-cookie-name-default",
        severity: "low",
        category: "express",
        description: "express-session cookie name left at the default `connect.sid`, which tells every visitor the app runs on Express/Connect.",
        fix: "`name: 'sid'` (any neutral name) in the express-session options",
        cwe: "CWE-200"
    },
    {
        id: "session-resave",
        severity: "low",
        category: "express",
        description: "express-session with `resave` true or unset (it defaults to true): every request writes the session back, racing concurrent requests.",
        fix: "`resave: false` in the express-session options",
        cwe: "CWE-362"
    },
    {
        id: "session-save-uninitialized",
        severity: "low",
        category: "express",
        description: "express-session with `saveUninitialized` true or unset (it defaults to true): a session and cookie for every anonymous visitor.",
        fix: "`saveUninitialized: false` in the express-session options",
        cwe: "CWE-384"
    },
    {
        id: "session-cookie-insecure",
        severity: "moderate",
        category: "express",
        description: "A session cookie (express-session, cookie-session) without `secure`, `httpOnly`, `sameSite` or a `maxAge`/`expires`; the message names which.",
        fix: "`cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 3600000 }`",
        cwe: "CWE-614"
    },
    {
        id: "session-memory-store",
        severity: "high",
        category: "express",
        description: "express-session without a `store`: the default MemoryStore leaks memory, loses every session on restart and is not shared between processes.",
        fix: "`store: new RedisStore({ client })` (or another production store) in the express-session options",
        cwe: "CWE-400"
    },
    {
        id: "proxy-trust-missing",
        severity: "moderate",
        category: "proxy",
        description: "The app sits behind a reverse proxy and uses `secure` session cookies but never sets `trust proxy`, so the cookie is never sent.",
        fix: "`app.set('trust proxy', 1)` (the number of proxies in front of the app)",
        cwe: "CWE-693"
    },
    {
        id: "validation-missing",
        severity: "moderate",
        category: "express",
        description: "A route uses req.body/req.query/req.params fields with no validation (express-validator, joi, celebrate, zod, yup, ajv...) in its chain or handler.",
        fix: "validate the input in the route's chain (express-validator, celebrate/Joi, zod) before using it",
        cwe: "CWE-20"
    },
    {
        id: "prototype-pollution",
        severity: "high",
        category: "express",
        description: "Request data is merged into an object (Object.assign, spread, lodash merge/defaultsDeep/set, deep-extend...), used as a computed key, or handed to res.render() as the view locals.",
        fix: "copy known fields only, or validate with a schema that rejects unknown keys, before merging",
        cwe: "CWE-1321"
    },
    {
        id: "csp-weak",
        severity: "moderate",
        category: "express",
        description: "CSP disabled, or 'unsafe-inline'/'unsafe-eval'/*/a bare scheme in script-src (or default-src without script-src).",
        fix: "keep helmet's CSP on; script-src of `'self'`, trusted hosts and nonces only",
        cwe: "CWE-693"
    },
    {
        id: "x-powered-by",
        severity: "low",
        category: "express",
        description: "`X-Powered-By: Express` is still sent: no helmet and no `app.disable('x-powered-by')`.",
        fix: "`app.disable('x-powered-by')` (or `app.use(helmet())`)",
        cwe: "CWE-200"
    },
    {
        id: "error-leak",
        severity: "high",
        category: "express",
        description: "An error handler (or route catch) sends `err.stack`, or `err.message`/the error object, without a production guard.",
        fix: "log the error, send a generic message; details only when `NODE_ENV !== 'production'`",
        cwe: "CWE-209"
    },
    {
        id: "error-handler-missing",
        severity: "low",
        category: "express",
        description: "An Express app with routes but no final four-argument error middleware.",
        fix: "`app.use((err, req, res, next) => ...)` after all routes, sending a generic message",
        cwe: "CWE-209"
    },
    {
        id: "body-limit-missing",
        severity: "low",
        category: "express",
        description: "A body parser without an explicit `limit` (or an upload middleware without `limits.fileSize`).",
        fix: "`express.json({ limit: '100kb' })`; uploads: `limits: { fileSize }`",
        cwe: "CWE-770"
    },
    {
        id: "body-limit-large",
        severity: "moderate",
        category: "express",
        description: "A body parser `limit` above 1 MB.",
        fix: "`limit: '100kb'` (at most `'1mb'`), larger only on the route that needs it",
        cwe: "CWE-770"
    },
    {
        id: "hardcoded-secret",
        severity: "high",
        category: "secrets",
        description: "A secret-looking literal (password, token, key, private key, provider key format) is committed in source or config; it is reported redacted.",
        fix: "revoke the secret and read it from the environment or a secret manager",
        cwe: "CWE-798"
    },
    {
        id: "env-file-committed",
        severity: "high",
        category: "secrets",
        description: "A `.env` file with values is committed to the repository (`.env.example`/`.sample` excepted).",
        fix: "`git rm --cached .env`, add `.env*` to `.gitignore`, rotate its secrets; commit `.env.example` with empty values",
        cwe: "CWE-538"
    },
    {
        id: "docker-root-user",
        severity: "high",
        category: "docker",
        description: "The final stage of the image runs as root: no USER, or the last USER is root or 0 (or a Compose service sets user: root or privileged: true).",
        fix: "add `USER node` (or another non-root user) in the final stage, after installing dependencies",
        cwe: "CWE-250"
    },
    {
        id: "docker-unpinned-base",
        severity: "moderate",
        category: "docker",
        description: "A Dockerfile stage is built FROM an untagged, `:latest` or otherwise floating image tag, so each build may get a different base.",
        fix: "pin a version tag (`node:24.11-alpine`), or a digest (`node:24-alpine@sha256:…`) kept fresh by Renovate or Dependabot",
        cwe: "CWE-1357"
    },
    {
        id: "docker-eol-node",
        severity: "high",
        category: "docker",
        description: "The image runs on a Node.js major that is past its end of life on the scan date, so it gets no security fixes.",
        fix: "move the final stage to a supported LTS line (see the Node.js release schedule)",
        cwe: "CWE-1104"
    },
    {
        id: "docker-npm-install",
        severity: "low",
        category: "docker",
        description: "A Dockerfile installs the app's dependencies with `npm install` (or a non-frozen yarn/pnpm/bun install, or an update) instead of from the lockfile.",
        fix: "install from the project's lockfile: `npm ci`, `pnpm install --frozen-lockfile`, `yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+); pin global tools (`npm install -g pm2@5`)",
        cwe: "CWE-1357"
    },
    {
        id: "docker-non-slim-base",
        severity: "low",
        category: "docker",
        description: "The final stage runs on the full Debian `node` image, with compilers and hundreds of packages the app does not need.",
        fix: "run on `node:<version>-slim`, `-alpine` or distroless; build in a full stage if native modules need it",
        cwe: "CWE-1104"
    },
    {
        id: "docker-dotenv-copied",
        severity: "moderate",
        category: "docker",
        description: "A Dockerfile copies the whole build context (`COPY . .`, `ADD .`) while `.dockerignore` is missing or does not exclude `.env` files.",
        fix: "add `.env*` and `**/.env*` to `.dockerignore` (with `.git` and `node_modules`)",
        cwe: "CWE-538"
    },
    {
        id: "docker-secret-env",
        severity: "high",
        category: "docker",
        description: "A secret-looking ENV or ARG (or a Compose service's environment value) is a literal, committed with the Dockerfile and baked into the image.",
        fix: "pass secrets at run time or with `RUN --mount=type=secret`; revoke the committed one",
        cwe: "CWE-798"
    },
    {
        id: "docker-node-env",
        severity: "moderate",
        category: "docker",
        description: "The final stage of a Node image (or a Compose service running the app) does not set NODE_ENV=production, so Express serves stack traces.",
        fix: "add `ENV NODE_ENV=production` to the final stage",
        cwe: "CWE-209"
    },
    {
        id: "proxy-no-tls",
        severity: "moderate",
        category: "proxy",
        description: "A reverse proxy server that forwards to the app is reachable over plain HTTP without redirecting to HTTPS.",
        fix: "redirect port 80 with `return 301 https://$host$request_uri;` and proxy only from a `listen 443 ssl` server",
        cwe: "CWE-319"
    },
    {
        id: "proxy-body-size",
        severity: "moderate",
        category: "proxy",
        description: "The reverse proxy accepts unlimited request bodies (`client_max_body_size 0`) or bodies above 50 MB.",
        fix: "set `client_max_body_size` to what the app needs (nginx defaults to 1m), raising it only in the upload location",
        cwe: "CWE-770"
    },
    {
        id: "proxy-server-tokens",
        severity: "low",
        category: "proxy",
        description: "nginx discloses its version in the `Server` header and error pages: `server_tokens` is not `off`.",
        fix: "add `server_tokens off;` to the `http` block",
        cwe: "CWE-200"
    },
    {
        id: "proxy-timeouts",
        severity: "low",
        category: "proxy",
        description: "A proxying nginx server leaves the client body/header and upstream read timeouts at their 60-second defaults (or raises them).",
        fix: "set `client_header_timeout` and `client_body_timeout` to about 10s and `proxy_read_timeout` to what the app needs",
        cwe: "CWE-400"
    },
    {
        id: "lockfile-missing",
        severity: "high",
        category: "project",
        description: "No lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml or yarn.lock): a frozen install and a reproducible audit are impossible.",
        fix: "run the package manager's install (`npm install`, `pnpm install`, `yarn install`) and commit the lockfile it writes",
        cwe: "CWE-1357"
    },
    {
        id: "engines-eol-node",
        severity: "low",
        category: "project",
        description: "`engines.node` in package.json admits a Node.js major that is past its end of life on the scan date.",
        fix: "raise the lower bound of `engines.node` to a supported LTS line, e.g. `\">=22\"`",
        cwe: "CWE-1104"
    },
    {
        id: "suppression-without-reason",
        severity: "low",
        category: "project",
        description: "An inline `hardening-ignore` comment gives no reason, so it suppresses nothing.",
        fix: "write the comment as `hardening-ignore <rule-id> -- <why this is acceptable>`",
        cwe: "CWE-710"
    }
];

;// CONCATENATED MODULE: ./src/rules/catalog.ts
// The rules as the reports and the config check know them: ids and metas, without the rules' code.
// The main thread of the action and the CLI reads only this; the scan's worker loads the rules
// themselves (registry.ts). catalog.test.ts checks the generated list against the registry.

/**
 * Every rule id of the product contract, each implemented (docs/rules.md lists no other): the
 * config file may name any of them.
 */
const CATALOG_IDS = RULE_CATALOG.map((r) => r.id);
const KNOWN_RULE_IDS = new Set(CATALOG_IDS);
const BY_ID = new Map(RULE_CATALOG.map((r) => [r.id, r]));
function findRuleSummary(id) {
    return BY_ID.get(id);
}


/***/ }),

/***/ 10281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ uniqueByPlace),
/* harmony export */   Km: () => (/* binding */ defineRule),
/* harmony export */   fs: () => (/* binding */ docsUrl)
/* harmony export */ });
/* harmony import */ var _common_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69521);

/**
 * One finding per place: an app set up twice through one function (`configureApp(app)`,
 * `configureApp(testApp)`) shares its events, and a handler reached twice is checked twice.
 */
function uniqueByPlace(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.file}:${f.line ?? '-'}:${f.column ?? '-'}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function docsUrl(id) {
    return `${_common_version_js__WEBPACK_IMPORTED_MODULE_0__/* .REPOSITORY_URL */ .ld}/blob/main/docs/rules/${id}.md`;
}
function defineRule(rule) {
    return rule;
}


/***/ }),

/***/ 34635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R1: () => (/* binding */ MAX_OUTPUT),
  ZG: () => (/* binding */ execProcess),
  u5: () => (/* binding */ execProcessSync),
  a3: () => (/* binding */ formatDuration),
  fM: () => (/* binding */ lastLine),
  Vm: () => (/* binding */ npmEnv)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/common/secret-names.ts
var secret_names = __webpack_require__(3164);
;// CONCATENATED MODULE: ./src/tools/redact.ts
/**
 * What a tool prints can reach the report, and from there a public PR comment. A repository's
 * `.npmrc` may expand `${ENV}` into a registry URL, so npm's error text can carry any variable of
 * its environment: tool output is redacted before anything reads it.
 */

/** Shorter values (`true`, `1`, `off`) are settings, and replacing them would garble the text. */
const MIN_SECRET_LENGTH = 8;
const REDACTED = '***';
/** Values of the credential-named variables of the environments given, longest first. */
function secretValues(...envs) {
    const values = new Set();
    for (const env of envs) {
        for (const [name, value] of Object.entries(env ?? {})) {
            if (value !== undefined && value.trim().length >= MIN_SECRET_LENGTH && (0,secret_names/* isCredentialVariable */.iq)(name))
                values.add(value.trim());
        }
    }
    return [...values].sort((a, b) => b.length - a.length);
}
/** The text with known secret values, URL passwords, `.npmrc` auth values and token formats replaced. */
function redactSecrets(text, secrets = []) {
    let out = text;
    for (const secret of secrets) {
        out = out.split(secret).join(REDACTED);
        // npm prints URLs percent-encoded.
        const encoded = encodeURIComponent(secret);
        if (encoded !== secret)
            out = out.split(encoded).join(REDACTED);
    }
    out = out
        // A scheme of at most 32 characters: unbounded, `[a-z0-9+.-]*` backtracks quadratically over a long `a.b.c...` run.
        .replace(/\b([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@]*):[^\s/@]+@/gi, `$1:${REDACTED}@`)
        .replace(/(_authToken|_auth|_password)(["']?\s*[=:]\s*["']?)[^\s"',;]+/gi, `$1$2${REDACTED}`);
    for (const { redactPattern } of secret_names/* TOKEN_FORMATS */.PR)
        if (redactPattern)
            out = out.replace(redactPattern, REDACTED);
    return out;
}

;// CONCATENATED MODULE: ./src/tools/exec.ts


const MAX_OUTPUT = 64 * 1024 * 1024;
/**
 * How long to wait for the output pipes to close once the program has exited. A process it started
 * in the background (a daemon, or a script still running when it was killed) keeps them open.
 */
const PIPE_GRACE_MS = 1000;
const execProcess = (command, args, options) => new Promise((resolve) => {
    const started = Date.now();
    const stdout = [];
    const stderr = [];
    let size = 0;
    let timedOut = false;
    let truncated = false;
    let done = false;
    const child = (0,external_node_child_process_.spawn)(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true
    });
    // Standard input is the given input, else empty (end of file at once, as from /dev/null). A
    // program that exits before reading all its input closes the pipe: its exit code says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const collect = (chunks) => (chunk) => {
        size += chunk.length;
        if (size <= MAX_OUTPUT)
            chunks.push(chunk);
        else
            truncated = true;
    };
    child.stdout.on('data', collect(stdout));
    child.stderr.on('data', collect(stderr));
    let exited = false;
    const timer = setTimeout(() => {
        // The scan runs synchronously beside the tools and may block the event loop past the timeout
        // while the child has long exited: its exit is read in this turn's poll phase, before the check phase.
        setImmediate(() => {
            if (exited)
                return;
            timedOut = true;
            child.kill('SIGKILL');
        });
    }, options.timeoutMs);
    let grace;
    const finish = (code, spawnError) => {
        if (done)
            return;
        done = true;
        clearTimeout(timer);
        clearTimeout(grace);
        // What a tool prints may end up in a public comment: no credential of ours or of its environment.
        const secrets = secretValues(process.env, options.env);
        resolve({
            code,
            stdout: options.binary ? '' : redactSecrets(Buffer.concat(stdout).toString('utf8'), secrets),
            ...(options.binary ? { stdoutBytes: Buffer.concat(stdout) } : {}),
            stderr: redactSecrets(Buffer.concat(stderr).toString('utf8'), secrets),
            ms: Date.now() - started,
            timedOut,
            spawnError,
            ...(truncated ? { truncated } : {})
        });
    };
    child.on('error', (error) => finish(null, error.message));
    child.on('exit', (code) => {
        exited = true;
        grace = setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
            finish(code);
        }, PIPE_GRACE_MS);
    });
    child.on('close', (code) => finish(code));
});
/** How long a tool was given, for messages: `20 minutes`, `90 s`, `0.5 s`. */
function formatDuration(ms) {
    if (ms >= 60_000 && ms % 60_000 === 0)
        return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`;
    return `${Math.round(ms / 100) / 10} s`;
}
/** The last meaningful line a tool printed, for one-line error messages. */
function lastLine(text) {
    const lines = text
        .split(/\r\n|\r|\n/)
        .map((l) => l.replace(/^npm (ERR!|error|warn)\s*/, '').trim())
        .filter((l) => l !== '' && !/^A complete log of this run|^\/.*debug-0\.log$/.test(l));
    return lines.at(-1) ?? '';
}
/**
 * The action's inputs (the GitHub token among them) and the runner's own tokens (cache, artifacts,
 * OIDC): a repository's `.npmrc` can expand `${VAR}` into a registry URL or auth header, so npm
 * never gets them.
 */
const NOT_FOR_CHILDREN = /^(?:INPUT_|ACTIONS_(?:RUNTIME_|ID_TOKEN_REQUEST_|RESULTS_|CACHE_))/i;
/**
 * Settings that would run a program of the repository's choosing during `npm ci --ignore-scripts`,
 * so its `.npmrc` may not make them: `npm_config_*` variables outrank it. A workflow's own value stays.
 */
function pinnedNpmConfig(base) {
    return {
        // run for every git dependency: `git=./pwn.sh` would be a program of the pull request
        npm_config_git: 'git',
        // npm exports it as NODE_OPTIONS to its children (the npm that prepares a git dependency among
        // them), so `node-options=--require ./pwn.js` would load the pull request's code. npm ignores
        // an empty value: the workflow's own NODE_OPTIONS, else a no-op (10 is the default).
        npm_config_node_options: base.NODE_OPTIONS || '--stack-trace-limit=10'
    };
}
/** Environment for npm children: no update notifier, no funding banner, no interactive prompts. */
function npmEnv(base = process.env) {
    const env = {};
    for (const [name, value] of Object.entries(base))
        if (!NOT_FOR_CHILDREN.test(name))
            env[name] = value;
    const names = new Set(Object.keys(env)
        .filter((name) => env[name] !== '')
        .map((name) => name.toLowerCase()));
    for (const [name, value] of Object.entries(pinnedNpmConfig(base)))
        if (!names.has(name))
            env[name] = value;
    return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_yes: 'false' };
}
/**
 * The synchronous form, for a short read the scan needs before it can go on (`git ls-files`): the
 * same argument vector and no shell. Standard error is dropped; stdout is text.
 */
function execProcessSync(command, args, options) {
    const result = (0,external_node_child_process_.spawnSync)(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', 'pipe', 'ignore'],
        windowsHide: true,
        timeout: options.timeoutMs,
        maxBuffer: options.maxOutput ?? MAX_OUTPUT,
        encoding: 'utf8',
        shell: false
    });
    const error = result.error;
    return {
        code: result.status,
        stdout: result.stdout ?? '',
        timedOut: error?.code === 'ETIMEDOUT',
        ...(error && error.code !== 'ETIMEDOUT' ? { spawnError: error.message } : {})
    };
}


/***/ })

};
