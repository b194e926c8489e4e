export const id = 577;
export const ids = [577];
export const modules = {

/***/ 54577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMode: () => (/* binding */ runMode)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/config/paths.ts
var config_paths = __webpack_require__(81066);
// EXTERNAL MODULE: ./src/findings/finding.ts
var finding = __webpack_require__(44879);
// EXTERNAL MODULE: ./src/common/severity.ts
var severity = __webpack_require__(72778);
;// CONCATENATED MODULE: ./src/github/changed-lines.ts
const FILES_PER_PAGE = 100;
/** GitHub lists at most 3,000 files of a pull request. */
const MAX_FILES = 3000;
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * New-side line numbers of the `+` lines of a unified diff (`@@ -a,b +c,d @@` hunks). A modified
 * line is a `-` and a `+`, so it counts too. Counting each hunk's lines keeps text outside the
 * hunks (file headers) from being read as content; content lines never start with `@@`.
 */
function parseAddedLines(patch) {
    const added = new Set();
    let next = 0;
    let oldLeft = 0;
    let newLeft = 0;
    for (const line of patch.split('\n')) {
        const header = HUNK_HEADER.exec(line);
        if (header) {
            oldLeft = Number(header[1] ?? 1);
            next = Number(header[2]);
            newLeft = Number(header[3] ?? 1);
            continue;
        }
        if (oldLeft <= 0 && newLeft <= 0)
            continue;
        const kind = line[0];
        if (kind === '+') {
            added.add(next);
            next += 1;
            newLeft -= 1;
        }
        else if (kind === '-') {
            oldLeft -= 1;
        }
        else if (kind === ' ' || line === '' || line === '\r') {
            // A context line (some tools strip the space of an empty one).
            next += 1;
            oldLeft -= 1;
            newLeft -= 1;
        }
    }
    return added;
}
/** Removed files hold no findings; a file without a patch (binary, too large) counts as fully changed. */
function changedLinesOf(files) {
    const changed = new Map();
    for (const file of files) {
        if (file.status === 'removed')
            continue;
        changed.set(file.filename, typeof file.patch === 'string' ? parseAddedLines(file.patch) : 'all');
    }
    return changed;
}
/** A finding with a line counts when that line changed; a project-wide one (no line) when its file changed. */
function isChanged(changed, file, line) {
    const lines = changed.get(file);
    if (lines === undefined)
        return false;
    return lines === 'all' || line === null || lines.has(line);
}
/** Every file of the pull request, up to GitHub's 3,000. */
async function listPullFiles(source) {
    return (await source.listFiles()).slice(0, MAX_FILES);
}
/** The files of one pull request through Octokit's paginate, which follows the `next` links; its retry plugin retries GitHub's passing 5xx. */
function pullFilesSource(octokit, pr) {
    return {
        listFiles: () => {
            let listed = 0;
            const params = { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: FILES_PER_PAGE, page: 1 };
            return octokit.paginate(octokit.rest.pulls.listFiles, params, (response, done) => {
                listed += response.data.length;
                // GitHub lists no more than MAX_FILES: no page past it is asked for.
                if (listed >= MAX_FILES)
                    done();
                return response.data;
            });
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
;// CONCATENATED MODULE: ./src/github/octokit.ts


/**
 * GitHub's 5xx are usually passing, its 4xx are answers: 403 from a read-only token, 404, 422 for a
 * body too long are handled by the caller, so no client error is retried. Network errors reach the
 * plugin as status 500 and are retried.
 */
const CLIENT_ERRORS = Array.from({ length: 100 }, (_, i) => 400 + i);
/** Three attempts in all, after 1 s and 4 s. */
const RETRIES = 2;
const RETRY_AFTER_MS = 1000;
/** The one way this action builds an Octokit: with the token, and retries of GitHub's passing 5xx. */
function createOctokit(token, options = {}) {
    const retryOptions = { retries: RETRIES, doNotRetry: CLIENT_ERRORS, retryAfterBaseValue: options.retryAfterMs ?? RETRY_AFTER_MS };
    return github/* getOctokit */.Q(token, { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), retry: retryOptions }, dist_bundle/* retry */.L);
}

;// CONCATENATED MODULE: ./src/rules/docs.generated.ts
// Generated by scripts/gen-rule-docs.mjs from docs/rules/*.md; do not edit. `npm run bundle` rewrites it.
const RULE_DOCS = {
    "body-limit-large": {
        why: "Parsing is synchronous and proportional to the body: a few concurrent multi-megabyte JSON or form\nbodies tie up the event loop and memory of the whole process. Large limits set app-wide to allow one\nbig endpoint expose every route.",
        fix: "Keep the limit small; where one endpoint really needs more, raise it on that route only and record\nthe decision as a suppression:\n\n```js\napp.use(express.json({ limit: '100kb' }))\n// hardening-ignore body-limit-large -- bulk import, admin-only, behind auth\napp.post('/import', requireAdmin, express.json({ limit: '5mb' }), importHandler)\n```\n\nUpload middleware (express-fileupload, multer) is not checked here: files are expected to be larger;\n`body-limit-missing` reports uploads without any limit. A limit read only from the environment is the\ndeployment's decision and is not reported.",
        example: { lang: "js", code: "app.use(express.json({ limit: '100kb' }))\n// hardening-ignore body-limit-large -- bulk import, admin-only, behind auth\napp.post('/import', requireAdmin, express.json({ limit: '5mb' }), importHandler)" }
    },
    "body-limit-missing": {
        why: "Body parsers buffer and parse the whole body before the route runs. body-parser's default of 100kb is\nsane, but left implicit the limit is invisible in review and easily raised by a copy-pasted snippet;\nstating it makes the decision explicit. Upload middleware is different: express-fileupload and multer\nhave **no** size limit by default, so one request can fill memory or disk.",
        fix: "```js\napp.use(express.json({ limit: '100kb' }))\napp.use(express.urlencoded({ extended: false, limit: '100kb' }))\napp.use(fileUpload({ limits: { fileSize: 5 * 1024 * 1024 }, abortOnLimit: true }))\nconst upload = multer({ dest: 'uploads/', limits: { fileSize: 5 * 1024 * 1024 } })\n```\n\nOptions the scanner cannot read (from an unresolved module, built at runtime) are not reported.",
        example: { lang: "js", code: "app.use(express.json({ limit: '100kb' }))\napp.use(express.urlencoded({ extended: false, limit: '100kb' }))\napp.use(fileUpload({ limits: { fileSize: 5 * 1024 * 1024 }, abortOnLimit: true }))\nconst upload = multer({ dest: 'uploads/', limits: { fileSize: 5 * 1024 * 1024 } })" }
    },
    "cors-permissive": {
        why: "Any website can then call the API from a visitor's browser and read the responses. Without cookies\nthat mostly matters for data the browser can reach but the attacker cannot: services on an intranet\nor `localhost`, IP-allowlisted back offices, responses that depend on the client's network. It also\nwidens what an XSS on any other site can do, and the setting tends to gain `credentials: true` later.\nA public read-only API that is meant for everyone may keep `*`: suppress the finding with a reason.",
        fix: "Name the front-ends that may call the API:\n\n```js\nconst cors = require('cors')\n\napp.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'] }))\n// or from the environment, one list per deployment\napp.use(cors({ origin: process.env.CORS_ORIGINS.split(',') }))\n```",
        example: { lang: "js", code: "const cors = require('cors')\n\napp.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'] }))\n// or from the environment, one list per deployment\napp.use(cors({ origin: process.env.CORS_ORIGINS.split(',') }))" }
    },
    "cors-wildcard-credentials": {
        why: "With credentials allowed, the browser sends the user's cookies on cross-site requests and lets the\ncalling page read the response. If any origin is accepted, any website the user visits can act as the\nuser and read their data. Browsers refuse `*` together with credentials, which is why such setups\nusually get \"fixed\" with `origin: true`: the same hole, now working.",
        fix: "Allow a fixed list of trusted origins:\n\n```js\nconst cors = require('cors')\n\nconst allowed = ['https://app.example.com', 'https://admin.example.com']\n\napp.use(cors({\n  origin: (origin, callback) => {\n    if (!origin || allowed.includes(origin)) return callback(null, true)\n    return callback(new Error('Origin not allowed'))\n  },\n  credentials: true\n}))\n```\n\nAnchor regexes on both ends and escape the dots: `/^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/`.",
        example: { lang: "js", code: "const cors = require('cors')\n\nconst allowed = ['https://app.example.com', 'https://admin.example.com']\n\napp.use(cors({\n  origin: (origin, callback) => {\n    if (!origin || allowed.includes(origin)) return callback(null, true)\n    return callback(new Error('Origin not allowed'))\n  },\n  credentials: true\n}))" }
    },
    "csp-weak": {
        why: "The CSP is the browser's last line against cross-site scripting: when an attacker gets markup into a\npage, a strict `script-src` keeps the injected `<script>` or `onerror=` handler from running.\n`'unsafe-inline'` allows exactly those, `'unsafe-eval'` allows `eval`-style sinks, and `*` or\n`https:` allow a script from any host the attacker controls. A CSP that is off or report-only blocks\nnothing.",
        fix: "Keep helmet's default policy, or tune it without weakening `script-src`; give inline scripts a nonce:\n\n```js\nconst crypto = require('node:crypto')\nconst helmet = require('helmet')\n\napp.use((req, res, next) => {\n  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')\n  next()\n})\napp.use(helmet({\n  contentSecurityPolicy: {\n    directives: {\n      scriptSrc: [\"'self'\", 'https://cdn.example.com', (req, res) => `'nonce-${res.locals.cspNonce}'`],\n      styleSrc: [\"'self'\", \"'unsafe-inline'\"] // inline styles: a much smaller risk, not reported\n    }\n  }\n}))\n```\n\nand render `<script nonce=\"<%= cspNonce %>\">` in templates.",
        example: { lang: "js", code: "const crypto = require('node:crypto')\nconst helmet = require('helmet')\n\napp.use((req, res, next) => {\n  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')\n  next()\n})\napp.use(helmet({\n  contentSecurityPolicy: {\n    directives: {\n      scriptSrc: [\"'self'\", 'https://cdn.example.com', (req, res) => `'nonce-${res.locals.cspNonce}'`],\n      styleSrc: [\"'self'\", \"'unsafe-inline'\"] // inline styles: a much smaller risk, not reported\n    }\n  }\n}))" }
    },
    "docker-dotenv-copied": {
        why: "`.env` files are git-ignored, so they are not in the repository, but they are on the developer\nlaptop or CI runner that builds the image. `COPY . .` puts them into an image layer, where anyone\nwho can pull the image can read them (`docker save`, `docker history`, a shell in the container),\nincluding after a later `RUN rm .env`.",
        fix: "Add a `.dockerignore` beside the Dockerfile (or at the context root):\n\n```\n.env*\n**/.env*\n!.env.example\n.git\nnode_modules\nnpm-debug.log\n```\n\nBetter still, copy only what the app needs (`COPY package*.json ./`, `COPY src ./src`).",
        example: { lang: "", code: ".env*\n**/.env*\n!.env.example\n.git\nnode_modules\nnpm-debug.log" }
    },
    "docker-eol-node": {
        why: "An end-of-life Node line gets no fixes, security fixes included: vulnerabilities in its HTTP parser,\nTLS, `undici` or OpenSSL stay open for good, and `npm audit` does not report them because they are\nin the runtime, not in a package.",
        fix: "Move the final stage to a supported LTS line (the message names the current ones) and run the tests:\n\n```dockerfile\nFROM node:24-alpine\n```",
        example: { lang: "dockerfile", code: "FROM node:24-alpine" }
    },
    "docker-node-env": {
        why: "Express and many libraries switch behaviour on `NODE_ENV`: outside production, Express's default\nerror handler sends stack traces to the client, and view templates are recompiled on every\nrequest. Stack traces reveal file paths, dependency versions and code, which helps an attacker.",
        fix: "```dockerfile\nFROM node:24-slim\nENV NODE_ENV=production\n```\n\nIn Compose: `environment: { NODE_ENV: production }` for the production service; keep\n`NODE_ENV: development` in a `docker-compose.override.yml` or `docker-compose.dev.yml`.",
        example: { lang: "dockerfile", code: "FROM node:24-slim\nENV NODE_ENV=production" }
    },
    "docker-non-slim-base": {
        why: "The full image carries compilers, `git`, `curl`, ImageMagick headers and hundreds of Debian\npackages the app never uses: about 1 GB, and each package brings its own CVEs to the scanners and\nits own tools to an attacker who gets code execution in the container.",
        fix: "Build where the tools are, run on a small image:\n\n```dockerfile\nFROM node:24 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n\nFROM node:24-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY --from=build --chown=node:node /app ./\nUSER node\nCMD [\"node\", \"server.js\"]\n```",
        example: { lang: "dockerfile", code: "FROM node:24 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n\nFROM node:24-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY --from=build --chown=node:node /app ./\nUSER node\nCMD [\"node\", \"server.js\"]" }
    },
    "docker-npm-install": {
        why: "`npm install` in an image build resolves versions at build time, so the image may not contain what\nwas reviewed and audited in the lockfile, and a compromised new release of a dependency is pulled\nin without anyone noticing. `npm ci` installs exactly the lockfile and fails when it disagrees with\n`package.json`. When there is no lockfile, the image is not reproducible at all (see\n[lockfile-missing](lockfile-missing.md)).",
        fix: "```dockerfile\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n```\n\nWith Yarn or pnpm: `yarn install --frozen-lockfile` (Yarn 1), `yarn install --immutable` (Yarn 2+),\n`pnpm install --frozen-lockfile` (also `pnpm i --frozen-lockfile`). The finding suggests the one of the\nproject's package manager, read from its lockfile (a `yarn.lock` with a `__metadata:` block is Yarn 2+)\nor from `packageManager` in `package.json`; `npm install` in a pnpm or yarn project is reported as\nignoring that lockfile. Pin global tools: `npm install -g pm2@5`.",
        example: { lang: "dockerfile", code: "COPY package.json package-lock.json ./\nRUN npm ci --omit=dev" }
    },
    "docker-root-user": {
        why: "A process running as root inside a container turns any code execution bug (a vulnerable dependency,\na prototype pollution gadget, a deserialisation flaw) into root in the container: it can rewrite the\napp, read every mounted secret and exploit kernel or runtime flaws to escape.",
        fix: "Install dependencies as root if you must, then switch user for the runtime:\n\n```dockerfile\nFROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\nUSER node\nENV NODE_ENV=production\nCMD [\"node\", \"src/server.js\"]\n```\n\nOn images without a named user, use a numeric UID: `USER 10001:10001`. In Compose, drop `user: root`\n(or set `user: node`), and replace `privileged: true` with the few capabilities the service needs\n(`cap_add: [NET_BIND_SERVICE]`).",
        example: { lang: "dockerfile", code: "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\nUSER node\nENV NODE_ENV=production\nCMD [\"node\", \"src/server.js\"]" }
    },
    "docker-secret-env": {
        why: "`ENV` values are stored in the image config and shown by `docker inspect` to anyone who can pull the\nimage; `ARG` defaults stay in the image history. Both are committed to the repository with the\nDockerfile. A secret there is a leaked secret: it must be revoked, not only removed.",
        fix: "Pass runtime secrets at run time (`docker run -e`, Kubernetes or Compose secrets, a secret\nmanager), and build-time secrets with a secret mount that leaves no trace in the image:\n\n```dockerfile\n# syntax=docker/dockerfile:1\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n```\n\n```sh\ndocker build --secret id=npm_token,env=NPM_TOKEN .\n```\n\nIn Compose, reference the value (`DB_PASSWORD: ${DB_PASSWORD}`) from an untracked `.env`, use\n`env_file:`, or Compose `secrets:`. Then revoke the committed secret.",
        example: { lang: "dockerfile", code: "# syntax=docker/dockerfile:1\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci" }
    },
    "docker-unpinned-base": {
        why: "An unpinned base changes under you: a rebuild of the same commit can move to a new Node major (with\nbreaking changes), a new distribution release, or a compromised tag, and nobody reviewed the change.\nBuilds stop being reproducible, and a rollback to an old commit does not bring the old image back.",
        fix: "Pin a version tag, or a digest kept fresh by Renovate or Dependabot:\n\n```dockerfile\nFROM node:24-alpine\n# or, strictly\nFROM node:24.11.1-alpine@sha256:<digest>\n```",
        example: { lang: "dockerfile", code: "FROM node:24-alpine\n# or, strictly\nFROM node:24.11.1-alpine@sha256:<digest>" }
    },
    "engines-eol-node": {
        why: "`engines.node` is what the project promises to support and what CI matrices, hosting platforms\n(Heroku, App Engine, Netlify) and `npm install --engine-strict` follow. A range that starts on an\nended line invites running on a Node with known, never-fixed vulnerabilities, and keeps old\nmajors in the test matrix.",
        fix: "Raise the lower bound to a supported LTS line (the message names the oldest one in support):\n\n```json\n{ \"engines\": { \"node\": \">=22\" } }\n```",
        example: { lang: "json", code: "{ \"engines\": { \"node\": \">=22\" } }" }
    },
    "env-file-committed": {
        why: "`.env` files exist to keep configuration, and above all secrets, out of the code. Once committed,\nevery clone, fork, CI log and Docker build context (`COPY . .`) carries them, and they stay in the\ngit history after deletion. Even a `.env` with harmless values today invites the next developer to\nadd a real password to it.",
        fix: "1. Stop tracking the file and ignore every `.env` variant except the template:\n\n   ```sh\n   git rm --cached .env\n   printf '.env*\\n!.env.example\\n' >> .gitignore\n   ```\n\n2. Rotate every secret the file held: it is in the history.\n3. Commit a template with the keys and no values, and document how to fill it in:\n\n   ```ini\n   # .env.example\n   DATABASE_URL=\n   JWT_SECRET=\n   ```\n\n4. In production, set the variables in the platform (GitHub Actions secrets, Kubernetes secrets,\n   the host's environment), not in a file baked into the image.",
        example: { lang: "sh", code: "git rm --cached .env\nprintf '.env*\\n!.env.example\\n' >> .gitignore" }
    },
    "error-handler-missing": {
        why: "Express's default handler (finalhandler) answers an unhandled error with the stack trace whenever\n`NODE_ENV` is not `production` — which is the case whenever a deployment forgets to set it — and with\na bare HTML page otherwise. An error handler of the app's own decides what clients see, logs the\nerror, and keeps the response format (JSON for an API) consistent.",
        fix: "Register it last, after every route and router (and after the 404 handler):\n\n```js\napp.use('/api', apiRouter)\n\napp.use((req, res) => res.status(404).json({ error: 'Not Found' }))\napp.use((err, req, res, next) => {\n  logger.error(err)\n  res.status(err.status ?? 500).json({ error: 'Internal Server Error' })\n})\n```",
        example: { lang: "js", code: "app.use('/api', apiRouter)\n\napp.use((req, res) => res.status(404).json({ error: 'Not Found' }))\napp.use((err, req, res, next) => {\n  logger.error(err)\n  res.status(err.status ?? 500).json({ error: 'Internal Server Error' })\n})" }
    },
    "error-leak": {
        why: "Stack traces and raw error messages describe the inside of the app: file paths, dependency versions,\nSQL and ORM queries, hostnames, sometimes credentials in connection errors. An attacker provokes\nerrors on purpose to read them. Express's own default handler hides stacks in production, but a custom\nhandler that sends `err.stack` or `err.message` undoes that.",
        fix: "Log the details server-side and send a generic message; show details only outside production:\n\n```js\napp.use((err, req, res, next) => {\n  logger.error(err)\n  const status = err.status ?? 500\n  res.status(status).json({\n    error: status < 500 && err.expose ? err.message : 'Internal Server Error',\n    ...(process.env.NODE_ENV !== 'production' && { stack: err.stack })\n  })\n})\n```",
        example: { lang: "js", code: "app.use((err, req, res, next) => {\n  logger.error(err)\n  const status = err.status ?? 500\n  res.status(status).json({\n    error: status < 500 && err.expose ? err.message : 'Internal Server Error',\n    ...(process.env.NODE_ENV !== 'production' && { stack: err.stack })\n  })\n})" }
    },
    "hardcoded-secret": {
        why: "A secret in the repository is readable by everyone who can read the repository, its forks, clones, CI\nlogs and container images built from it, and stays in the git history after it is deleted. A JWT\nsigning key lets its holder mint tokens for any user; a database password opens the data; a\n`process.env.JWT_SECRET || 'dev-secret'` fallback silently runs production on the committed value\nwhen the variable is missing. An npm\nautomation or publish token lets its holder publish a malicious version of your packages; a registry\nread token exposes private packages.",
        fix: "1. Revoke or rotate the secret where it was issued: it has been exposed, and deleting it from the\n   code does not remove it from the git history.\n2. Read it from the environment (or a secret manager) and refuse to start without it:\n\n   ```js\n   const jwtSecret = process.env.JWT_SECRET\n   if (!jwtSecret) throw new Error('JWT_SECRET is not set')\n\n   const token = jwt.sign({ sub: user.id }, jwtSecret, { expiresIn: '1h', algorithm: 'HS256' })\n   mongoose.connect(process.env.MONGODB_URI)\n   ```\n\n   For an `.npmrc`, let npm expand the variable:\n\n   ```ini\n   //registry.npmjs.org/:_authToken=${NPM_TOKEN}\n   ```\n\n   In GitHub Actions, `actions/setup-node` with `registry-url` writes such an `.npmrc` and reads\n   `NODE_AUTH_TOKEN`; pass the token from a secret.\n3. Keep private keys out of the repository: mount them at run time (a Kubernetes/Docker secret,\n   a cloud secret manager), and seed accounts with generated passwords read from the environment.",
        example: { lang: "js", code: "const jwtSecret = process.env.JWT_SECRET\nif (!jwtSecret) throw new Error('JWT_SECRET is not set')\n\nconst token = jwt.sign({ sub: user.id }, jwtSecret, { expiresIn: '1h', algorithm: 'HS256' })\nmongoose.connect(process.env.MONGODB_URI)" }
    },
    "helmet-missing": {
        why: "Express sends no security headers of its own. Without them browsers allow the app's pages to be framed\n(clickjacking), sniff content types, load scripts from anywhere (no Content-Security-Policy), and\nfall back to plain HTTP (no Strict-Transport-Security). Middleware runs in registration order, so a\nroute registered before `app.use(helmet())` is served without the headers.",
        fix: "Register helmet right after creating the app, before any route or router:\n\n```js\nconst express = require('express')\nconst helmet = require('helmet')\n\nconst app = express()\napp.use(helmet()) // first, so every response gets the headers\n\napp.use('/api', apiRouter)\napp.get('/health', (req, res) => res.send('ok'))\n```\n\nTune the Content-Security-Policy through helmet's options instead of turning it off.",
        example: { lang: "js", code: "const express = require('express')\nconst helmet = require('helmet')\n\nconst app = express()\napp.use(helmet()) // first, so every response gets the headers\n\napp.use('/api', apiRouter)\napp.get('/health', (req, res) => res.send('ok'))" }
    },
    "lockfile-missing": {
        why: "Without a lockfile every install resolves versions anew: builds are not reproducible, a compromised\nor broken new release of any transitive dependency is picked up silently, and the audit of the pull\nrequest says nothing about what production will run. The gate cannot run `npm ci` or a reliable\n`npm audit` either.",
        fix: "Run the install of the project's package manager and commit the lockfile it writes:\n\n```sh\nnpm install            # writes package-lock.json   (pnpm install: pnpm-lock.yaml; yarn install: yarn.lock)\ngit add package-lock.json\ngit commit -m \"Add package-lock.json\"\n```\n\nThen install from it in CI and in Dockerfiles: `npm ci`, `pnpm install --frozen-lockfile`,\n`yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+).\n\nWhen the lockfile and the `packageManager` field name different managers (or lockfiles of several\nmanagers are committed), the report says so in a note.",
        example: { lang: "sh", code: "npm install            # writes package-lock.json   (pnpm install: pnpm-lock.yaml; yarn install: yarn.lock)\ngit add package-lock.json\ngit commit -m \"Add package-lock.json\"" }
    },
    "prototype-pollution": {
        why: "`JSON.parse` (and so `express.json()`) creates an own property named `__proto__`. A recursive merge\ncopies it by walking into `target.__proto__`, which is `Object.prototype`: every object in the\nprocess then has the attacker's properties (`isAdmin: true`, `shell: '/bin/sh'`, template options),\nwhich turns into privilege escalation, denial of service or remote code execution through gadgets\nin libraries. A shallow `Object.assign` or a client-chosen key replaces the target's prototype or\noverwrites fields the client should never set (mass assignment).",
        fix: "Copy the fields you expect, after validating them:\n\n```js\napp.put('/chat', (req, res) => {\n  const { text, icon } = req.body.message ?? {}\n  if (typeof text !== 'string' || text.length > 500) return res.status(400).end()\n  messages.push({ text, icon: typeof icon === 'string' ? icon : '👋', id: lastId++ })\n  res.send({ ok: true })\n})\n```\n\nOr validate with a schema that rejects unknown keys (Joi's default, zod's `.strict()`) before any\nmerge; keep lodash at 4.17.21 or later; use `Object.create(null)` or a `Map` for client-keyed data.",
        example: { lang: "js", code: "app.put('/chat', (req, res) => {\n  const { text, icon } = req.body.message ?? {}\n  if (typeof text !== 'string' || text.length > 500) return res.status(400).end()\n  messages.push({ text, icon: typeof icon === 'string' ? icon : '👋', id: lastId++ })\n  res.send({ ok: true })\n})" }
    },
    "proxy-body-size": {
        why: "Every byte of a request body is read (and by default buffered to disk) by the proxy before the app\nsees it. Without a limit, a handful of clients streaming multi-gigabyte bodies fill the disk, tie up\nworkers and bandwidth, and reach the app's body parser. The proxy is the cheapest place to refuse\nthem, with a `413 Request Entity Too Large`.",
        fix: "Keep the global limit small and raise it only where the app takes uploads:\n\n```nginx\nhttp {\n    client_max_body_size 1m;\n    server {\n        location /api/uploads {\n            client_max_body_size 20m;\n            proxy_pass http://app:3000;\n        }\n    }\n}\n```\n\n```caddyfile\nexample.com {\n    request_body {\n        max_size 1MB\n    }\n    reverse_proxy app:3000\n}\n```",
        example: { lang: "nginx", code: "http {\n    client_max_body_size 1m;\n    server {\n        location /api/uploads {\n            client_max_body_size 20m;\n            proxy_pass http://app:3000;\n        }\n    }\n}" }
    },
    "proxy-no-tls": {
        why: "Over plain HTTP, session cookies, bearer tokens and form posts cross the network in clear text, and\nanyone on the path can read or change them. Express cannot fix that itself: it only sees what the\nproxy forwards. A `secure` session cookie is not even set over HTTP, so logins behind such a proxy\nsilently break or get \"fixed\" by dropping `secure`.\n\nIf a load balancer in front of nginx terminates TLS and nginx only listens inside a private network,\nsay so with a suppression (`# hardening-ignore proxy-no-tls -- TLS ends at the ALB`) or, better, make\nnginx redirect on `$http_x_forwarded_proto`.",
        fix: "nginx: redirect port 80 and proxy only from the TLS server.\n\n```nginx\nserver {\n    listen 80;\n    server_name api.example.com;\n    return 301 https://$host$request_uri;\n}\n\nserver {\n    listen 443 ssl;\n    server_name api.example.com;\n    ssl_certificate     /etc/letsencrypt/live/api.example.com/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/api.example.com/privkey.pem;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n```\n\nCaddy: address the site by its domain name; Caddy then obtains a certificate and redirects HTTP to HTTPS.\n\n```caddyfile\napi.example.com {\n    reverse_proxy app:3000\n}\n```",
        example: { lang: "nginx", code: "server {\n    listen 80;\n    server_name api.example.com;\n    return 301 https://$host$request_uri;\n}\n\nserver {\n    listen 443 ssl;\n    server_name api.example.com;\n    ssl_certificate     /etc/letsencrypt/live/api.example.com/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/api.example.com/privkey.pem;\n    location / {\n        proxy_pass http://app:3000;\n    }\n}" }
    },
    "proxy-server-tokens": {
        why: "A version number turns reconnaissance into a lookup: scanners match it against known CVEs for that\nnginx release and pick the exploit without probing. Hiding it does not fix an outdated nginx, but it\nstops advertising which one it is. It is the proxy-side twin of Express's `X-Powered-By` header.",
        fix: "```nginx\nhttp {\n    server_tokens off;\n    # ...\n}\n```\n\nFor a `conf.d/default.conf` on the official nginx image, either ship your own `nginx.conf` with the\nline above or add `server_tokens off;` to each `server` block.",
        example: { lang: "nginx", code: "http {\n    server_tokens off;\n    # ...\n}" }
    },
    "proxy-timeouts": {
        why: "With 60-second timeouts, a client can hold a connection and a worker slot open for a minute by sending\none header line or one body byte at a time (Slowloris, slow POST). A few hundred such clients exhaust\n`worker_connections` while using almost no bandwidth. Short client timeouts make nginx drop them;\na `proxy_read_timeout` sized to the app frees connections stuck on a hung request.",
        fix: "```nginx\nhttp {\n    client_header_timeout 10s;\n    client_body_timeout   10s;\n    server {\n        location / {\n            proxy_read_timeout 30s;\n            proxy_pass http://app:3000;\n        }\n        # long-lived streams get their own, explicit allowance\n        location /events {\n            proxy_read_timeout 1h;\n            proxy_pass http://app:3000;\n        }\n    }\n}\n```",
        example: { lang: "nginx", code: "http {\n    client_header_timeout 10s;\n    client_body_timeout   10s;\n    server {\n        location / {\n            proxy_read_timeout 30s;\n            proxy_pass http://app:3000;\n        }\n        # long-lived streams get their own, explicit allowance\n        location /events {\n            proxy_read_timeout 1h;\n            proxy_pass http://app:3000;\n        }\n    }\n}" }
    },
    "proxy-trust-missing": {
        why: "The proxy terminates TLS and talks plain HTTP to the app, so without `trust proxy` Express ignores\n`X-Forwarded-Proto` and `req.secure` is `false`. express-session then silently never sets a secure\ncookie (no one stays logged in, and the usual \"fix\" is turning `secure` off), and cookie-session\nthrows \"Cannot send secure cookie over unencrypted connection\".",
        fix: "Trust exactly the proxies in front of the app, and have the proxy send `X-Forwarded-Proto`:\n\n```js\napp.set('trust proxy', 1) // one proxy hop (nginx, Caddy, a load balancer)\napp.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, sameSite: 'lax' } }))\n```\n\n```nginx\nlocation / {\n    proxy_set_header X-Forwarded-Proto $scheme;\n    proxy_pass http://app:3000;\n}\n```\n\nPrefer a hop count or the proxy's address over `true`, which trusts every `X-Forwarded-For` entry a\nclient sends (see `rate-limit-bypassable`). express-session's own `proxy: true` option also works for\nthe session cookie alone.",
        example: { lang: "js", code: "app.set('trust proxy', 1) // one proxy hop (nginx, Caddy, a load balancer)\napp.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, sameSite: 'lax' } }))" }
    },
    "rate-limit-auth-missing": {
        why: "Login and reset endpoints are what attackers guess against: credential stuffing, password spraying,\nbrute-forcing six-digit reset or OTP codes. They need a limit of their own, usually much stricter than\nthe rest of the API (a few attempts per account or IP per quarter hour).",
        fix: "Put a strict limiter in front of the authentication routes:\n\n```js\nconst { rateLimit } = require('express-rate-limit')\n\nconst authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10, skipSuccessfulRequests: true })\n\napp.use('/auth', authLimiter, authRouter)\n// or per route\nrouter.post('/login', authLimiter, login)\n```",
        example: { lang: "js", code: "const { rateLimit } = require('express-rate-limit')\n\nconst authLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 10, skipSuccessfulRequests: true })\n\napp.use('/auth', authLimiter, authRouter)\n// or per route\nrouter.post('/login', authLimiter, login)" }
    },
    "rate-limit-bypassable": {
        why: "Limiters count per key, normally the client IP. When the key comes from a header, a client sends a\ndifferent value with every request (`X-Forwarded-For: 1.2.3.<n>`) and is never limited, so the\nlimiter in front of the login route does nothing. express-rate-limit v7 logs\n`ERR_ERL_PERMISSIVE_TRUST_PROXY` for the same reason.",
        fix: "Trust exactly the proxies in front of the app, and key on `req.ip` (or on the authenticated user):\n\n```js\n// one reverse proxy (nginx, a load balancer) in front of the app\napp.set('trust proxy', 1)\n\nconst limiter = rateLimit({\n  windowMs: 15 * 60 * 1000,\n  limit: 100,\n  keyGenerator: (req) => (req.user ? `user:${req.user.id}` : req.ip)\n})\n```\n\nA number of hops, a subnet list (`'loopback, 10.0.0.0/8'`) or a function are all fine; only `true`\ntrusts every hop.",
        example: { lang: "js", code: "// one reverse proxy (nginx, a load balancer) in front of the app\napp.set('trust proxy', 1)\n\nconst limiter = rateLimit({\n  windowMs: 15 * 60 * 1000,\n  limit: 100,\n  keyGenerator: (req) => (req.user ? `user:${req.user.id}` : req.ip)\n})" }
    },
    "rate-limit-memory-store": {
        why: "In-memory counts reset whenever the process restarts (every deploy), and each process or container\nkeeps its own: behind a load balancer with four instances, a limit of 10 attempts becomes 40, and\nwith autoscaling it keeps growing. For a single long-lived process the default store is fine, which is\nwhy this rule is `low`.",
        fix: "Use a store shared by all instances, such as Redis:\n\n```js\nconst { rateLimit } = require('express-rate-limit')\nconst { RedisStore } = require('rate-limit-redis')\nconst { createClient } = require('redis')\n\nconst client = createClient({ url: process.env.REDIS_URL })\nawait client.connect()\n\nconst limiter = rateLimit({\n  windowMs: 15 * 60 * 1000,\n  limit: 100,\n  store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) })\n})\n```\n\nWith rate-limiter-flexible use `RateLimiterRedis` (or Postgres, Mongo...), optionally with a\n`RateLimiterMemory` as its `insuranceLimiter`.",
        example: { lang: "js", code: "const { rateLimit } = require('express-rate-limit')\nconst { RedisStore } = require('rate-limit-redis')\nconst { createClient } = require('redis')\n\nconst client = createClient({ url: process.env.REDIS_URL })\nawait client.connect()\n\nconst limiter = rateLimit({\n  windowMs: 15 * 60 * 1000,\n  limit: 100,\n  store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) })\n})" }
    },
    "rate-limit-missing": {
        why: "Without a limiter every client may send requests as fast as it likes: passwords and reset codes can\nbe guessed, expensive endpoints (search, exports, email sending) can be used to exhaust the server or\na paid upstream, and scraping is free. A reverse proxy or API gateway can limit too; when it does,\nsuppress this rule for the project with a reason.",
        fix: "Register a general limiter before the routes, and a stricter one on authentication routes:\n\n```js\nconst express = require('express')\nconst { rateLimit } = require('express-rate-limit')\n\nconst app = express()\napp.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100, standardHeaders: 'draft-7', legacyHeaders: false }))\n\napp.use('/api', apiRouter)\n```",
        example: { lang: "js", code: "const express = require('express')\nconst { rateLimit } = require('express-rate-limit')\n\nconst app = express()\napp.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100, standardHeaders: 'draft-7', legacyHeaders: false }))\n\napp.use('/api', apiRouter)" }
    },
    "session-cookie-insecure": {
        why: "- Without `secure` the cookie is sent over plain HTTP, where anyone on the network can read it and take over the session.\n- With `httpOnly: false` any injected script can read it (`document.cookie`).\n- Without `sameSite` browsers that do not default to Lax send it with cross-site requests, which is what CSRF needs.\n- Without a lifetime the server-side session may outlive what users expect, and a stolen cookie stays useful as long as the browser keeps it.",
        fix: "```js\napp.set('trust proxy', 1) // behind a TLS-terminating proxy, so secure cookies are sent\napp.use(session({\n  name: 'sid',\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false,\n  cookie: {\n    secure: process.env.NODE_ENV === 'production', // or true\n    httpOnly: true,\n    sameSite: 'lax', // 'strict' if no one arrives logged in from links on other sites\n    maxAge: 60 * 60 * 1000 // one hour\n  }\n}))\n\napp.use(cookieSession({ name: 'sid', keys: [process.env.SESSION_KEY], secure: true, sameSite: 'lax', maxAge: 3600000 }))\n```",
        example: { lang: "js", code: "app.set('trust proxy', 1) // behind a TLS-terminating proxy, so secure cookies are sent\napp.use(session({\n  name: 'sid',\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false,\n  cookie: {\n    secure: process.env.NODE_ENV === 'production', // or true\n    httpOnly: true,\n    sameSite: 'lax', // 'strict' if no one arrives logged in from links on other sites\n    maxAge: 60 * 60 * 1000 // one hour\n  }\n}))\n\napp.use(cookieSession({ name: 'sid', keys: [process.env.SESSION_KEY], secure: true, sameSite: 'lax', maxAge: 3600000 }))" }
    },
    "session-cookie-name-default": {
        why: "`connect.sid` tells every visitor, and every scanner, that the app runs Express with express-session,\nwhich narrows down the exploits worth trying. A neutral name costs nothing. It also keeps two apps on\nthe same domain from overwriting each other's session cookie.",
        fix: "```js\napp.use(session({\n  name: 'sid', // any name that does not name the framework\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false\n}))\n```",
        example: { lang: "js", code: "app.use(session({\n  name: 'sid', // any name that does not name the framework\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false\n}))" }
    },
    "session-memory-store": {
        why: "express-session's own documentation says MemoryStore \"is purposely not designed for a production\nenvironment\": it never frees expired sessions, so memory grows with every visitor (an easy denial of\nservice, together with `saveUninitialized: true`), every restart or deploy logs everyone out, and\nseveral processes or containers each have their own sessions.",
        fix: "Use a production session store, for example Redis:\n\n```js\nconst session = require('express-session')\nconst { RedisStore } = require('connect-redis')\nconst { createClient } = require('redis')\n\nconst client = createClient({ url: process.env.REDIS_URL })\nclient.connect().catch(console.error)\n\napp.use(session({\n  store: new RedisStore({ client }),\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false\n}))\n```\n\nconnect-mongo, connect-pg-simple and others work the same way.",
        example: { lang: "js", code: "const session = require('express-session')\nconst { RedisStore } = require('connect-redis')\nconst { createClient } = require('redis')\n\nconst client = createClient({ url: process.env.REDIS_URL })\nclient.connect().catch(console.error)\n\napp.use(session({\n  store: new RedisStore({ client }),\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false\n}))" }
    },
    "session-resave": {
        why: "With `resave: true` every request writes its session back to the store even when nothing changed. Two\nconcurrent requests of one user then race: the later write overwrites what the earlier one stored\n(a logout, a privilege change, a CSRF token), and every request costs a store write.",
        fix: "```js\napp.use(session({\n  secret: process.env.SESSION_SECRET,\n  store: new RedisStore({ client }), // a store that implements touch()\n  resave: false,\n  saveUninitialized: false\n}))\n```\n\nIf your store does not implement `touch` and sets an expiry on sessions, keep sessions alive with\n`rolling: true` or pick a store that does.",
        example: { lang: "js", code: "app.use(session({\n  secret: process.env.SESSION_SECRET,\n  store: new RedisStore({ client }), // a store that implements touch()\n  resave: false,\n  saveUninitialized: false\n}))" }
    },
    "session-save-uninitialized": {
        why: "Every anonymous request then creates a stored session and sets a session cookie before anyone logs\nin. Bots fill the store (a cheap denial of service on memory or Redis), a session ID handed out\nbefore login makes session fixation easier if the app forgets `req.session.regenerate()` at login,\nand setting cookies before consent is a problem under privacy laws.",
        fix: "```js\napp.use(session({\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false // a session is stored only once something is put in it\n}))\n\n// and at login:\nreq.session.regenerate((err) => { /* then set req.session.userId */ })\n```",
        example: { lang: "js", code: "app.use(session({\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false // a session is stored only once something is put in it\n}))\n\n// and at login:\nreq.session.regenerate((err) => { /* then set req.session.userId */ })" }
    },
    "session-secret-hardcoded": {
        why: "Whoever knows the secret can sign their own session ID or cookie-session payload: with cookie-session\nthat means writing any session content (`{ userId: 1, isAdmin: true }`), with express-session it lets\nan attacker pass a chosen session ID through signature checks. A secret in the repository is known to\neveryone who can read the repository, its forks and its history, and it never rotates.",
        fix: "Read the secret from the environment (or a secret manager), fail at startup when it is missing, and\nrotate the committed value, since it stays in the git history:\n\n```js\nconst secret = process.env.SESSION_SECRET\nif (!secret) throw new Error('SESSION_SECRET is not set')\n\napp.use(session({\n  secret,                 // or [newSecret, previousSecret] while rotating\n  resave: false,\n  saveUninitialized: false\n}))\n\napp.use(cookieParser(process.env.COOKIE_SECRET))\n```",
        example: { lang: "js", code: "const secret = process.env.SESSION_SECRET\nif (!secret) throw new Error('SESSION_SECRET is not set')\n\napp.use(session({\n  secret,                 // or [newSecret, previousSecret] while rotating\n  resave: false,\n  saveUninitialized: false\n}))\n\napp.use(cookieParser(process.env.COOKIE_SECRET))" }
    },
    "suppression-without-reason": {
        why: "A suppression is a decision that a gap is acceptable, and the reason is the record of that decision:\nwhat makes it safe here, so a reviewer can check it and a later reader can tell when it stops being\ntrue. Without one, an ignore comment is indistinguishable from silencing the gate to get a pull\nrequest through, so the gate does not honour it, and says so instead of leaving the comment looking\nas if it worked.",
        fix: "Say why the gap is acceptable after `--`, on the finding's line or the line above:\n\n```js\n// hardening-ignore helmet-missing -- the API gateway sets the security headers\nconst app = express()\n```\n\nOr fix the gap and delete the comment. For a whole folder (test fixtures, generated code), use a\n`suppressions` entry with a `reason` and an `expires` date in the config file instead.",
        example: { lang: "js", code: "// hardening-ignore helmet-missing -- the API gateway sets the security headers\nconst app = express()" }
    },
    "validation-missing": {
        why: "Express hands the handler whatever the client sent: with `express.json()` or `qs`, a \"string\" field\ncan be an object or an array (`password[$ne]=x`), a number can be `\"1e999\"` and a URL can point\nanywhere. Without validation that input flows into NoSQL operator injection, SQL and command\ninjection, server-side request forgery, open redirects and mass assignment of fields like `role`.\nValidating at the edge, with a schema per route, stops all of them at one place.",
        fix: "Validate in the route's chain, before the handler runs:\n\n```js\nconst { body, validationResult } = require('express-validator')\n\napp.post('/login',\n  body('username').isEmail(),\n  body('password').isString().isLength({ min: 8, max: 128 }),\n  (req, res, next) => {\n    const errors = validationResult(req)\n    if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() })\n    return users.login(req.body.username, req.body.password).then((u) => res.json(u), next)\n  })\n```\n\nor with a schema library (celebrate/Joi, zod, yup, ajv):\n\n```js\nconst { celebrate, Joi, Segments } = require('celebrate')\n\nrouter.get('/articles', celebrate({\n  [Segments.QUERY]: Joi.object({ tag: Joi.string().max(50), limit: Joi.number().integer().max(100) })\n}), listArticles)\n```\n\nAn app's own `validate(schema)` middleware counts when its body uses one of these libraries.",
        example: { lang: "js", code: "const { body, validationResult } = require('express-validator')\n\napp.post('/login',\n  body('username').isEmail(),\n  body('password').isString().isLength({ min: 8, max: 128 }),\n  (req, res, next) => {\n    const errors = validationResult(req)\n    if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() })\n    return users.login(req.body.username, req.body.password).then((u) => res.json(u), next)\n  })" }
    },
    "x-powered-by": {
        why: "The header tells every client, scanner and bot that the server runs Express, which narrows an\nattacker's search to Express and Node.js vulnerabilities. Removing it costs nothing. It is a small\ngap, hence the low severity.",
        fix: "```js\nconst app = express()\napp.disable('x-powered-by')\n// or, with the other security headers:\napp.use(helmet())\n```",
        example: { lang: "js", code: "const app = express()\napp.disable('x-powered-by')\n// or, with the other security headers:\napp.use(helmet())" }
    }
};

// EXTERNAL MODULE: ./src/rules/catalog.ts + 1 modules
var catalog = __webpack_require__(40693);
// EXTERNAL MODULE: ./src/rules/rule.ts
var rules_rule = __webpack_require__(10281);
;// CONCATENATED MODULE: ./src/render/changes.ts

/**
 * The report split by its baseline, or undefined when no comparison is in effect (no baseline, or
 * one that could not be read: then every finding counts and the report reads as without one).
 * A finding or advisory without its `new` flag counts as new: what the gate could not match blocks.
 */
function baselineChanges(report) {
    const baseline = report.baseline;
    if (!baseline || baseline.status !== 'ok' || baseline.source === 'none')
        return undefined;
    const open = report.findings.filter((f) => !f.suppressed);
    const advisories = report.audit.advisories;
    return {
        source: baseline.source,
        ref: baseline.ref,
        newFindings: open.filter((f) => f.new !== false),
        oldFindings: open.filter((f) => f.new === false),
        newAdvisories: advisories.filter((a) => a.new !== false),
        oldAdvisories: advisories.filter((a) => a.new === false),
        fixed: baseline.fixed ?? [],
        advisoriesFixed: baseline.advisoriesFixed ?? []
    };
}
/** A new open finding at or above `fail-on`: what fails the gate when a baseline is in effect. */
function isBlockingFinding(report, finding) {
    return !finding.suppressed && finding.new !== false && (0,severity/* meetsThreshold */.M0)(finding.severity, report.thresholds.findings);
}
/** A new advisory at or above `audit-level` that the allowlist does not accept. */
function isBlockingAdvisory(report, advisory) {
    return advisory.new !== false && !advisory.allowed && (0,severity/* meetsThreshold */.M0)(advisory.severity, report.thresholds.audit);
}
/** A commit id shortened as git shows it; any other ref (a branch, a tag) as it is. */
function shortRef(ref) {
    return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(ref) ? ref.slice(0, 7) : ref;
}

;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * Escapes text from the scanned repository (paths, names, messages that quote code) for Markdown
 * and HTML: everything but plain word characters becomes a numeric character reference, which
 * GitHub shows as the character and never reads as syntax (no links, tables, HTML or emphasis).
 * `@` (and `#` before a digit) also gets a zero-width space so no one is mentioned and no issue
 * referenced, and lines collapse into one. Invisible format characters (bidi overrides such as
 * U+202E, zero-width characters, Unicode tags) show as U+FFFD, so a name cannot read as another.
 */
function escapeMarkdown(text, maxLength = 500, inCode = false) {
    const flat = text.replace(/\s+/g, ' ');
    const clipped = [...flat].length > maxLength ? `${[...flat].slice(0, maxLength - 1).join('')}…` : flat;
    const chars = [...clipped];
    let out = '';
    chars.forEach((ch, i) => {
        if (/[A-Za-z0-9 ,.;:'()/=-]/.test(ch))
            out += ch;
        else if (ch === '@')
            out += inCode ? '&#64;' : '&#64;&#8203;';
        // `#123` would link (and notify) issue 123, as `@name` mentions: a zero-width space after `#` too.
        else if (ch === '#' && !inCode && /\d/.test(chars[i + 1] ?? ''))
            out += '&#35;&#8203;';
        else if (/\p{Cf}/u.test(ch))
            out += '&#65533;';
        else
            out += `&#${ch.codePointAt(0)};`;
    });
    return out;
}
/** Repository text as inline code; GitHub links no mentions inside code, so `@` stays copyable. */
function code(text, maxLength = 200) {
    return `<code>${escapeMarkdown(text, maxLength, true)}</code>`;
}
/** Message text with `code` spans shown as code; every part escaped. */
function escapeMessage(text) {
    return text
        .trim()
        .split('`')
        .map((part, i) => (i % 2 === 1 && part !== '' ? code(part) : escapeMarkdown(part, 500)))
        .join('');
}
/** `%XX` for one ASCII character; encodeURIComponent leaves `(`, `)` and `'` as they are. */
function percentEncode(ch) {
    return `%${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}
/**
 * A URL from outside (an advisory link) is only used when it is a plain https URL, with every
 * character that could end the Markdown link (`)`, `\`), start a code span or split a table cell
 * percent-encoded.
 */
function safeUrl(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' ? parsed.href.replace(/[()<>"'`|\\\s]/g, percentEncode) : undefined;
    }
    catch {
        return undefined;
    }
}
function escape_link(text, url) {
    return url ? `[${text}](${url})` : text;
}
/**
 * A fenced code block whose fence is longer than any backtick run in the code, so nothing inside
 * can close it early. Code inside is shown verbatim (no escaping is possible there): only for text
 * we wrote, such as the example fixes of our rule docs, never for repository text.
 */
function fencedCode(lang, text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${lang.replace(/[^A-Za-z0-9+-]/g, '')}\n${text}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/common/repository-path.ts
/** A path relative to the scanned root as the repository sees it: the root (`.` for the repository itself) before it. */
function joinRepositoryPath(root, file) {
    return root === '.' || root === '' ? file : `${root.replace(/\/+$/, '')}/${file}`;
}

;// CONCATENATED MODULE: ./src/render/markdown-parts.ts





const ICON = { critical: '🟣', high: '🔴', moderate: '🟠', low: '🟡' };
/** encodeURIComponent, plus the `(`, `)`, `'`, `!` and `*` it leaves alone: a `)` would end the Markdown link. */
function encodePathSegment(segment) {
    return encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
}
function fileLink(report, finding, links) {
    const label = escapeMarkdown(finding.line === null ? finding.file : `${finding.file}:${finding.line}`, 200);
    if (!links)
        return label;
    const path = joinRepositoryPath(report.root, finding.file).split('/').map(encodePathSegment).join('/');
    const anchor = finding.line === null ? '' : `#L${finding.line}`;
    const base = `${links.serverUrl}/${encodeURIComponent(links.owner)}/${encodeURIComponent(links.repo)}`;
    return `[${label}](${base}/blob/${encodeURIComponent(links.sha)}/${path}${anchor})`;
}
/** A rule id as code, linked to its docs when it is one of ours. */
function ruleLink(rule) {
    return escape_link(code(rule, 80), (0,catalog/* findRuleSummary */.E1)(rule) ? (0,rules_rule/* docsUrl */.fs)(rule) : undefined);
}
function bySeverity(items) {
    return [...items].sort((a, b) => (0,severity/* severityRank */.qs)(b.severity) - (0,severity/* severityRank */.qs)(a.severity));
}
function limited(rows, max) {
    if (max === undefined || rows.length <= max)
        return { shown: rows, hidden: 0 };
    return { shown: rows.slice(0, max), hidden: rows.length - max };
}
function moreLine(hidden, what, hint) {
    return hidden > 0 ? [`_…and ${hidden} more ${what}${hint ? `: ${hint}` : ''}._`, ''] : [];
}
const FINDINGS_HEADER = ['| Severity | Rule | Where | What is wrong and the fix |', '|---|---|---|---|'];
/** One row of a findings table; `mark` goes before the location, `blocking` after the severity. */
function findingRow(report, f, options, marks = {}) {
    const severity = `${ICON[f.severity]} ${f.severity}${marks.blocking ? ' · **blocking**' : ''}`;
    return `| ${severity} | ${ruleLink(f.rule)} | ${marks.where ?? ''}${fileLink(report, f, options.links)} | ${escapeMessage(f.message)} |`;
}
const ADVISORIES_HEADER = ['| Severity | Package | Advisory | Fix |', '|---|---|---|---|'];
function advisoryRow(a, blocking = false) {
    const pkg = `${code(a.package, 100)}${a.direct ? '' : ` via ${a.via.map((v) => code(v, 100)).join(', ') || 'a transitive dependency'}`}`;
    const title = escape_link(escapeMarkdown(a.title || a.id, 200), safeUrl(a.url));
    const fix = a.fix ? code(a.fix, 100) : a.fixAvailable ? '`npm audit fix`' : 'no fix yet';
    const allowed = a.allowed ? ` (allowed: ${escapeMarkdown(a.allowed.reason, 200)})` : '';
    return `| ${ICON[a.severity]} ${a.severity}${blocking ? ' · **blocking**' : ''} | ${pkg} | ${title}${allowed} | ${fix} |`;
}
/** `1 gap`, `2 gaps`: a count with its noun. */
function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/** What the verdict says of the dependencies: a passing gate whose audit did not run must not read as "no advisories". */
function dependenciesClause(report) {
    const audit = report.audit.status;
    if (audit === 'ok')
        return ` and no dependency advisory at or above **${report.thresholds.audit}**`;
    return audit === 'error' ? '; dependencies were **not checked** (npm audit failed, see below)' : '; dependencies were not audited';
}

;// CONCATENATED MODULE: ./src/render/markdown-changes.ts



/** GitHub's advisory ids; only these are linked, so no text of the report becomes a link of its choosing. */
const GHSA_ID = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/i;
/** `the base commit abc1234` or `the baseline file hardening-baseline.json`, escaped. */
function baseName(changes) {
    return changes.source === 'file' ? `the baseline file ${code(changes.ref, 200)}` : `the base commit ${code(shortRef(changes.ref), 100)}`;
}
/** `14 already on the base commit abc1234, not blocking` (a file holds them: `in`). */
function alreadyThere(count, what, changes) {
    return `${plural(count, ...what)} already ${changes.source === 'file' ? 'in' : 'on'} ${baseName(changes)}, not blocking`;
}
/** The headline: what the pull request adds, never "no gaps" while old ones remain. */
function title(report, changes) {
    const gaps = changes.newFindings.length;
    const advisories = changes.newAdvisories.length;
    if (report.passed) {
        if (gaps === 0)
            return '## ✅ No new hardening gaps';
        return `## ✅ ${plural(gaps, 'new hardening gap', 'new hardening gaps')}, none blocking`;
    }
    const parts = [
        ...(changes.newFindings.some((f) => isBlockingFinding(report, f)) ? [plural(gaps, 'new hardening gap', 'new hardening gaps')] : []),
        ...(changes.newAdvisories.some((a) => isBlockingAdvisory(report, a))
            ? [plural(advisories, 'new dependency advisory', 'new dependency advisories')]
            : [])
    ];
    // Failing for another reason (npm ci, an audit that could not run): the reasons below say which.
    return parts.length > 0 ? `## ❌ ${parts.join(' and ')}` : '## ❌ Hardening gate failed';
}
/** `2 new gaps (1 blocking), 3 fixed, 14 already there`: one side of the comparison at a glance. */
function tally(added, blocking, fixed, old, noun) {
    const blocks = blocking > 0 ? ` (${blocking} blocking)` : '';
    return `${plural(added, `new ${noun[0]}`, `new ${noun[1]}`)}${blocks}, ${fixed} fixed, ${old} already there`;
}
/** The verdict when a baseline is in effect: headline, why, and the comparison in one line. */
function changesVerdict(report, changes, where) {
    const why = report.passed
        ? `This pull request adds no hardening gap at or above **${report.thresholds.findings}**${dependenciesClause(report)}.`
        : `**Why:** ${report.reasons.map((r) => escapeMessage(r)).join('; ')}.`;
    const { newFindings, oldFindings, fixed, newAdvisories, oldAdvisories, advisoriesFixed } = changes;
    const compared = [
        tally(newFindings.length, newFindings.filter((f) => isBlockingFinding(report, f)).length, fixed.length, oldFindings.length, [
            'gap',
            'gaps'
        ])
    ];
    if (newAdvisories.length + oldAdvisories.length + advisoriesFixed.length > 0) {
        const blocking = newAdvisories.filter((a) => isBlockingAdvisory(report, a)).length;
        compared.push(tally(newAdvisories.length, blocking, advisoriesFixed.length, oldAdvisories.length, ['advisory', 'advisories']));
    }
    return [`${title(report, changes)}${where}`, '', why, '', `Compared with ${baseName(changes)}: ${compared.join('; ')}.`, ''];
}
function newSection(report, changes, options) {
    const findings = bySeverity(changes.newFindings);
    const advisories = bySeverity(changes.newAdvisories);
    // Nothing new: the headline and the comparison line say so already.
    if (findings.length === 0 && advisories.length === 0)
        return [];
    const out = [`### New in this pull request (${findings.length + advisories.length})`, ''];
    if (findings.length > 0) {
        const { shown, hidden } = limited(findings, options.maxRows);
        out.push(...FINDINGS_HEADER, ...shown.map((f) => findingRow(report, f, options, { blocking: isBlockingFinding(report, f) })), '');
        out.push(...moreLine(hidden, 'new gaps', options.fullListHint));
    }
    if (advisories.length > 0) {
        const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity);
        const { shown, hidden } = limited(advisories, Number.isFinite(cap) ? cap : undefined);
        out.push(`**${plural(advisories.length, 'new dependency advisory', 'new dependency advisories')}:**`, '', ...ADVISORIES_HEADER, ...shown.map((a) => advisoryRow(a, isBlockingAdvisory(report, a))), '');
        out.push(...moreLine(hidden, 'new advisories', options.fullListHint));
    }
    return out;
}
function fixedAdvisory(entry) {
    const id = escape_link(code(entry.id, 100), GHSA_ID.test(entry.id) ? `https://github.com/advisories/${entry.id}` : undefined);
    return `- ✅ advisory ${id} in ${code(entry.package, 100)}`;
}
/** Credit: what the baseline had and this pull request no longer has. */
function fixedSection(changes, options) {
    const total = changes.fixed.length + changes.advisoriesFixed.length;
    if (total === 0)
        return [];
    const gaps = limited(changes.fixed, options.maxRows);
    const advisories = limited(changes.advisoriesFixed, options.maxRows);
    return [
        `### Fixed in this pull request (${total})`,
        '',
        ...gaps.shown.map((f) => `- ✅ ${ruleLink(f.rule)} in ${code(f.file, 200)}`),
        ...advisories.shown.map(fixedAdvisory),
        '',
        ...moreLine(gaps.hidden + advisories.hidden, 'fixed', options.fullListHint)
    ];
}
/** The gaps the base already had, collapsed: shown, so nothing is hidden, but not in the way. */
function oldSection(report, changes, options) {
    const old = bySeverity(changes.oldFindings);
    if (old.length === 0)
        return [];
    const { shown, hidden } = limited(old, options.maxRows);
    return [
        `<details><summary>${alreadyThere(old.length, ['gap', 'gaps'], changes)}</summary>`,
        '',
        ...FINDINGS_HEADER,
        ...shown.map((f) => findingRow(report, f, options)),
        '',
        ...moreLine(hidden, 'gaps', options.fullListHint),
        '</details>',
        ''
    ];
}
/** New gaps first (blocking ones marked), then the fixed ones, then the old ones collapsed. */
function changesSections(report, changes, options) {
    return [...newSection(report, changes, options), ...fixedSection(changes, options), ...oldSection(report, changes, options)];
}
/** Under the audit counts: the new advisories are listed above, the old ones here, collapsed. */
function oldAdvisoriesSection(report, options) {
    const changes = baselineChanges(report);
    if (!changes)
        return [];
    const old = bySeverity(changes.oldAdvisories);
    const lead = changes.newAdvisories.length > 0
        ? [`${plural(changes.newAdvisories.length, 'new advisory is', 'new advisories are')} listed above.`, '']
        : [];
    if (old.length === 0)
        return lead;
    const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity);
    const { shown, hidden } = limited(old, Number.isFinite(cap) ? cap : undefined);
    return [
        ...lead,
        `<details><summary>${alreadyThere(old.length, ['advisory', 'advisories'], changes)}</summary>`,
        '',
        ...ADVISORIES_HEADER,
        ...shown.map((a) => advisoryRow(a)),
        '',
        ...moreLine(hidden, 'advisories', options.fullListHint),
        '</details>',
        ''
    ];
}

;// CONCATENATED MODULE: ./src/render/markdown.ts








/** Findings per rule in `brief` details: enough to see the pattern, the table has the rest. */
const BRIEF_FINDINGS = 3;
const CATEGORIES = [
    { id: 'express', title: 'Express' },
    { id: 'secrets', title: 'Secrets' },
    { id: 'docker', title: 'Docker' },
    { id: 'proxy', title: 'Proxy' },
    { id: 'project', title: 'Project' }
];
/** Put before a finding's location when the pull request brought it; nothing when unknown or old. */
function newMark(finding) {
    return finding.new === true ? '🆕 new ' : '';
}
/** "17" or, when the pull request's changes are known, "17, 3 new in this pull request". */
function gapCount(open) {
    if (!open.some((f) => f.new !== undefined))
        return String(open.length);
    return `${open.length}, ${open.filter((f) => f.new === true).length} new in this pull request`;
}
/** Says so when the baseline could not be had: the report then judges everything, and must not read as a comparison. */
function baselineNote(report) {
    const baseline = report.baseline;
    if (baseline?.status !== 'error')
        return [];
    return [
        `> [!WARNING]\n> **Compared with nothing:** ${escapeMessage(baseline.error ?? 'the baseline could not be read')}; every finding counts.\n`
    ];
}
/** The report's warnings, but for the one that repeats the baseline's error: the note above says it. */
function warningLines(report) {
    const error = report.baseline?.status === 'error' ? report.baseline.error : undefined;
    const warnings = error ? report.warnings.filter((w) => !w.includes(error)) : report.warnings;
    return warnings.map((w) => `> [!WARNING]\n> ${escapeMessage(w)}\n`);
}
function verdict(report) {
    const where = report.root === '.' ? '' : ` · ${code(report.root, 200)}`;
    const changes = baselineChanges(report);
    if (changes)
        return [...changesVerdict(report, changes, where), ...warningLines(report)];
    const title = report.passed ? '## ✅ Hardening gate passed' : '## ❌ Hardening gate failed';
    const why = report.passed
        ? `No hardening finding at or above **${report.thresholds.findings}**${dependenciesClause(report)}.`
        : `**Why:** ${report.reasons.map((r) => escapeMessage(r)).join('; ')}.`;
    return [`${title}${where}`, '', why, '', ...baselineNote(report), ...warningLines(report)];
}
function findingsSection(report, options) {
    const changes = baselineChanges(report);
    if (changes)
        return changesSections(report, changes, options);
    const open = bySeverity(report.findings.filter((f) => !f.suppressed));
    const out = [`### Hardening gaps (${gapCount(open)})`, ''];
    if (open.length === 0)
        return [...out, 'None found. 🎉', ''];
    const { shown, hidden } = limited(open, options.maxRows);
    out.push(...FINDINGS_HEADER, ...shown.map((f) => findingRow(report, f, options, { where: newMark(f) })));
    out.push('', ...moreLine(hidden, 'gaps', options.fullListHint));
    return out;
}
function expiredLine(entry) {
    const what = entry.id !== undefined
        ? `advisory ${code(entry.id, 100)} (audit allowlist)`
        : `${code(entry.rule ?? '', 80)}${entry.path ? ` for ${code(entry.path, 200)}` : ''}`;
    return `- ${what} in ${code(entry.source, 200)}: expired on ${escapeMarkdown(entry.expires, 20)}: now reported`;
}
function suppressedSection(report, options) {
    const suppressed = report.findings.filter((f) => f.suppressed);
    const expired = report.expiredSuppressions ?? [];
    if (suppressed.length === 0 && expired.length === 0)
        return [];
    const out = [
        `<details><summary>Suppressed (${suppressed.length})${expired.length > 0 ? ` · ${expired.length} expired` : ''}</summary>`,
        ''
    ];
    if (suppressed.length > 0) {
        out.push('| Rule | Where | Reason |', '|---|---|---|');
        const rows = limited(suppressed, options.maxRows);
        for (const f of rows.shown) {
            const reason = `${escapeMarkdown(f.suppression?.reason ?? '', 300)}${f.suppression?.expires ? ` (until ${escapeMarkdown(f.suppression.expires, 20)})` : ''}`;
            out.push(`| ${code(f.rule, 80)} | ${fileLink(report, f, options.links)} | ${reason} |`);
        }
        out.push('', ...moreLine(rows.hidden, 'suppressed findings', options.fullListHint));
    }
    if (expired.length > 0) {
        const rows = limited(expired, options.maxRows);
        out.push('**Expired**, so no longer applied:', '', ...rows.shown.map(expiredLine), '', ...moreLine(rows.hidden, 'expired entries', options.fullListHint));
    }
    return [...out, '</details>', ''];
}
function ruleDetails(report, meta, findings, options) {
    const worst = bySeverity(findings)[0]?.severity ?? meta.severity;
    const cap = Math.min(options.maxRows ?? Infinity, options.details === 'brief' ? BRIEF_FINDINGS : Infinity);
    const { shown, hidden } = limited(findings, Number.isFinite(cap) ? cap : undefined);
    const example = RULE_DOCS[meta.id]?.example;
    return [
        `${ICON[worst]} **${escape_link(code(meta.id, 80), (0,rules_rule/* docsUrl */.fs)(meta.id))}**: ${escapeMessage(meta.description)}`,
        '',
        ...shown.map((f) => `- ${newMark(f)}${fileLink(report, f, options.links)}: ${escapeMessage(f.message)}`),
        ...(hidden > 0 ? [`- _…and ${hidden} more${options.fullListHint ? `: ${options.fullListHint}` : ' in the table above'}._`] : []),
        '',
        `**Fix:** ${escapeMessage(meta.fix)}`,
        '',
        // The example comes from our own docs (embedded at build time), never from the repository.
        ...(example ? [fencedCode(example.lang, example.code), ''] : [])
    ];
}
/** One collapsed section per category: each rule with findings, its findings and an example fix. */
function categorySections(report, options) {
    if (options.details === 'none')
        return [];
    const byRule = new Map();
    for (const f of report.findings) {
        const meta = f.suppressed ? undefined : (0,catalog/* findRuleSummary */.E1)(f.rule);
        if (!meta)
            continue;
        const entry = byRule.get(meta.id) ?? { meta, findings: [] };
        entry.findings.push(f);
        byRule.set(meta.id, entry);
    }
    const out = [];
    const compared = baselineChanges(report) !== undefined;
    for (const category of CATEGORIES) {
        const rules = [...byRule.values()]
            .filter((r) => r.meta.category === category.id)
            .map((r) => ({ ...r, rank: Math.max(...r.findings.map((f) => (0,severity/* severityRank */.qs)(f.severity))) }))
            .sort((a, b) => b.rank - a.rank || (a.meta.id < b.meta.id ? -1 : 1));
        if (rules.length === 0)
            continue;
        const count = rules.reduce((n, r) => n + r.findings.length, 0);
        // With a baseline, how many of them this pull request brought.
        const added = compared ? `, ${rules.reduce((n, r) => n + r.findings.filter((f) => f.new !== false).length, 0)} new` : '';
        out.push(`<details><summary>${category.title} (${count} ${count === 1 ? 'gap' : 'gaps'}${added})</summary>`, '');
        for (const rule of rules)
            out.push(...ruleDetails(report, rule.meta, rule.findings, options));
        out.push('</details>', '');
    }
    return out;
}
function auditSection(report, options) {
    const audit = report.audit;
    const out = ['### Dependencies (npm audit)', ''];
    if (audit.status === 'skipped')
        return [...out, `Skipped: ${escapeMessage(audit.error ?? 'not run')}.`, ''];
    if (audit.status === 'error')
        return [
            ...out,
            `⚠️ **npm audit could not produce a report**, so dependencies were not checked: ${escapeMessage(audit.error ?? '')}`,
            ''
        ];
    const counts = [...severity/* SEVERITIES */.oC]
        .reverse()
        .map((s) => `${audit.counts[s]} ${s}`)
        .join(' · ');
    const total = severity/* SEVERITIES */.oC.reduce((n, s) => n + audit.counts[s], 0);
    const onNew = report.baseline?.status === 'ok' ? ' when new' : '';
    out.push(`**${total} ${total === 1 ? 'advisory' : 'advisories'}**: ${counts} (fails at **${report.thresholds.audit}** and above${onNew})`, '');
    if (audit.advisories.length === 0)
        return out;
    // With a baseline the new ones lead the report; here only the old ones, collapsed.
    if (baselineChanges(report))
        return [...out, ...oldAdvisoriesSection(report, options)];
    const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity);
    const { shown, hidden } = limited(audit.advisories, Number.isFinite(cap) ? cap : undefined);
    out.push(...ADVISORIES_HEADER, ...shown.map((a) => advisoryRow(a)), '');
    return [...out, ...moreLine(hidden, 'advisories', options.fullListHint)];
}
function sbomSection(report, options) {
    const sbom = report.sbom;
    const out = ['### SBOM', ''];
    if (sbom.status === 'skipped')
        return [...out, 'Not generated (sbom: false).', ''];
    if (sbom.status === 'error')
        return [...out, `⚠️ Not generated: ${escapeMessage(sbom.error ?? '')}`, ''];
    const artifact = options.sbomArtifact ? ` · artifact ${code(options.sbomArtifact, 100)}` : '';
    return [
        ...out,
        `📦 CycloneDX ${escapeMarkdown(sbom.specVersion ?? '', 10)} · ${sbom.components ?? 0} components · ${code(sbom.path ?? '', 200)}${artifact}`,
        ''
    ];
}
function footer(report) {
    // In mode: comment the report comes from another job (maybe an untrusted pull request's): escape it all.
    const steps = report.steps
        .map((s) => `${escapeMarkdown(s.name, 40)} ${s.status === 'ok' ? `${(s.ms / 1000).toFixed(1)} s` : escapeMarkdown(s.status, 10)}`)
        .join(' · ');
    const notes = report.notes.length > 0 ? ` · ${report.notes.length} note${report.notes.length === 1 ? '' : 's'} in the JSON report` : '';
    return [`<sub>${escapeMarkdown(report.tool.name, 60)} ${escapeMarkdown(report.tool.version, 30)} · ${steps}${notes}</sub>`];
}
/** The report as GitHub Markdown: verdict and reason first, then gaps (table, per category, suppressed), dependencies, SBOM. */
function renderMarkdown(report, options = {}) {
    return [
        ...verdict(report),
        ...findingsSection(report, options),
        ...categorySections(report, options),
        ...suppressedSection(report, options),
        ...auditSection(report, options),
        ...sbomSection(report, options),
        ...footer(report)
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/render/comment.ts

/** GitHub rejects issue comments longer than this many characters. */
const COMMENT_LIMIT = 65_536;
const MARGIN = 1_000;
/** The comment lists the worst advisories; the job summary and the JSON report list them all. */
const COMMENT_ADVISORIES = 10;
/** The hidden marker that finds our comment again; one per working directory (monorepos). */
function commentMarker(root) {
    // Percent-encoding keeps distinct roots distinct and leaves no `-` to close the HTML comment.
    const safe = root.replace(/[^A-Za-z0-9._/]/g, (ch) => encodeURIComponent(ch).replace(/-/g, '%2D'));
    return `<!-- express-hardening-gate:${safe} -->`;
}
/** Our own link destinations into this repository: a file at a commit, or a workflow run (and its attempt). */
const VOLATILE_LINK = /\]\((https:\/\/[^)\s]*?)\/(?:blob\/[0-9a-f]{40,64}\/|actions\/runs\/\d+(?:\/attempts?\/\d+)?(?=[)/#?]))/g;
/** The footer (`<sub>`), where the steps' durations are. */
const FOOTER = /^<sub>.*<\/sub>$/gm;
const DURATION = /\b\d+(?:\.\d+)? ?(?:ms|s|min)\b/g;
/** The SBOM artifact's name carries the run attempt (or the job's backend id after a name clash). */
const ARTIFACT = / · artifact <code>[^<]*<\/code>/g;
/**
 * The comment as it reads, without what changes on every run though nothing changed: the commit
 * and run our links point at, the steps' durations, the per-attempt SBOM artifact name. Repository
 * text cannot produce these spots: escaped, it holds no `](`, `<sub>` or `<code>`.
 */
function comparableComment(body) {
    return body
        .replace(/\r\n/g, '\n')
        .replace(VOLATILE_LINK, (_m, base) => `](${base}/…/`)
        .replace(FOOTER, (line) => line.replace(DURATION, '… s'))
        .replace(ARTIFACT, ' · artifact');
}
/** Whether a comment already says what `next` would: then a rerun leaves it alone. */
function sameComment(existing, next) {
    return existing === next || comparableComment(existing) === comparableComment(next);
}
/**
 * The sticky comment: marker first, then the report's Markdown. When it would not fit, the
 * per-category details list fewer findings, then go; only then do tables keep fewer rows, and
 * say that the job summary holds everything.
 */
function renderComment(report, options = {}) {
    const marker = commentMarker(report.root);
    const hint = options.fullListHint ?? 'see the job summary or the JSON report for the full list';
    const render = (details, maxRows) => `${marker}\n${renderMarkdown(report, { maxAdvisories: COMMENT_ADVISORIES, ...options, details, maxRows, fullListHint: hint })}\n`;
    const fits = (body) => [...body].length <= COMMENT_LIMIT - MARGIN;
    const levels = options.details === undefined || options.details === 'full' ? ['full', 'brief', 'none'] : [options.details, 'none'];
    for (const details of levels) {
        const body = render(details, options.maxRows);
        if (fits(body))
            return body;
    }
    let maxRows = options.maxRows;
    for (;;) {
        const rows = Math.max(report.findings.length, report.audit.advisories.length, report.expiredSuppressions?.length ?? 0);
        maxRows = maxRows === undefined ? Math.min(rows, 200) : Math.floor(maxRows / 2);
        if (maxRows < 1) {
            return `${marker}\n## ${report.passed ? '✅ Hardening gate passed' : '❌ Hardening gate failed'}\n\nThe details are too long for a comment: see the job summary or the JSON report.\n`;
        }
        const body = render('none', maxRows);
        if (fits(body))
            return body;
    }
}

;// CONCATENATED MODULE: ./src/github/comment.ts


/** The sticky comment's calls through Octokit; its retry plugin retries the list and the update. */
function createIssuesApi(octokit) {
    return {
        listComments: (params) => octokit.paginate.iterator(octokit.rest.issues.listComments, params),
        createComment: (params) => octokit.rest.issues.createComment({ ...params, request: { retries: 0 } }),
        updateComment: (params) => octokit.rest.issues.updateComment(params)
    };
}
const PER_PAGE = 100;
const MAX_PAGES = 50;
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** Our earlier comment: the one whose body starts with the marker (a quote of it does not). */
async function findComment(api, target, marker) {
    let pages = 0;
    const params = { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: PER_PAGE, page: 1 };
    for await (const { data } of api.listComments(params)) {
        const ours = data.find((c) => (c.body ?? '').startsWith(marker));
        if (ours)
            return ours;
        pages += 1;
        if (pages >= MAX_PAGES)
            break;
    }
    return undefined;
}
/**
 * Creates or updates the sticky comment; one that already says the same is left alone. `on-failure`
 * creates one only when the gate failed, but still updates an existing one, so a fixed pull request
 * does not keep a stale failure.
 */
async function upsertComment(api, target, marker, body, mode, passed, createDelays) {
    if (mode === 'never')
        return { action: 'skipped', url: '', detail: 'comment is never' };
    const existing = await findComment(api, target, marker);
    if (existing) {
        // Timings, the head commit of our links and the run alone are no change: no edit, no PATCH.
        if (sameComment(existing.body ?? '', body))
            return { action: 'unchanged', url: existing.html_url };
        const { data } = await api.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
        return { action: 'updated', url: data.html_url };
    }
    if (mode === 'on-failure' && passed)
        return { action: 'skipped', url: '', detail: 'the gate passed and comment is on-failure' };
    return { action: 'created', url: await createOnce(api, target, marker, body, createDelays) };
}
/**
 * A create that failed with a 5xx may have been stored all the same: look again before retrying,
 * so a flaky API never leaves two sticky comments. This is why the create is not left to the retry plugin.
 */
async function createOnce(api, target, marker, body, delays = [1000, 3000]) {
    for (let attempt = 0;; attempt += 1) {
        try {
            const { data } = await api.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
            return data.html_url;
        }
        catch (error) {
            const status = statusOf(error);
            const delay = delays[attempt];
            if (status === undefined || status < 500 || delay === undefined)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, delay));
            const stored = await findComment(api, target, marker);
            if (stored)
                return stored.html_url;
        }
    }
}
/** One line for the log when commenting failed; the gate's verdict never depends on it. */
function explainCommentFailure(error) {
    const status = statusOf(error);
    const message = (0,errors/* describeError */.U)(error);
    if (status === 403 || status === 404) {
        return `could not write the PR comment (HTTP ${status}): the token needs \`pull-requests: write\`. Add it under \`permissions:\` in the workflow; pull requests from forks get a read-only token, so use the two-phase workflow (mode: comment) for them`;
    }
    if (status === 401)
        return 'could not write the PR comment (HTTP 401): github-token is missing or invalid';
    return `could not write the PR comment${status ? ` (HTTP ${status})` : ''}: ${message}`;
}

;// CONCATENATED MODULE: ./src/github/publish.ts





/** The pull request this run is about, or undefined for pushes, schedules and the like. */
function pullRequestContext(context) {
    const pr = context.payload.pull_request;
    if (!pr || typeof pr.number !== 'number')
        return undefined;
    const { owner, repo } = context.repo;
    const sha = String(pr.head?.sha ?? context.sha);
    return { target: { owner, repo, issueNumber: pr.number }, links: { serverUrl: context.serverUrl, owner, repo, sha } };
}
/** The comment as rendered first, then shorter forms, for a GitHub that finds a body too long all the same. */
const SHORTER = [{}, { details: 'none', maxRows: 25 }, { details: 'none', maxRows: 1 }];
/** GitHub's 422 for a body over its limit: `Validation Failed ... body is too long (maximum is 65536 characters)`. */
function isTooLong(error) {
    return error?.status === 422 && /too long/i.test((0,errors/* describeErrorFully */.q)(error));
}
/** Posts or updates the sticky comment; a failure is a warning, never a change of verdict. Returns its URL. */
async function publishComment(report, context, token, mode, sbomArtifact) {
    const pr = pullRequestContext(context);
    if (!pr) {
        core.info('not a pull_request event: no PR comment');
        return '';
    }
    if (mode === 'never')
        return '';
    if (!token) {
        core.warning('github-token is empty, so no PR comment was written: pass github-token: ${{ github.token }} with pull-requests: write');
        return '';
    }
    try {
        const api = createIssuesApi(createOctokit(token));
        let outcome;
        for (const [i, shorter] of SHORTER.entries()) {
            const body = renderComment(report, { links: pr.links, ...(sbomArtifact ? { sbomArtifact } : {}), ...shorter });
            try {
                outcome = await upsertComment(api, pr.target, commentMarker(report.root), body, mode, report.passed);
                break;
            }
            catch (error) {
                // GitHub may count characters differently from us: cut the comment further and try again.
                if (!isTooLong(error) || i === SHORTER.length - 1)
                    throw error;
                core.info(`GitHub found the PR comment too long (${[...body].length} characters); trying a shorter one`);
            }
        }
        if (!outcome)
            return '';
        core.info(`PR comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}${outcome.detail ? ` (${outcome.detail})` : ''}`);
        return outcome.url;
    }
    catch (error) {
        core.warning(explainCommentFailure(error));
        return '';
    }
}

;// CONCATENATED MODULE: ./src/github/annotations.ts








/** GitHub shows about 10 error and 10 warning annotations per step; the rest only in the log. */
const ANNOTATIONS_PER_LEVEL = 10;
/** Annotations are one line; longer messages are cut. */
const MAX_MESSAGE_CHARS = 1000;
/** One line, at most MAX_MESSAGE_CHARS; @actions/core escapes the rest. */
function annotationMessage(message) {
    // Bidi overrides and invisible characters (U+202E, U+200B) show as U+FFFD, as in the comment.
    const line = message
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .replace(/\p{Cf}/gu, '\uFFFD')
        .trim();
    if (line.length <= MAX_MESSAGE_CHARS)
        return line;
    let end = MAX_MESSAGE_CHARS - 1;
    // Never cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]/.test(line.charAt(end - 1)))
        end -= 1;
    return `${line.slice(0, end)}…`;
}
function annotationLevel(finding) {
    return (0,severity/* meetsThreshold */.M0)(finding.severity, 'high') ? 'error' : 'warning';
}
/** Most severe first; equal severities in report order (file, line, rule). */
function annotations_bySeverity(a, b) {
    return (0,severity/* severityRank */.qs)(b.severity) - (0,severity/* severityRank */.qs)(a.severity) || (0,finding/* compareFindings */.E)(a, b);
}
/** The unsuppressed findings on changed lines that fit the per-level limits, most severe first. */
function planAnnotations(report, changed, limits) {
    return planFor(report, (f) => isChanged(changed, joinRepositoryPath(report.root, f.file), f.line), limits);
}
/** The unsuppressed findings the baseline lacks (marked new), wherever they are, that fit the limits. */
function planNewAnnotations(report, limits) {
    return planFor(report, (f) => f.new !== false, limits);
}
function planFor(report, include, limits) {
    const candidates = report.findings.filter((f) => !f.suppressed && include(f)).sort(annotations_bySeverity);
    const left = { ...limits };
    const annotations = [];
    for (const finding of candidates) {
        const level = annotationLevel(finding);
        if (left[level] <= 0)
            continue;
        left[level] -= 1;
        const properties = {
            title: finding.rule,
            file: joinRepositoryPath(report.root, finding.file),
            ...(finding.line === null ? {} : { startLine: finding.line })
        };
        annotations.push({ level, message: annotationMessage(finding.message), properties });
    }
    return { annotations, omitted: candidates.length - annotations.length, changed: candidates.length };
}
/** Where the findings that were not annotated can be read. */
function moreFindingsLine(omitted, reportPath, which = 'on changed lines') {
    const where = reportPath ? `the job summary and the JSON report (${reportPath})` : 'the job summary';
    const findings = omitted === 1 ? `1 more finding ${which} is` : `${omitted} more findings ${which} are`;
    return `${findings} not annotated (GitHub shows about ${ANNOTATIONS_PER_LEVEL} annotations of each level per step): see ${where}`;
}
/** Per-level limits once the step's own annotations have taken their slots. */
function annotationLimits(reserved) {
    return {
        error: Math.max(0, ANNOTATIONS_PER_LEVEL - reserved.error),
        warning: Math.max(0, ANNOTATIONS_PER_LEVEL - reserved.warning)
    };
}
function describeFailure(error) {
    const status = error?.status;
    return `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${(0,errors/* describeError */.U)(error)}`;
}
/** Lists the pull request's files once; an API error becomes `unavailable`, never a throw. */
async function fetchPullFiles(source) {
    if ('unavailable' in source)
        return source;
    try {
        return { files: await listPullFiles(source) };
    }
    catch (error) {
        return { unavailable: `could not list the pull request's files (${describeFailure(error)})` };
    }
}
/**
 * Annotates the findings the baseline lacks when there is one; else those on the pull request's
 * changed lines. Without the changed lines (no token,
 * no pull request, an API error) it annotates nothing and says so in one notice: annotations are
 * a convenience, so they never fail the step or touch the verdict.
 */
async function annotateFindings(report, source, options, out = core) {
    const open = report.findings.filter((f) => !f.suppressed);
    if (open.length === 0)
        return;
    if (report.baseline?.status === 'ok') {
        const plan = planNewAnnotations(report, annotationLimits(options.reserved));
        for (const { level, message, properties } of plan.annotations)
            out[level](message, properties);
        if (plan.omitted > 0)
            out.notice(moreFindingsLine(plan.omitted, options.reportPath, 'not in the baseline'));
        out.info(`annotated ${plan.annotations.length} of ${plan.changed} findings not in the baseline (${open.length} findings in all)`);
        return;
    }
    const readIn = options.reportPath ? 'the job summary and the JSON report' : 'the job summary';
    const listed = 'files' in source ? source : await fetchPullFiles(source);
    if ('unavailable' in listed) {
        out.notice(`no annotations on changed lines: ${listed.unavailable}; every finding is in ${readIn}`);
        return;
    }
    const changed = changedLinesOf(listed.files);
    const plan = planAnnotations(report, changed, annotationLimits(options.reserved));
    for (const { level, message, properties } of plan.annotations)
        out[level](message, properties);
    if (plan.omitted > 0)
        out.notice(moreFindingsLine(plan.omitted, options.reportPath));
    out.info(`annotated ${plan.annotations.length} of ${plan.changed} findings on changed lines (${open.length} findings in all)`);
}
/** The pull request's files through Octokit, or why there are none to read. */
function pullRequestFiles(context, token) {
    const pr = pullRequestContext(context);
    if (!pr)
        return { unavailable: 'not a pull_request event' };
    if (!token)
        return { unavailable: 'github-token is empty, so the changed files could not be listed' };
    const { owner, repo, issueNumber: number } = pr.target;
    return pullFilesSource(createOctokit(token), { owner, repo, number });
}

;// CONCATENATED MODULE: ./src/github/baseline-event.ts
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * `baseline: auto` against the run's event: a pull request compares with its base commit (the
 * payload's `pull_request.base.sha`); any other event has nothing to compare with.
 */
function resolveBaselineInput(input, context) {
    if (input.kind !== 'auto')
        return input;
    if (!PULL_REQUEST_EVENTS.has(context.eventName))
        return { kind: 'none' };
    const pr = context.payload.pull_request;
    const sha = pr?.base?.sha;
    if (typeof sha === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha))
        return { kind: 'base-commit', ref: sha };
    return {
        kind: 'unavailable',
        source: 'base-commit',
        ref: '',
        error: `the ${context.eventName} event names no base commit (pull_request.base.sha)`
    };
}

// EXTERNAL MODULE: ./src/common/lockfiles.ts
var lockfiles = __webpack_require__(98771);
// EXTERNAL MODULE: ./src/common/version.ts
var version = __webpack_require__(69521);
// EXTERNAL MODULE: ./src/discovery/package-manager.ts
var package_manager = __webpack_require__(34844);
// EXTERNAL MODULE: ./src/lockfiles/npm-view.ts + 4 modules
var npm_view = __webpack_require__(47936);
;// CONCATENATED MODULE: ./src/parse/npm-lockfile.ts
/**
 * npm's lockfile (package-lock.json, npm-shrinkwrap.json) read as the tree npm installs: each
 * package under its install path (`node_modules/a/node_modules/b`), found again the way Node
 * resolves a `require` (the nearest `node_modules/<name>` going up the folders). Versions 2 and 3
 * list that tree as `packages`; version 1 nests it in `dependencies`, which is read into the same
 * paths. Nothing is run: the file is data.
 */
const NODE_MODULES = 'node_modules/';
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringMap(value) {
    if (!isObject(value))
        return {};
    return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === 'string'));
}
/** The name an install path installs under: what follows its last `node_modules/`. */
function nameAtPath(path) {
    const at = path.lastIndexOf(NODE_MODULES);
    return at === -1 ? '' : path.slice(at + NODE_MODULES.length);
}
/** Whether the path is inside a node_modules folder (an installed package, not a folder of the project). */
function isInstalled(path) {
    return path.startsWith(NODE_MODULES) || path.includes(`/${NODE_MODULES}`);
}
function entryOf(path, raw) {
    const link = raw.link === true;
    return {
        path,
        name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : nameAtPath(path),
        version: typeof raw.version === 'string' ? raw.version : '',
        dev: raw.dev === true,
        optional: raw.optional === true,
        devOptional: raw.devOptional === true,
        link,
        ...(link && typeof raw.resolved === 'string' ? { target: raw.resolved.replace(/^\.\//, '').replace(/\/+$/, '') } : {}),
        requires: { ...stringMap(raw.peerDependencies), ...stringMap(raw.optionalDependencies), ...stringMap(raw.dependencies) },
        devDependencies: stringMap(raw.devDependencies)
    };
}
/** `npm:bar@1.2.3` (an alias, in a version 1 lockfile) as name and version. */
function splitAlias(version) {
    const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)@(.+)$/.exec(version);
    return alias ? { name: alias[1], version: alias[2] } : undefined;
}
/** Version 1: `dependencies` nested as installed, each with `requires`; read into install paths. */
function readNested(dependencies, parent, into) {
    if (!isObject(dependencies))
        return;
    for (const [name, raw] of Object.entries(dependencies)) {
        if (!isObject(raw))
            continue;
        const path = `${parent === '' ? '' : `${parent}/`}${NODE_MODULES}${name}`;
        const declared = typeof raw.version === 'string' ? raw.version : '';
        const alias = splitAlias(declared);
        // `file:` folders are links; git and tarball URLs name no registry version.
        const link = declared.startsWith('file:');
        const version = alias?.version ?? (/^[^:/#]+$/.test(declared) ? declared : '');
        into.set(path, {
            path,
            name: alias?.name ?? name,
            version: link ? '' : version,
            dev: raw.dev === true,
            optional: raw.optional === true,
            devOptional: false,
            link,
            ...(link ? { target: declared.slice('file:'.length).replace(/^\.\//, '').replace(/\/+$/, '') } : {}),
            requires: stringMap(raw.requires),
            devDependencies: {}
        });
        readNested(raw.dependencies, path, into);
    }
}
/** Reads a lockfile's text; an error says what is wrong with it, in one line. */
function parseNpmLockfile(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    if (!isObject(json))
        return { ok: false, error: 'not a JSON object' };
    const lockfileVersion = typeof json.lockfileVersion === 'number' ? json.lockfileVersion : 1;
    const packages = new Map();
    if (isObject(json.packages)) {
        for (const [path, raw] of Object.entries(json.packages))
            if (isObject(raw))
                packages.set(path, entryOf(path, raw));
    }
    else if (isObject(json.dependencies)) {
        readNested(json.dependencies, '', packages);
    }
    else {
        return { ok: false, error: `lockfileVersion ${lockfileVersion} with neither "packages" nor "dependencies"` };
    }
    return { ok: true, lockfile: { lockfileVersion, packages } };
}
function parentFolder(path) {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '' : path.slice(0, slash);
}
/**
 * The install path that `name` required from the package at `from` resolves to, as Node finds it:
 * `<from>/node_modules/<name>`, then the same in each folder above, up to the project's. A link is
 * returned as the link; undefined when nothing is installed under that name (a missing optional).
 */
function resolveFrom(lockfile, from, name) {
    for (let folder = from;; folder = parentFolder(folder)) {
        const candidate = `${folder === '' ? '' : `${folder}/`}${NODE_MODULES}${name}`;
        if (lockfile.packages.has(candidate))
            return candidate;
        if (folder === '')
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/github/dependency-snapshot.ts










/** Events whose GITHUB_SHA is a merge commit GitHub made, not a commit of the branch: the snapshot belongs to the pull request's head. */
const dependency_snapshot_PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);
/** `pkg:npm/%40scope/name@1.2.3`: the scope's `@` and anything else outside purl's safe set percent-encoded. */
function npmPackageUrl(name, version) {
    const encode = (part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const path = slash === -1 ? encode(name) : `${encode(name.slice(0, slash))}/${encode(name.slice(slash + 1))}`;
    return `pkg:npm/${path}@${encode(version)}`;
}
/** Names a package (or the project, or a workspace folder) declares, in every dependency list. */
function declaredNames(declared) {
    const lists = 'path' in declared
        ? [declared.requires, declared.devDependencies]
        : [declared.dependencies, declared.devDependencies, declared.optionalDependencies, declared.peerDependencies];
    return [...new Set(lists.flatMap((list) => Object.keys(list ?? {})))];
}
/** An installed registry package: inside node_modules, not a link, with a name and a version. */
function isRegistryPackage(entry) {
    return isInstalled(entry.path) && !entry.link && entry.name !== '' && entry.version !== '';
}
/**
 * The project's folders that declare what they need: the root, and the workspace folders a
 * lockfile lists (their dependencies are the project's own too, so they count as direct).
 */
function projectFolders(lockfile, root) {
    const folders = [{ path: '', names: declaredNames(root) }];
    for (const entry of lockfile.packages.values()) {
        if (entry.path !== '' && !isInstalled(entry.path))
            folders.push({ path: entry.path, names: declaredNames(entry) });
    }
    return folders;
}
/**
 * The manifest of one lockfile: every installed registry package under its package URL, direct when
 * the project (or one of its workspace folders) declares it, development when the lockfile marks it
 * `dev` (only reachable through devDependencies), with the packages it requires as Node resolves
 * them from its install path. Copies of one name and version at several paths are one entry, with
 * the union of their dependencies. Links (workspace folders, `file:` folders) are the project's
 * own code, not packages: they are left out, and what they declare is read from their folders.
 */
function buildManifest(lockfile, root, sourceLocation) {
    const purlOf = new Map();
    for (const entry of lockfile.packages.values())
        if (isRegistryPackage(entry))
            purlOf.set(entry.path, npmPackageUrl(entry.name, entry.version));
    const direct = new Set();
    for (const folder of projectFolders(lockfile, root)) {
        for (const name of folder.names) {
            const found = resolveFrom(lockfile, folder.path, name);
            if (found !== undefined && purlOf.has(found))
                direct.add(found);
        }
    }
    const resolved = new Map();
    for (const entry of lockfile.packages.values()) {
        const purl = purlOf.get(entry.path);
        if (purl === undefined)
            continue;
        const relationship = direct.has(entry.path) ? 'direct' : 'indirect';
        const scope = entry.dev ? 'development' : 'runtime';
        const merged = resolved.get(purl) ?? { relationship, scope, dependencies: new Set() };
        if (relationship === 'direct')
            merged.relationship = 'direct';
        if (scope === 'runtime')
            merged.scope = 'runtime';
        for (const name of Object.keys(entry.requires)) {
            const found = resolveFrom(lockfile, entry.path, name);
            const dependency = found === undefined ? undefined : purlOf.get(found);
            if (dependency !== undefined && dependency !== purl)
                merged.dependencies.add(dependency);
        }
        resolved.set(purl, merged);
    }
    const sorted = [...resolved.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
        name: sourceLocation,
        file: { source_location: sourceLocation },
        resolved: Object.fromEntries(sorted.map(([purl, r]) => [
            purl,
            { package_url: purl, relationship: r.relationship, scope: r.scope, dependencies: [...r.dependencies].sort() }
        ]))
    };
}
/** The commit the snapshot describes: a pull request's head (GITHUB_SHA is then a merge commit), else the event's commit. */
function snapshotSha(context) {
    if (dependency_snapshot_PULL_REQUEST_EVENTS.has(context.eventName)) {
        const head = context.payload.pull_request?.head?.sha;
        if (typeof head === 'string' && head !== '')
            return head;
    }
    return context.sha;
}
/**
 * What keeps this submission apart from every other: the workflow, the job and the working
 * directory, so the services of a monorepo (matrix legs or steps) do not replace each other's
 * snapshot, while a later run of the same gate replaces its own.
 */
function snapshotCorrelator(context, root) {
    return `${version/* TOOL_NAME */.lH} ${context.workflow} ${context.job} ${root === '' ? '.' : root}`;
}
function buildSnapshot(manifest, context, root, now) {
    const { owner, repo } = context.repo;
    return {
        version: 0,
        sha: snapshotSha(context),
        ref: context.ref,
        job: {
            correlator: snapshotCorrelator(context, root),
            id: String(context.runId),
            html_url: `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
        },
        detector: { name: version/* TOOL_NAME */.lH, version: version/* TOOL_VERSION */.wr, url: version/* REPOSITORY_URL */.ld },
        scanned: now.toISOString(),
        manifests: { [manifest.name]: manifest }
    };
}
/**
 * The tree to submit: npm's lockfile (npm-shrinkwrap.json wins over package-lock.json, as in npm),
 * else the npm lockfile equivalent to the project's pnpm-lock.yaml or yarn.lock, named after it.
 */
function readProjectLockfile(workingDirectory) {
    const npmLockfile = [...lockfiles/* NPM_LOCKFILES */.DK].reverse().find((name) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(workingDirectory, name)));
    if (npmLockfile !== undefined)
        return { name: npmLockfile, parsed: parseNpmLockfile((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workingDirectory, npmLockfile), 'utf8')) };
    const manager = (0,package_manager/* lockedManager */.KR)(workingDirectory);
    if (!(0,lockfiles/* needsNpmView */.Cv)(manager))
        return undefined;
    const converted = (0,npm_view.npmLockfileOf)(workingDirectory, manager);
    return {
        name: converted.source,
        parsed: converted.ok ? parseNpmLockfile(JSON.stringify(converted.lockfile)) : { ok: false, error: converted.error }
    };
}
function readDeclared(workingDirectory, lockfile) {
    try {
        const json = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workingDirectory, 'package.json'), 'utf8'));
        if (typeof json === 'object' && json !== null)
            return json;
    }
    catch {
        // No readable package.json: the lockfile's copy of the root's lists (versions 2 and 3) serves.
    }
    const rootEntry = lockfile.packages.get('');
    return rootEntry ? { dependencies: rootEntry.requires, devDependencies: rootEntry.devDependencies } : {};
}
/** Why GitHub says no, by its status: the permission the token lacks, or a dependency graph turned off. */
const REFUSALS = {
    403: 'the token needs `contents: write` (`permissions: contents: write` in the workflow)',
    404: "the repository's dependency graph is off (Settings, Code security) or the token may not write to it: it needs `contents: write`"
};
/**
 * Builds the snapshot and posts it. Every failure is one warning and nothing more: the gate's
 * verdict, reports and comment never depend on GitHub's dependency graph.
 */
async function submitDependencySnapshot(submission, client) {
    const out = submission.out ?? core;
    const skip = (why) => out.warning(`No dependency snapshot was submitted: ${why}. The gate's verdict is unaffected.`);
    if (!submission.token)
        return skip('github-token is empty; pass a token with `contents: write`');
    const read = readProjectLockfile(submission.workingDirectory);
    if (read === undefined) {
        return skip(`${submission.root === '.' ? 'the working directory' : submission.root} has no lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml or yarn.lock) to read the tree from`);
    }
    const sourceLocation = (0,config_paths/* toPosixRelative */.T0)(submission.workspace, (0,external_node_path_.join)(submission.workingDirectory, read.name));
    const parsed = read.parsed;
    if (!parsed.ok)
        return skip(`${sourceLocation} could not be read: ${parsed.error}`);
    const manifest = buildManifest(parsed.lockfile, readDeclared(submission.workingDirectory, parsed.lockfile), sourceLocation);
    try {
        // `repo` is a getter that throws without GITHUB_REPOSITORY: read inside the try.
        const { owner, repo } = submission.context.repo;
        const snapshot = buildSnapshot(manifest, submission.context, submission.root, submission.now ?? new Date());
        const octokit = client(submission.token);
        const response = await octokit.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', { owner, repo, ...snapshot });
        const data = response.data;
        const count = Object.keys(manifest.resolved).length;
        if (data.result === 'SUCCESS' || data.result === 'ACCEPTED' || data.result === undefined) {
            out.info(`Dependency snapshot of ${sourceLocation} submitted (${count} packages, correlator "${snapshot.job.correlator}", result ${String(data.result ?? 'unknown')})`);
            return;
        }
        skip(`GitHub answered ${String(data.result)}${typeof data.message === 'string' ? `: ${data.message}` : ''}`);
    }
    catch (error) {
        const status = error?.status;
        const refusal = typeof status === 'number' ? REFUSALS[status] : undefined;
        if (refusal !== undefined)
            return skip(`GitHub answered HTTP ${String(status)} (${(0,errors/* describeError */.U)(error)}); ${refusal}`);
        skip((0,errors/* describeError */.U)(error));
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/github/artifact.ts
/**
 * What the runner gives a JavaScript action for artifact uploads, checked before @actions/artifact
 * is loaded, so a step without it warns in one line and never pays for loading the client.
 */
/** Why the runtime is unusable. */
class ArtifactError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactError';
    }
}
/** Payload claims of a JWT, decoded without verifying it: the runner gave it to us, the service checks it. */
function jwtClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        throw new ArtifactError('ACTIONS_RUNTIME_TOKEN is not a JWT');
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof claims === 'object' && claims !== null)
            return claims;
    }
    catch {
        // reported below
    }
    throw new ArtifactError('ACTIONS_RUNTIME_TOKEN has no readable claims');
}
/** The run's and the job's backend ids, from the `Actions.Results:<run>:<job>` scope of the token's `scp` claim. */
function backendIdsFromToken(token) {
    const { scp } = jwtClaims(token);
    const scopes = typeof scp === 'string' ? scp.split(' ') : [];
    const results = scopes.map((scope) => scope.split(':')).find((parts) => parts[0] === 'Actions.Results');
    const [, run, job] = results ?? [];
    if (results?.length !== 3 || !run || !job) {
        throw new ArtifactError('ACTIONS_RUNTIME_TOKEN has no Actions.Results:<run>:<job> scope');
    }
    return { workflowRunBackendId: run, workflowJobRunBackendId: job };
}
/** The artifact runtime of this step, or why there is none. */
function readArtifactRuntime(env) {
    const token = env.ACTIONS_RUNTIME_TOKEN;
    const results = env.ACTIONS_RESULTS_URL;
    if (!token || !results) {
        const missing = [!token && 'ACTIONS_RUNTIME_TOKEN', !results && 'ACTIONS_RESULTS_URL'].filter(Boolean).join(' and ');
        return {
            unavailable: `${missing} not set; GitHub-hosted and self-hosted runners set them for actions in a workflow job, so upload-sbom works only there`
        };
    }
    if (!URL.canParse(results))
        return { unavailable: 'ACTIONS_RESULTS_URL is not a URL' };
    if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
        return { unavailable: 'artifact uploads of this kind (v4) are not available on GitHub Enterprise Server' };
    }
    try {
        return { token, resultsUrl: new URL(results).origin, ids: backendIdsFromToken(token) };
    }
    catch (error) {
        return { unavailable: error.message };
    }
}
/** As @actions/artifact decides it: github.com, GHE.com data residency and local test hosts are not GHES. */
function isEnterpriseServer(serverUrl) {
    if (!serverUrl || !URL.canParse(serverUrl))
        return false;
    const host = new URL(serverUrl).hostname.toLowerCase();
    return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}

;// CONCATENATED MODULE: ./src/github/sbom-artifact.ts






/** Artifact names longer than this are cut (keeping them unique); GitHub shows them in one line. */
const MAX_ARTIFACT_NAME = 100;
/** @actions/artifact (with the Azure storage SDK) is loaded on first use: a run without upload-sbom never pays for it. */
async function loadArtifactClient() {
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 91252));
    return new DefaultArtifactClient();
}
const DEFAULT_DEPS = { out: core, loadUploader: loadArtifactClient };
/** Lower case, `[a-z0-9._-]` only (which no artifact name forbids), runs of anything else as one `-`. */
function slugify(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
}
/** `base` plus `suffix`, cut to MAX_ARTIFACT_NAME; a cut base gets a short hash so cut names stay distinct. */
function fitName(base, suffix) {
    if (base.length + suffix.length <= MAX_ARTIFACT_NAME)
        return base + suffix;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(base).digest('hex').slice(0, 8);
    return `${base.slice(0, MAX_ARTIFACT_NAME - suffix.length - hash.length - 1).replace(/[-.]+$/, '')}-${hash}${suffix}`;
}
/**
 * The artifact name, unique per job and matrix leg of a run: `sbom-<job>`, then the working
 * directory when it is not the root (matrix legs over services), then `-attempt<n>` on a rerun,
 * because a rerun keeps the run and its earlier artifacts.
 */
function sbomArtifactName(job, root, attempt) {
    const directory = root === '.' || root === '' ? '' : slugify(root);
    const base = ['sbom', slugify(job ?? '') || 'job', directory].filter(Boolean).join('-');
    const run = Number(attempt);
    return fitName(base, Number.isInteger(run) && run > 1 ? `-attempt${run}` : '');
}
/**
 * The name for a second try when the first exists in this run already: another matrix leg (over
 * something other than the working directory) or another step of this job took it. The job's
 * backend id from the runtime token tells this leg apart from every other.
 */
function fallbackArtifactName(name, runtime) {
    return fitName(name, `-${slugify(runtime.ids.workflowJobRunBackendId).slice(0, 8)}`);
}
/**
 * @actions/artifact reports a failed Twirp call as `Failed to <Method>: ... Failed request: (<status>) <reason>: <msg>`;
 * this reads it back as `<Method> answered HTTP <status>: <msg>`. Other errors keep their message.
 */
function describeUploadError(error) {
    const message = (0,errors/* describeErrorFully */.q)(error);
    const failed = /^Failed to (\w+): .*?Failed request: \((\d{3})\)[^:]*(?::\s*([\s\S]*))?$/.exec(message);
    if (!failed)
        return { message, conflict: false };
    const [, method, status, msg] = failed;
    // CreateArtifact's 409 (Twirp already_exists): an artifact of that name is in the run already.
    return { message: `${method} answered HTTP ${status}${msg ? `: ${msg.slice(0, 300)}` : ''}`, conflict: status === '409' };
}
async function uploadUnderFreeName(uploader, runtime, name, sbomFile) {
    // One file, zipped under its own name (the root is its directory), as the hand-made zip had it.
    const upload = (artifact) => uploader.uploadArtifact(artifact, [sbomFile], (0,external_node_path_.dirname)(sbomFile));
    try {
        return { name, uploaded: await upload(name) };
    }
    catch (error) {
        const failure = describeUploadError(error);
        if (!failure.conflict)
            throw new ArtifactError(failure.message);
    }
    const fallback = fallbackArtifactName(name, runtime);
    try {
        return { name: fallback, uploaded: await upload(fallback) };
    }
    catch (error) {
        const failure = describeUploadError(error);
        if (failure.conflict) {
            throw new ArtifactError(`artifacts named ${name} and ${fallback} already exist in this run; give each gate step its own working-directory, or upload the sbom-path output with actions/upload-artifact under a name of your choice`);
        }
        throw new ArtifactError(failure.message);
    }
}
/**
 * `upload-sbom: true`: the SBOM, zipped, as a workflow artifact. Every failure (no artifact runtime,
 * a service still failing after the retries, a name taken twice) is one warning line and nothing
 * more: the step is the required status check, and an artifact storage outage says nothing about the
 * code under review. The verdict, outputs and reports are written before this runs and never depend
 * on it; the SBOM stays on disk for an actions/upload-artifact step.
 */
async function uploadSbomArtifact(report, sbomFile, deps = DEFAULT_DEPS) {
    const { out } = deps;
    // @actions/artifact reads the runtime from process.env; so does the check before it.
    const env = process.env;
    if (report.sbom.status !== 'ok') {
        const why = report.sbom.status === 'skipped' ? 'sbom is false' : 'the SBOM was not generated';
        out.info(`upload-sbom: nothing uploaded, ${why}`);
        return { warnings: 0 };
    }
    const warn = (reason) => {
        out.warning(`The SBOM was not uploaded as an artifact: ${reason.replace(/\s+/g, ' ')}. The gate's verdict and reports are unaffected; the SBOM is at the sbom-path output (actions/upload-artifact can upload it).`);
        return { warnings: 1 };
    };
    const runtime = readArtifactRuntime(env);
    if ('unavailable' in runtime)
        return warn(runtime.unavailable);
    try {
        // A missing SBOM is named before the client is loaded or any artifact is created.
        (0,external_node_fs_.accessSync)(sbomFile, external_node_fs_.constants.R_OK);
        const uploader = await deps.loadUploader();
        const wanted = sbomArtifactName(env.GITHUB_JOB, report.root, env.GITHUB_RUN_ATTEMPT);
        const { name, uploaded } = await uploadUnderFreeName(uploader, runtime, wanted, sbomFile);
        if (name !== wanted)
            out.info(`An artifact named ${wanted} already exists in this run, so this SBOM is ${name}`);
        out.info(`SBOM uploaded as artifact ${name} (id ${uploaded.id || 'unknown'}, ${((uploaded.size ?? 0) / 1024).toFixed(1)} KiB)`);
        return { artifact: name, warnings: 0 };
    }
    catch (error) {
        return warn((0,errors/* describeErrorFully */.q)(error));
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/baseline/compare.ts
var compare = __webpack_require__(66228);
;// CONCATENATED MODULE: ./src/baseline/load.ts


/**
 * The baseline the options ask for, or why it cannot be had. Never throws: a baseline that fails
 * is status error (one warning, every finding counts), never a failed run nor a passed gate.
 */
async function loadBaseline(choice, base) {
    if (!choice || choice.kind === 'none')
        return compare/* NO_BASELINE */.gN;
    if (choice.kind === 'unavailable')
        return { status: 'error', source: choice.source, ref: choice.ref, error: choice.error };
    // Loaded only for a baseline file: its schema is zod's, which a run without one never loads.
    if (choice.kind === 'file')
        return (await __webpack_require__.e(/* import() */ 385).then(__webpack_require__.bind(__webpack_require__, 50385))).loadBaselineFile(choice.path, choice.ref);
    try {
        // Loaded only for a base commit: it reads the tree by the scan's document kinds, whose parsers a plain run never loads here.
        return await (await Promise.all(/* import() */[__webpack_require__.e(471), __webpack_require__.e(906), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 86758))).loadBaseCommit({ ...base, ref: choice.ref });
    }
    catch (error) {
        return { status: 'error', source: 'base-commit', ref: choice.ref, error: (0,errors/* describeError */.U)(error) };
    }
}

// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(63797);
// EXTERNAL MODULE: ./src/tools/audit-report.ts
var audit_report = __webpack_require__(44223);
;// CONCATENATED MODULE: ./src/findings/allowlist.ts


/**
 * Marks advisories the config accepts as allowed: they stay in the report, marked, and stop
 * counting against the threshold. Expired entries stop applying and say so.
 */
function applyAllowlist(result, allow, today, source = 'config') {
    const notes = [];
    const active = new Map();
    for (const entry of allow) {
        if ((0,config_file/* isExpired */._d)(entry.expires, today)) {
            notes.push({
                file: source,
                message: `audit allowlist entry ${entry.ghsa} expired on ${entry.expires} and no longer applies: upgrade the package or renew the entry`
            });
        }
        else {
            active.set(entry.ghsa, entry);
        }
    }
    if (result.status !== 'ok' || active.size === 0)
        return { result, notes };
    const advisories = result.advisories.map((a) => {
        const entry = active.get(a.id.toUpperCase());
        return entry ? { ...a, allowed: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}) } } : a;
    });
    return { result: (0,audit_report/* withCounts */.nD)({ ...result, advisories }), notes };
}

;// CONCATENATED MODULE: ./src/findings/gate.ts

function gate_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** Why the baseline could not be had, and what to do: one warning, after which every finding counts. */
function baselineWarning(baseline) {
    const why = baseline.error ?? 'unknown error';
    if (baseline.source === 'file') {
        return `baseline file ${baseline.ref} could not be used (${why}), so every finding counts: fix the baseline path (relative to working-directory), write the file with \`express-hardening-gate --write-baseline ${baseline.ref}\`, or set baseline: none`;
    }
    return `the base commit ${baseline.ref.slice(0, 12) || '(unknown)'} could not be scanned (${why}), so every finding counts: check out with actions/checkout's fetch-depth: 0 (or give the job contents: read so the gate can fetch the base commit), or set baseline: none`;
}
/**
 * The pass/fail decision: pure, so every rule of it is tested without running anything. With a
 * baseline only what it lacks fails the gate; anything not marked pre-existing (`new: false`) counts,
 * so a comparison that did not happen can never pass what it did not see.
 */
function decideGate(input) {
    const reasons = [];
    const warnings = [];
    const compared = input.baseline?.status === 'ok';
    const counts = (item) => !compared || item.new !== false;
    const kind = compared ? 'new ' : '';
    if (input.baseline?.status === 'error')
        warnings.push(baselineWarning(input.baseline));
    const failing = input.findings.filter((f) => !f.suppressed && (0,severity/* meetsThreshold */.M0)(f.severity, input.failOn) && counts(f));
    if (failing.length > 0)
        reasons.push(`${gate_plural(failing.length, `${kind}hardening finding`)} at or above ${input.failOn}`);
    if (input.audit.status === 'ok') {
        const ids = new Set(input.audit.advisories.filter((a) => !a.allowed && (0,severity/* meetsThreshold */.M0)(a.severity, input.auditLevel) && counts(a)).map((a) => a.id));
        if (ids.size > 0)
            reasons.push(`${ids.size} ${kind}dependency ${ids.size === 1 ? 'advisory' : 'advisories'} at or above ${input.auditLevel}`);
    }
    else if (input.audit.status === 'error') {
        const message = `npm audit could not produce a report: ${input.audit.error ?? 'unknown error'}`;
        if (input.auditLevel === 'none')
            warnings.push(`${message} (audit-level: none, so the gate does not fail on it)`);
        else if (input.onAuditError === 'fail')
            reasons.push(message);
        else
            warnings.push(`${message} (on-audit-error: warn, so the gate does not fail on it)`);
    }
    for (const step of input.steps) {
        if (step.status === 'error' && step.name !== 'npm audit')
            reasons.push(`${step.name} failed: ${step.detail ?? 'unknown error'}`);
    }
    return { passed: reasons.length === 0, reasons, warnings };
}

// EXTERNAL MODULE: ./src/findings/policy.ts + 1 modules
var policy = __webpack_require__(10663);
// EXTERNAL MODULE: ./src/scan/result.ts
var result = __webpack_require__(51208);
// EXTERNAL MODULE: ./src/scan/worker.ts
var worker = __webpack_require__(40847);
// EXTERNAL MODULE: ./src/tools/npm-audit.ts
var npm_audit = __webpack_require__(50280);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/common/regular-file.ts
var regular_file = __webpack_require__(44368);
// EXTERNAL MODULE: ./src/tools/exec.ts + 1 modules
var tools_exec = __webpack_require__(34635);
;// CONCATENATED MODULE: ./src/tools/npm-ci.ts

/** npm's own audit and funding output are off: the gate audits separately, with its own threshold. */
function npmCiArgs(ignoreScripts) {
    return ['ci', ...(ignoreScripts ? ['--ignore-scripts'] : []), '--no-audit', '--no-fund', '--no-progress'];
}
/** One line that names the fix, from what `npm ci` printed. */
function explainNpmCiFailure(code, stderr) {
    if (/can only install packages when your package\.json and package-lock\.json|are in sync/i.test(stderr)) {
        // npm lists a changed version as "Invalid" first, then as "Missing" the old version that is in fact there.
        const invalid = stderr.match(/Invalid: lock file's (\S+) does not satisfy (\S+)/);
        const missing = stderr.match(/Missing: (\S+) from lock file/)?.[1];
        const what = invalid
            ? ` (package.json asks for ${invalid[2]}, the lockfile has ${invalid[1]})`
            : missing
                ? ` (${missing} is missing from the lockfile)`
                : '';
        return `package-lock.json is out of sync with package.json${what}: run \`npm install\` and commit the updated package-lock.json`;
    }
    if (/can only install with an existing package-lock\.json/i.test(stderr)) {
        return 'no package-lock.json or npm-shrinkwrap.json: run `npm install` and commit package-lock.json';
    }
    if (/EBADENGINE|EBADPLATFORM|notsup/i.test(stderr)) {
        return `npm ci rejected the platform or engine: ${(0,tools_exec/* lastLine */.fM)(stderr)}`;
    }
    return `npm ci failed (exit ${code ?? 'killed'}): ${(0,tools_exec/* lastLine */.fM)(stderr) || 'no output'}`;
}
async function runNpmCi(exec, options) {
    const result = await exec('npm', npmCiArgs(options.ignoreScripts), {
        cwd: options.cwd,
        env: (0,tools_exec/* npmEnv */.Vm)(options.env),
        timeoutMs: options.timeoutMs
    });
    const base = { name: 'npm ci', ms: result.ms };
    if (result.spawnError)
        return { ...base, status: 'error', detail: `npm could not be started: ${result.spawnError}; is Node.js set up on this runner?` };
    if (result.timedOut) {
        const scripts = options.ignoreScripts ? '' : ', and that no install script hangs or waits for input (ignore-scripts: true skips them)';
        return {
            ...base,
            status: 'error',
            detail: `npm ci did not finish within ${(0,tools_exec/* formatDuration */.a3)(options.timeoutMs)} and was stopped: check that the registry is reachable from the runner${scripts}`
        };
    }
    if (result.code !== 0)
        return { ...base, status: 'error', detail: explainNpmCiFailure(result.code, result.stderr) };
    return { ...base, status: 'ok' };
}

;// CONCATENATED MODULE: ./src/tools/install.ts
// The install step for every package manager: `npm ci` (./npm-ci.ts) for npm, and the frozen
// install of pnpm or yarn, which installs exactly the lockfile and fails when it is out of date.
// The manager is the one on PATH (a workflow sets it up with pnpm/action-setup or corepack); the
// gate never falls back to `npm install`, which would ignore the project's lockfile.





/** The step's name in the report: the command it runs. */
function installStepName(manager) {
    if (manager?.name === 'pnpm')
        return 'pnpm install';
    if (manager?.name === 'yarn')
        return 'yarn install';
    return 'npm ci';
}
/** The frozen install's arguments: scripts off unless ignore-scripts is false. */
function installArgs(manager, ignoreScripts) {
    if (manager.name === 'pnpm') {
        // A .pnpmfile.cjs is code of the repository that pnpm loads to rewrite manifests: off with the scripts.
        return ['install', '--frozen-lockfile', ...(ignoreScripts ? ['--ignore-scripts', '--ignore-pnpmfile'] : []), '--reporter=append-only'];
    }
    if (manager.name === 'yarn' && manager.yarnFlavor === 'berry') {
        return ['install', '--immutable', ...(ignoreScripts ? ['--mode=skip-build'] : [])];
    }
    if (manager.name === 'yarn')
        return ['install', '--frozen-lockfile', '--non-interactive', ...(ignoreScripts ? ['--ignore-scripts'] : [])];
    return npmCiArgs(ignoreScripts);
}
/** The workflow step that puts the manager on PATH. */
function setupStep(manager) {
    if (manager.name === 'pnpm')
        return 'add `pnpm/action-setup` (or `corepack enable`) before this step';
    if (manager.yarnFlavor === 'berry')
        return 'add `corepack enable` before this step, so that the Yarn of `packageManager` runs';
    return 'add `corepack enable` (or `npm install --global yarn@1`) before this step';
}
/**
 * Yarn 2+ plugins listed in .yarnrc.yml are files of the repository that Yarn loads and runs on
 * every command: with scripts off they are a way around it, so the install does not run.
 */
function yarnPlugins(cwd) {
    const text = (0,regular_file/* readRegularFile */.X)((0,external_node_path_.join)(cwd, '.yarnrc.yml'));
    if (text === undefined)
        return [];
    try {
        const config = (0,dist/* parse */.qg)(text);
        const plugins = Array.isArray(config?.plugins) ? config.plugins : [];
        return plugins.map((p) => (typeof p === 'string' ? p : typeof p?.path === 'string' ? p.path : '?'));
    }
    catch {
        return [];
    }
}
/**
 * The environment of pnpm and yarn: npm's (./exec.ts, whose pinned settings pnpm reads too), a
 * `yarnPath`/`yarn-path` of the repository ignored (it would run a Yarn release committed to the
 * pull request), no telemetry, and build scripts off for Yarn 2+ as well.
 */
function installEnv(manager, ignoreScripts, base) {
    const env = (0,tools_exec/* npmEnv */.Vm)(base);
    if (manager.name !== 'yarn')
        return env;
    return {
        ...env,
        YARN_IGNORE_PATH: '1',
        YARN_ENABLE_TELEMETRY: '0',
        YARN_ENABLE_PROGRESS_BARS: '0',
        ...(ignoreScripts ? { YARN_ENABLE_SCRIPTS: '0' } : {})
    };
}
/** One line that names the fix, from what pnpm or yarn printed. */
function explainInstallFailure(manager, code, output) {
    const lockfile = manager.name === 'pnpm' ? 'pnpm-lock.yaml' : 'yarn.lock';
    const outdated = /ERR_PNPM_OUTDATED_LOCKFILE|ERR_PNPM_LOCKFILE_CONFIG_MISMATCH|lockfile needs to be updated|would have been modified by this install|YN0028/i;
    if (outdated.test(output)) {
        return `${lockfile} is out of date with package.json: run \`${manager.name} install\` and commit the updated ${lockfile}`;
    }
    const line = (0,tools_exec/* lastLine */.fM)(output.replace(/\n+$/, '')) || 'no output';
    return `${installStepName(manager)} failed (exit ${code ?? 'killed'}): ${line}`;
}
const VERSION_TIMEOUT_MS = 60_000;
/**
 * Why the yarn on PATH cannot install this lockfile, or undefined when it can. Yarn 1 given a Yarn
 * 2+ lockfile ignores `--immutable` and `--mode=skip-build`: it rewrites yarn.lock and runs the
 * build scripts. So the major version is asked first (with corepack it is `packageManager`'s).
 */
async function yarnMismatch(exec, manager, cwd, env) {
    const run = await exec('yarn', ['--version'], { cwd, env, timeoutMs: VERSION_TIMEOUT_MS });
    if (run.spawnError)
        return `yarn is not on PATH: ${setupStep(manager)}`;
    const version = run.stdout.trim();
    const major = Number.parseInt(version, 10);
    if (run.code !== 0 || !Number.isInteger(major))
        return `\`yarn --version\` failed (exit ${run.code ?? 'killed'}): ${(0,tools_exec/* lastLine */.fM)(run.stderr) || 'no output'}`;
    const onPath = major >= 2 ? 'berry' : 'classic';
    if (manager.yarnFlavor === undefined || onPath === manager.yarnFlavor)
        return undefined;
    const wanted = manager.yarnFlavor === 'berry' ? 'Yarn 2 or later' : 'Yarn 1';
    return `the yarn on PATH is ${version}, but yarn.lock was written by ${wanted}: ${setupStep(manager)}`;
}
async function runInstall(exec, options) {
    const { manager } = options;
    if (manager.name === 'npm')
        return runNpmCi(exec, options);
    const name = installStepName(manager);
    if (manager.yarnFlavor === 'berry' && options.ignoreScripts) {
        const plugins = yarnPlugins(options.cwd);
        if (plugins.length > 0) {
            return {
                name,
                status: 'error',
                ms: 0,
                detail: `not run: .yarnrc.yml loads Yarn plugins from the repository (${plugins.join(', ')}), which would run the pull request's code; with ignore-scripts: false the gate runs them`
            };
        }
    }
    const env = installEnv(manager, options.ignoreScripts, options.env);
    if (manager.name === 'yarn') {
        const mismatch = await yarnMismatch(exec, manager, options.cwd, env);
        if (mismatch !== undefined)
            return { name, status: 'error', ms: 0, detail: mismatch };
    }
    const args = installArgs(manager, options.ignoreScripts);
    const execOptions = { cwd: options.cwd, env, timeoutMs: options.timeoutMs };
    // The program is one of two names, never one read from the repository.
    const result = manager.name === 'pnpm' ? await exec('pnpm', args, execOptions) : await exec('yarn', args, execOptions);
    const base = { name, ms: result.ms };
    if (result.spawnError)
        return { ...base, status: 'error', detail: `${manager.name} is not on PATH: ${setupStep(manager)}` };
    if (result.timedOut) {
        return {
            ...base,
            status: 'error',
            detail: `${name} did not finish within ${(0,tools_exec/* formatDuration */.a3)(options.timeoutMs)} and was stopped: check that the registry is reachable from the runner`
        };
    }
    if (result.code !== 0)
        return { ...base, status: 'error', detail: explainInstallFailure(manager, result.code, `${result.stdout}\n${result.stderr}`) };
    return { ...base, status: 'ok' };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/tools/sbom.ts





const SPEC_VERSION = '1.6';
const CLI = (0,external_node_path_.join)('cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.cjs');
/**
 * cyclonedx-npm ships inside dist/ (see scripts/bundle.mjs): beside the bundle when running from
 * dist/, or in the repository's dist/ when running from source in tests.
 */
function findCyclonedxCli(from = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = (0,external_node_path_.dirname)(dir)) {
        for (const candidate of [(0,external_node_path_.join)(dir, CLI), (0,external_node_path_.join)(dir, 'dist', CLI)]) {
            if ((0,external_node_fs_.existsSync)(candidate))
                return candidate;
        }
        if ((0,external_node_path_.dirname)(dir) === dir)
            throw new Error('the bundled cyclonedx-npm is missing from dist/; run npm run bundle');
    }
}
function sbomArgs(options) {
    return [
        '--output-reproducible',
        '--validate',
        '--output-format',
        'JSON',
        '--spec-version',
        SPEC_VERSION,
        '--output-file',
        options.outputFile,
        ...(options.omitDev ? ['--omit', 'dev'] : []),
        ...(options.packageLockOnly ? ['--package-lock-only'] : []),
        '--',
        (0,external_node_path_.join)(options.cwd, 'package.json')
    ];
}
function countComponents(list) {
    return (list ?? []).reduce((n, c) => n + 1 + countComponents(c.components), 0);
}
/** Reads the written SBOM back: the report states what is in the file, not what we asked for. */
function readSbomSummary(file) {
    const bom = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    if (bom.bomFormat !== 'CycloneDX')
        throw new Error(`${file} is not a CycloneDX document`);
    return { specVersion: String(bom.specVersion ?? ''), components: countComponents(bom.components) };
}
/** cyclonedx-npm logs `ERROR | <reason>` before its final exception line; the reason is what helps. */
function explainSbomFailure(stderr) {
    const logged = stderr.match(/^ERROR \| (.+)$/m)?.[1]?.trim();
    if (logged && /lock ?file|shrinkwrap/i.test(logged))
        return `${logged}: commit package-lock.json (see lockfile-missing)`;
    return logged || (0,tools_exec/* lastLine */.fM)(stderr) || 'no output';
}
async function runSbom(exec, options) {
    let cli;
    try {
        cli = findCyclonedxCli();
    }
    catch (error) {
        const message = (0,errors/* describeErrorFully */.q)(error);
        return { step: { name: 'sbom', status: 'error', ms: 0, detail: message }, result: { status: 'error', error: message } };
    }
    const run = await exec(process.execPath, [cli, ...sbomArgs(options)], {
        cwd: options.cwd,
        env: (0,tools_exec/* npmEnv */.Vm)(options.env),
        timeoutMs: options.timeoutMs
    });
    let result;
    if (run.timedOut) {
        result = {
            status: 'error',
            error: `cyclonedx-npm did not finish within ${(0,tools_exec/* formatDuration */.a3)(options.timeoutMs)} and was stopped while writing the SBOM: rerun the job, or turn the SBOM off (sbom: false, or --no-sbom)`
        };
    }
    else if (run.code !== 0 || !(0,external_node_fs_.existsSync)(options.outputFile)) {
        result = { status: 'error', error: `cyclonedx-npm failed (exit ${run.code ?? 'killed'}): ${explainSbomFailure(run.stderr)}` };
    }
    else {
        try {
            result = { status: 'ok', path: options.outputFile, ...readSbomSummary(options.outputFile) };
        }
        catch (error) {
            result = {
                status: 'error',
                error: `the SBOM written by cyclonedx-npm cannot be read: ${(0,errors/* describeErrorFully */.q)(error)}`
            };
        }
    }
    const step = { name: 'sbom', status: result.status, ms: run.ms, ...(result.error ? { detail: result.error } : {}) };
    return { step, result };
}

;// CONCATENATED MODULE: ./src/pipeline.ts




















const MINUTE = 60_000;
const TIMEOUTS = { ci: 20 * MINUTE, audit: 5 * MINUTE, sbom: 5 * MINUTE };
function skippedStep(name, detail) {
    return { name, status: 'skipped', ms: 0, detail };
}
/**
 * The scan, in a worker thread when the entry point gave its script (the bundle), else in this
 * thread (the tests, which import the source). A worker that fails (out of its memory ceiling,
 * say) costs nothing but time: the scan runs again here, and a note says why.
 */
async function scanProject(cwd, config, today, deps) {
    const started = Date.now();
    let collected;
    let fallback;
    if (deps.scanWorker) {
        const outcome = await (0,worker/* collectFindingsInWorker */.Kj)(deps.scanWorker, cwd, today);
        if (outcome.ok)
            collected = outcome.collected;
        else
            fallback = { file: '.', message: `the scan's worker thread failed (${outcome.error}); scanned again in the main thread` };
    }
    // Loaded only here: the scan's code is the bulk of the bundle, and a worker scan never needs it in this thread.
    collected ??= (await Promise.all(/* import() */[__webpack_require__.e(471), __webpack_require__.e(814), __webpack_require__.e(906)]).then(__webpack_require__.bind(__webpack_require__, 66814))).collectFindings(cwd, today);
    if (fallback)
        collected = { ...collected, notes: [fallback, ...collected.notes] };
    const value = (0,result/* applyScanPolicy */.o)(collected, cwd, config, today);
    return { value, step: { name: 'scan', status: 'ok', ms: Date.now() - started } };
}
/**
 * Once npm ci has started, the rest of the gate (this process, and the audit and SBOM processes it
 * starts next, which inherit the priority) runs at a lower CPU priority: on a small runner the
 * scan and the SBOM then fill the CPU that npm ci leaves idle instead of slowing npm ci down, and
 * the gate takes about as long as npm ci. Raising one's own niceness needs no privilege; where it
 * fails the gate just runs at normal priority.
 */
function yieldToInstall(deps) {
    if (deps.lowerPriority === false)
        return;
    try {
        (0,external_node_os_.setPriority)(Math.max((0,external_node_os_.getPriority)(), external_node_os_.constants.priority.PRIORITY_BELOW_NORMAL));
    }
    catch {
        // not permitted here: nothing to do
    }
}
/**
 * The gate: npm ci, npm audit, the SBOM and the scan, then the decision. Audit, SBOM and scan need
 * only the lockfile and the sources, so they all run while npm ci installs: the gate takes about as
 * long as npm ci alone. npm ci installs exactly the lockfile, so the SBOM read from it lists the same
 * components, versions, licenses and integrity hashes as one read from node_modules; it lacks only
 * the descriptive fields (description, homepage, repository) that live in installed package.json files.
 */
async function runGate(options, deps) {
    const cwd = options.workingDirectory;
    const env = deps.env;
    const timeouts = { ...TIMEOUTS, ...deps.timeouts };
    const config = await (0,config_file/* loadConfig */.Z9)(options.configFile, options.configRequired, (0,config_paths/* toPosixRelative */.T0)(options.workspace, options.configFile), catalog/* KNOWN_RULE_IDS */.iX);
    const manager = (0,package_manager/* lockedManager */.KR)(cwd);
    const hasManifest = (0,external_node_fs_.existsSync)((0,external_node_path_.join)(cwd, 'package.json'));
    const installName = installStepName(manager);
    let ci;
    if (!options.install)
        ci = Promise.resolve(skippedStep(installName, 'install is false'));
    else if (!hasManifest)
        ci = Promise.resolve(skippedStep(installName, 'no package.json in the working directory'));
    else if (!manager)
        ci = Promise.resolve(skippedStep(installName, 'no lockfile (see lockfile-missing)'));
    else {
        deps.log(`${manager.name} ${installArgs(manager, options.ignoreScripts).join(' ')} in ${(0,config_paths/* toPosixRelative */.T0)(options.workspace, cwd)}`);
        ci = runInstall(deps.exec, { cwd, manager, ignoreScripts: options.ignoreScripts, timeoutMs: timeouts.ci, env });
        yieldToInstall(deps);
    }
    // A pnpm or yarn project is audited and described by npm through the equivalent npm lockfile; the
    // lockfile parsers that make it are loaded only then.
    const view = (0,lockfiles/* needsNpmView */.Cv)(manager) && (options.audit || options.sbom)
        ? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 47936))).writeNpmView(cwd, manager)
        : undefined;
    const npmDir = view?.ok ? view.view.dir : cwd;
    const viewError = view && !view.ok ? view.error : undefined;
    const audit = !options.audit
        ? Promise.resolve({ step: skippedStep('npm audit', 'audit is off'), result: (0,audit_report/* auditSkipped */.IN)('audit is off') })
        : viewError
            ? Promise.resolve({ step: { name: 'npm audit', status: 'error', ms: 0, detail: viewError }, result: (0,audit_report/* auditError */.q$)(viewError) })
            : (0,npm_audit/* runNpmAudit */.G)(deps.exec, {
                cwd: npmDir,
                omitDev: options.omitDev,
                packageLockOnly: view !== undefined,
                timeoutMs: timeouts.audit,
                env
            });
    const sbom = !options.sbom
        ? Promise.resolve({ step: skippedStep('sbom', 'sbom is false'), result: { status: 'skipped' } })
        : viewError
            ? Promise.resolve({
                step: { name: 'sbom', status: 'error', ms: 0, detail: viewError },
                result: { status: 'error', error: viewError }
            })
            : runSbom(deps.exec, {
                cwd: npmDir,
                outputFile: options.sbomFile,
                omitDev: options.omitDev,
                packageLockOnly: true,
                timeoutMs: timeouts.sbom,
                env
            });
    // npm is done with the view once both have finished, whatever their outcome.
    if (view?.ok)
        void Promise.allSettled([audit, sbom]).then(() => view.view.remove());
    const scanned = scanProject(cwd, config, options.today, deps).then((result) => {
        deps.log(`scanned ${result.value.filesScanned} files: ${result.value.findings.length} findings`);
        return result;
    });
    // The baseline (a file, or the base commit scanned and audited like the head) overlaps the rest too.
    const baseline = loadBaseline(options.baseline, {
        root: cwd,
        config,
        exec: deps.exec,
        audit: options.audit,
        auditLevel: options.auditLevel,
        omitDev: options.omitDev,
        today: options.today,
        env,
        // In a worker of its own, like the head's scan: scanned in this thread it would hold the event
        // loop, and with it the output of npm ci, the audit and the SBOM, for as long as it runs.
        scanWorker: deps.scanWorker,
        log: deps.log
    });
    const [ciStep, auditRun, sbomRun, scan, baselineOutcome] = await Promise.all([ci, audit, sbom, scanned, baseline]);
    const allowed = applyAllowlist(auditRun.result, config.allow, options.today, config.source);
    const steps = [ciStep, auditRun.step, sbomRun.step, scan.step];
    const compared = (0,compare/* applyBaseline */.Qp)(scan.value.findings, allowed.result, baselineOutcome);
    const decision = decideGate({
        findings: compared.findings,
        audit: compared.audit,
        steps,
        auditLevel: options.auditLevel,
        failOn: options.failOn,
        onAuditError: options.onAuditError,
        baseline: compared.section
    });
    const notes = [...scan.value.notes, ...(view?.ok ? npmViewNotes(view.view) : []), ...allowed.notes];
    return {
        version: 1,
        tool: { name: version/* TOOL_NAME */.lH, version: version/* TOOL_VERSION */.wr },
        root: (0,config_paths/* toPosixRelative */.T0)(options.workspace, cwd),
        passed: decision.passed,
        reasons: decision.reasons,
        warnings: [...decision.warnings, ...notes.filter((n) => n.message.includes('expired')).map((n) => `${n.file}: ${n.message}`)],
        thresholds: { audit: options.auditLevel, findings: options.failOn },
        findings: compared.findings,
        audit: compared.audit,
        sbom: pipeline_sbomSection(sbomRun.result, cwd),
        steps,
        notes,
        expiredSuppressions: (0,policy/* findExpiredSuppressions */.X)(config, options.today),
        baseline: compared.section
    };
}
/** Dependencies of a pnpm or yarn lockfile that npm cannot audit or list (links, files, git), named in one note. */
function npmViewNotes(view) {
    if (view.skipped.length === 0)
        return [];
    const shown = view.skipped.slice(0, 5).join(', ');
    const more = view.skipped.length > 5 ? ` and ${view.skipped.length - 5} more` : '';
    const what = view.skipped.length === 1
        ? '1 dependency is not a registry package and is'
        : `${view.skipped.length} dependencies are not registry packages and are`;
    return [{ file: view.source, message: `${what} neither audited nor in the SBOM: ${shown}${more}` }];
}
function pipeline_sbomSection(result, cwd) {
    const { path, ...rest } = result;
    return path ? { ...rest, path: (0,config_paths/* toPosixRelative */.T0)(cwd, path) } : rest;
}

;// CONCATENATED MODULE: ./src/render/text.ts




// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
function clean(text) {
    // Terminal control characters from repository text must not reach the terminal; bidi overrides
    // and invisible characters (U+202E, U+200B) show as U+FFFD so a name cannot read as another.
    // A GitHub runner reads `##[command]` anywhere in a log line as a workflow command: split it.
    return text
        .replace(CONTROL_CHARACTERS, ' ')
        .replace(/\p{Cf}/gu, '\uFFFD')
        .replace(/##\[/g, '# #[');
}
/** A finding's file starts its line, and a runner reads a line starting with `::` as a workflow command. */
function lineStart(file) {
    const shown = clean(file);
    return /^\s*:/.test(shown) ? `./${shown}` : shown;
}
/** Worst first, then by file and line: what to fix first reads first. */
function byImportance(a, b) {
    return severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b);
}
/** A finding on one line (file:line, severity, rule, message with its fix), its rule's docs page on the next. */
function findingLines(f) {
    const where = `${lineStart(f.file)}${f.line === null ? '' : `:${f.line}`}`;
    const mark = f.new === undefined ? '' : f.new ? 'new  ' : 'pre-existing  ';
    const lines = [`  ${where}  ${mark}${f.severity}  ${clean(f.rule)}  ${clean(f.message)}`];
    if (findRuleSummary(f.rule))
        lines.push(`      ${docsUrl(f.rule)}`);
    return lines;
}
/** One line on the comparison: how many findings are new and pre-existing, what was fixed; or why there was none. */
function baselineLine(report) {
    const b = report.baseline;
    if (!b || b.status === 'skipped')
        return undefined;
    const against = `${b.source === 'file' ? 'baseline file' : 'base commit'} ${clean(b.source === 'file' ? b.ref : b.ref.slice(0, 12))}`;
    if (b.status === 'error')
        return `Baseline: ${against} could not be used, so every finding counts`;
    const open = report.findings.filter((f) => !f.suppressed);
    const fresh = open.filter((f) => f.new !== false).length;
    const advisories = report.audit.advisories.filter((a) => !a.allowed);
    const freshAdvisories = advisories.filter((a) => a.new !== false).length;
    return (`Baseline (${against}): ${fresh} new, ${open.length - fresh} pre-existing; fixed ${b.fixed.length}; ` +
        `advisories ${freshAdvisories} new, ${advisories.length - freshAdvisories} pre-existing, fixed ${b.advisoriesFixed.length}`);
}
/** Plain text for a terminal: verdict, findings worst first with their docs pages, audit counts, SBOM. */
function renderText(report) {
    const out = [];
    out.push(report.passed ? 'PASSED: hardening gate' : `FAILED: ${report.reasons.map(clean).join('; ')}`);
    for (const w of report.warnings)
        out.push(`warning: ${clean(w)}`);
    const open = report.findings.filter((f) => !f.suppressed);
    out.push('', `Hardening findings: ${open.length}${open.length < report.findings.length ? ` (+${report.findings.length - open.length} suppressed)` : ''}`);
    const baseline = baselineLine(report);
    if (baseline)
        out.push(baseline);
    for (const f of [...open].sort(byImportance))
        out.push(...findingLines(f));
    const audit = report.audit;
    out.push('');
    if (audit.status === 'ok') {
        out.push(`npm audit: ${[...SEVERITIES]
            .reverse()
            .map((s) => `${audit.counts[s]} ${s}`)
            .join(', ')}`);
        for (const a of audit.advisories) {
            const via = a.direct ? '' : ` (via ${a.via.map(clean).join(', ') || 'a transitive dependency'})`;
            out.push(`  ${a.severity}  ${clean(a.package)}${via}  ${clean(a.title)}  ${clean(a.url)}${a.allowed ? '  [allowed]' : ''}`);
        }
    }
    else
        out.push(`npm audit: ${audit.status}${audit.error ? `: ${clean(audit.error)}` : ''}`);
    const sbom = report.sbom;
    out.push(sbom.status === 'ok'
        ? `SBOM: ${clean(sbom.path ?? '')} (CycloneDX ${sbom.specVersion}, ${sbom.components} components)`
        : `SBOM: ${sbom.status}${sbom.error ? `: ${clean(sbom.error)}` : ''}`);
    out.push(`Steps: ${report.steps.map((s) => `${s.name} ${s.status}${s.status === 'ok' ? ` ${s.ms} ms` : ''}`).join(', ')}`);
    for (const n of report.notes)
        out.push(`note: ${clean(n.file)}: ${clean(n.message)}`);
    return `${out.join('\n')}\n`;
}
/**
 * JSON printed to a CI log: `##[` can only stand inside a string here, and written `#\u0023[` it
 * parses back the same while a GitHub runner no longer reads it as a workflow command.
 */
function inertJson(value) {
    return `${JSON.stringify(value, null, 2)}\n`.replace(/##\[/g, '#\\u0023[');
}
function renderJson(report) {
    return inertJson(report);
}

;// CONCATENATED MODULE: ./src/render/sarif-rules.ts





/** GitHub code scanning reads `security-severity` as a CVSS-like score. */
const SCORE = { critical: '9.5', high: '8.0', moderate: '5.5', low: '3.0' };
const LEVEL = { critical: 'error', high: 'error', moderate: 'warning', low: 'note' };
/** Rule id prefix of audit advisories: one rule per advisory, so each alert is titled by it. */
const AUDIT_RULE_PREFIX = 'npm-audit/';
function auditRuleId(advisory) {
    return `${AUDIT_RULE_PREFIX}${advisory.id}`;
}
/** `session-cookie-insecure` → `SessionCookieInsecure`. */
function pascalCase(id) {
    return id
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
        .join('');
}
function highest(severities) {
    return severities.reduce((max, s) => ((0,severity/* severityRank */.qs)(s) > (0,severity/* severityRank */.qs)(max) ? s : max), 'low');
}
/** Links between rule pages (`[x](other-rule.md)`) point at the published docs, not at a relative path. */
function absoluteLinks(markdown) {
    return markdown.replace(/\]\(([a-z0-9-]+)\.md\)/g, (_m, id) => `](${(0,rules_rule/* docsUrl */.fs)(id)})`);
}
/** Markdown as plain text: links spelled out, emphasis markers dropped; code stays as written. */
function plainText(markdown) {
    return markdown.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)').replace(/\*\*([^*]+)\*\*/g, '$1');
}
/**
 * A hardening rule, described by its registry entry and its docs page (embedded at build time).
 * `severity` is the one in force for this run (config overrides included): code scanning takes an
 * alert's severity from its rule, so it has to agree with the gate.
 */
function hardeningRule(id, severity) {
    const meta = (0,catalog/* findRuleSummary */.E1)(id);
    const doc = RULE_DOCS[id];
    const url = (0,rules_rule/* docsUrl */.fs)(id);
    const description = meta?.description ?? `Hardening rule ${id}.`;
    const markdown = [
        description,
        ...(doc ? ['## Why', absoluteLinks(doc.why), '## How to fix', absoluteLinks(doc.fix)] : []),
        `[Full documentation of ${id}](${url})`
    ].join('\n\n');
    return {
        id,
        name: pascalCase(id),
        shortDescription: { text: description },
        fullDescription: { text: meta ? `${meta.description} Fix: ${meta.fix}.` : description },
        helpUri: url,
        help: { text: plainText(markdown.replace(/^## (.+)$/gm, '$1:')), markdown },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: {
            'security-severity': SCORE[severity],
            tags: ['security', meta?.category, meta ? `external/cwe/${meta.cwe.toLowerCase()}` : undefined].filter((t) => Boolean(t))
        }
    };
}
/** Advisory text comes from npm and package names from the lockfile: one line, clipped. */
function oneLine(text, max = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
}
function advisoryUrl(advisory) {
    return /^GHSA(-[0-9a-z]{4}){3}$/i.test(advisory.id) ? `https://github.com/advisories/${advisory.id}` : safeUrl(advisory.url);
}
function advisoryFix(advisory) {
    if (advisory.fix)
        return `\`npm audit fix\` installs ${oneLine(advisory.fix, 100)}.`;
    return advisory.fixAvailable ? '`npm audit fix` resolves it.' : 'No fixed version is available yet.';
}
function advisoryPath(advisory) {
    if (advisory.direct)
        return 'It is a direct dependency.';
    return advisory.via.length > 0
        ? `It comes in through ${advisory.via.map((v) => oneLine(v, 100)).join(', ')}.`
        : 'It is a transitive dependency.';
}
/** An npm audit advisory as a rule of its own; `advisories` are every result of it, sorted. */
function advisoryRule(advisories) {
    const [first] = advisories;
    const severity = highest(advisories.map((a) => a.severity));
    const pkg = oneLine(first.package, 100);
    const title = oneLine(first.title) || `Vulnerable versions of ${pkg}`;
    const url = advisoryUrl(first);
    const range = first.range ? ` ${oneLine(first.range, 100)}` : '';
    const text = [`${title} (${first.id})`, `Affected: ${pkg}${range}.`, advisoryFix(first), ...(url ? [`Advisory: ${url}`] : [])].join('\n\n');
    const markdown = [
        `${escapeMarkdown(title)} (${escape_link(escapeMarkdown(first.id, 100), url)})`,
        `Affected: <code>${escapeMarkdown(`${first.package}${range}`, 200, true)}</code>.`,
        'Update the dependency (`npm audit fix`, or a newer version of the package that brings it in), or record an accepted risk in the audit allowlist of the config file with a reason and an expiry date.'
    ].join('\n\n');
    return {
        id: auditRuleId(first),
        name: 'VulnerableDependency',
        shortDescription: { text: `${pkg}: ${title}` },
        fullDescription: { text: `${title}. Vulnerable versions of ${pkg}${range ? `:${range}` : ''} (advisory ${first.id}).` },
        ...(url ? { helpUri: url } : {}),
        help: { text, markdown },
        defaultConfiguration: { level: LEVEL[severity] },
        properties: { 'security-severity': SCORE[severity], tags: ['security', 'dependency', 'npm-audit'] }
    };
}

;// CONCATENATED MODULE: ./src/render/sarif.ts






const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
function baselineState(item) {
    return item.new === undefined ? {} : { baselineState: item.new ? 'new' : 'unchanged' };
}
/** A relative URI reference for a `/`-separated path: `#`, `?`, `%`, spaces and `:` would change its meaning. */
function pathUri(path) {
    return encodeURI(path).replace(/[#?:]/g, encodeURIComponent);
}
/** Plain code-point order: the same on every machine, whatever its locale. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareDrafts(a, b) {
    return (compareText(a.file, b.file) ||
        a.line - b.line ||
        compareText(a.ruleId, b.ruleId) ||
        compareText(a.fingerprint, b.fingerprint) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        compareText(a.message, b.message));
}
function justification(reason, expires) {
    const text = `${reason}${expires ? ` (until ${expires})` : ''}`.trim();
    return text === '' ? undefined : text;
}
function findingDraft(finding, root) {
    const s = finding.suppression;
    return {
        ruleId: finding.rule,
        level: LEVEL[finding.severity],
        message: finding.message,
        file: joinRepositoryPath(root, finding.file),
        // A project-wide absence is shown on the first line of the file it concerns.
        line: finding.line ?? 1,
        column: finding.line === null ? null : finding.column,
        fingerprint: finding.fingerprint,
        ...baselineState(finding),
        ...(finding.suppressed
            ? {
                suppression: {
                    kind: s?.source === 'inline' ? 'inSource' : 'external',
                    ...(s ? { justification: justification(s.reason, s.expires) } : {})
                }
            }
            : {})
    };
}
/** Stable across lockfile edits: the advisory and the package, not where the package sits. */
function advisoryFingerprint(advisory) {
    return (0,external_node_crypto_.createHash)('sha256').update(`npm-audit\u0000${advisory.id}\u0000${advisory.package}`).digest('hex').slice(0, 32);
}
/** Audit advisories are reported on the lockfile npm audited. */
function advisoryDraft(advisory, root) {
    const title = advisory.title.replace(/\s+/g, ' ').trim();
    const range = advisory.range ? ` ${advisory.range}` : '';
    return {
        ruleId: auditRuleId(advisory),
        level: LEVEL[advisory.severity],
        message: `${advisory.package}${range} has a known ${advisory.severity} vulnerability${title ? `: ${title}` : ''} (${advisory.id}). ${advisoryFix(advisory)} ${advisoryPath(advisory)}`,
        file: joinRepositoryPath(root, lockfiles/* NPM_LOCKFILE */.Cn),
        line: 1,
        column: null,
        fingerprint: advisoryFingerprint(advisory),
        properties: { package: advisory.package, advisory: advisory.id, severity: advisory.severity },
        ...baselineState(advisory),
        ...(advisory.allowed
            ? { suppression: { kind: 'external', justification: justification(advisory.allowed.reason, advisory.allowed.expires) } }
            : {})
    };
}
function compareAdvisoriesById(a, b) {
    return compareText(a.id, b.id) || compareText(a.package, b.package) || compareText(a.title, b.title);
}
/** Every rule with a result, sorted by id: hardening rules at the severity in force, one rule per advisory. */
function collectRules(findings, advisories) {
    const bySeverity = new Map();
    for (const f of findings)
        bySeverity.set(f.rule, [...(bySeverity.get(f.rule) ?? []), f.severity]);
    const rules = [...bySeverity].map(([id, severities]) => hardeningRule(id, highest(severities)));
    const byAdvisory = new Map();
    for (const a of [...advisories].sort(compareAdvisoriesById)) {
        const group = byAdvisory.get(auditRuleId(a));
        if (group)
            group.push(a);
        else
            byAdvisory.set(auditRuleId(a), [a]);
    }
    rules.push(...[...byAdvisory.values()].map(advisoryRule));
    return rules.sort((a, b) => compareText(a.id, b.id));
}
function toResult(draft, ruleIndex) {
    return {
        ruleId: draft.ruleId,
        ruleIndex,
        level: draft.level,
        message: { text: draft.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: pathUri(draft.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: draft.line, ...(draft.column ? { startColumn: draft.column } : {}) }
                }
            }
        ],
        partialFingerprints: { primaryLocationLineHash: draft.fingerprint },
        ...(draft.baselineState ? { baselineState: draft.baselineState } : {}),
        ...(draft.suppression ? { suppressions: [draft.suppression] } : {}),
        ...(draft.properties ? { properties: draft.properties } : {})
    };
}
/** What went wrong in the run without stopping it: the audit error and the report's warnings. */
function notifications(report) {
    const out = [];
    if (report.audit.status === 'error')
        out.push({ level: 'error', message: { text: `npm audit: ${report.audit.error ?? 'failed'}` } });
    for (const warning of report.warnings)
        out.push({ level: 'warning', message: { text: warning } });
    return out;
}
/**
 * SARIF 2.1.0 for GitHub code scanning: locations relative to the repository root, suppressed
 * findings and allowed advisories kept with their suppression, everything in a stable order.
 */
function renderSarif(report) {
    const advisories = report.audit.status === 'ok' ? report.audit.advisories : [];
    const rules = collectRules(report.findings, advisories);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const drafts = [
        ...report.findings.map((f) => findingDraft(f, report.root)),
        ...advisories.map((a) => advisoryDraft(a, report.root))
    ].sort(compareDrafts);
    const issues = notifications(report);
    const sarif = {
        $schema: SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: version/* REPOSITORY_URL */.ld, rules } },
                invocations: [
                    {
                        executionSuccessful: report.audit.status !== 'error',
                        ...(issues.length > 0 ? { toolExecutionNotifications: issues } : {})
                    }
                ],
                columnKind: 'utf16CodeUnits',
                results: drafts.map((d) => toResult(d, index.get(d.ruleId) ?? -1))
            }
        ]
    };
    return inertJson(sarif);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(38816);
// EXTERNAL MODULE: ./src/config/errors.ts
var config_errors = __webpack_require__(37827);
;// CONCATENATED MODULE: ./src/report-file.ts




/** Far above any real report (100,000 findings fit), far below what would hurt the runner. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** A full commit id: SHA-1, or SHA-256 for repositories that use it. */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** GitHub's pull request numbers are positive 32-bit integers. */
const MAX_PR_NUMBER = 2_147_483_647;
const report_file_severity = schemas/* enum */.k5n(severity/* SEVERITIES */.oC);
const counts = schemas/* object */.Ikc({
    low: schemas/* number */.aig().int().min(0),
    moderate: schemas/* number */.aig().int().min(0),
    high: schemas/* number */.aig().int().min(0),
    critical: schemas/* number */.aig().int().min(0)
});
const report_file_status = schemas/* enum */.k5n(['ok', 'error', 'skipped']);
const report_file_text = schemas/* string */.YjP().max(10_000);
const date = schemas/* string */.YjP().max(20);
// eslint-disable-next-line no-control-regex -- control characters are what it rejects
const PATH_SEGMENT = /^[^/\\\u0000-\u001f\u007f]+$/;
// The root names the comment (its marker) and prefixes links: a plain relative path, never `..` or absolute.
const root = schemas/* string */.YjP()
    .max(500)
    .refine((value) => value === '.' || value.split('/').every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..'), {
    message: "expected '.' or a relative path inside the workspace"
});
/**
 * A report read back in `mode: comment` may come from an untrusted pull request's job, so it is
 * validated as data: known shapes and sizes only; the renderers escape every string anyway.
 */
const REPORT_SCHEMA = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    tool: schemas/* object */.Ikc({ name: schemas/* literal */.euz('express-hardening-gate'), version: schemas/* string */.YjP().max(100) }),
    /** The working directory, relative to the workspace. */
    root,
    passed: schemas/* boolean */.zMY(),
    /** Why the gate failed; empty when it passed. */
    reasons: schemas/* array */.YOg(report_file_text).max(100).default([]),
    /** Problems that did not fail the gate (an audit error under on-audit-error: warn, expired entries). */
    warnings: schemas/* array */.YOg(report_file_text).max(100).default([]),
    thresholds: schemas/* object */.Ikc({ audit: schemas/* enum */.k5n(severity/* THRESHOLDS */.Rm), findings: schemas/* enum */.k5n(severity/* THRESHOLDS */.Rm) }),
    findings: schemas/* array */.YOg(schemas/* object */.Ikc({
        rule: schemas/* string */.YjP()
            .max(100)
            .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a rule id' }),
        severity: report_file_severity,
        file: report_file_text,
        line: schemas/* number */.aig().int().min(1).nullable(),
        column: schemas/* number */.aig().int().min(0).nullable(),
        message: report_file_text,
        fingerprint: schemas/* string */.YjP().max(200),
        suppressed: schemas/* boolean */.zMY(),
        suppression: schemas/* object */.Ikc({ source: schemas/* enum */.k5n(['config', 'inline']), reason: report_file_text, expires: date.optional() }).optional(),
        new: schemas/* boolean */.zMY().optional()
    }))
        .max(100_000),
    audit: schemas/* object */.Ikc({
        status: report_file_status,
        error: report_file_text.optional(),
        counts,
        advisories: schemas/* array */.YOg(schemas/* object */.Ikc({
            id: schemas/* string */.YjP().max(200),
            package: schemas/* string */.YjP().max(300),
            severity: report_file_severity,
            title: report_file_text,
            url: schemas/* string */.YjP().max(2000),
            range: schemas/* string */.YjP().max(2000),
            fixAvailable: schemas/* boolean */.zMY(),
            fix: schemas/* string */.YjP().max(500).optional(),
            direct: schemas/* boolean */.zMY(),
            via: schemas/* array */.YOg(schemas/* string */.YjP().max(300)).max(1000),
            allowed: schemas/* object */.Ikc({ reason: report_file_text, expires: date.optional() }).optional(),
            new: schemas/* boolean */.zMY().optional()
        }))
            .max(100_000)
    }),
    sbom: schemas/* object */.Ikc({
        status: report_file_status,
        error: report_file_text.optional(),
        /** Relative to the working directory. */
        path: report_file_text.optional(),
        components: schemas/* number */.aig().int().min(0).optional(),
        specVersion: schemas/* string */.YjP().max(20).optional()
    }),
    steps: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP().max(100), status: report_file_status, ms: schemas/* number */.aig().min(0), detail: report_file_text.optional() })).max(100),
    /** Files skipped or not parsed, and config entries that no longer apply. */
    notes: schemas/* array */.YOg(schemas/* object */.Ikc({ file: report_file_text, message: report_file_text }))
        .max(100_000)
        .default([]),
    /** Config suppressions and audit allowlist entries past their date, so no longer applied (additive). */
    expiredSuppressions: schemas/* array */.YOg(schemas/* object */.Ikc({
        source: report_file_text,
        rule: schemas/* string */.YjP().max(100).optional(),
        id: schemas/* string */.YjP().max(200).optional(),
        path: report_file_text.optional(),
        expires: date
    }))
        .max(10_000)
        .optional(),
    /** What the gate compared against (additive): findings and advisories carry `new` when its status is ok. */
    baseline: schemas/* object */.Ikc({
        source: schemas/* enum */.k5n(['base-commit', 'file', 'none']),
        ref: schemas/* string */.YjP().max(2000),
        status: report_file_status,
        error: report_file_text.optional(),
        fixed: schemas/* array */.YOg(schemas/* object */.Ikc({ rule: schemas/* string */.YjP().max(100), file: report_file_text, fingerprint: schemas/* string */.YjP().max(200) })).max(100_000),
        advisoriesFixed: schemas/* array */.YOg(schemas/* object */.Ikc({ id: schemas/* string */.YjP().max(200), package: schemas/* string */.YjP().max(300) })).max(100_000)
    })
        .optional(),
    pullRequest: schemas/* object */.Ikc({
        number: schemas/* number */.aig().int().min(1).max(MAX_PR_NUMBER),
        headSha: schemas/* string */.YjP().regex(COMMIT_SHA, { message: 'expected a full commit sha' })
    })
        .optional()
});
function parseReport(json, source) {
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        throw new config_errors/* UsageError */.e(`report-file ${source} is not JSON; give the hardening-report.json written by a scan run`);
    }
    const parsed = REPORT_SCHEMA.safeParse(data);
    if (!parsed.success) {
        // The path names schema keys and indexes only, and zod's messages do not quote the input: nothing of the file reaches the log.
        const issue = parsed.error.issues[0];
        const where = issue?.path.join('.') || 'top level';
        throw new config_errors/* UsageError */.e(`report-file ${source} is not a version 1 hardening report (${where}: ${issue?.message ?? 'invalid'}); give the file written by a scan run`);
    }
    return parsed.data;
}
/**
 * Reads a report that may have been made by an untrusted job: a regular file (no symlink into the
 * runner, no FIFO that blocks), of bounded size, then validated by `parseReport`.
 */
function readReportFile(file, maxBytes = MAX_REPORT_BYTES) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new config_errors/* UsageError */.e(`report-file ${file} does not exist; in mode: comment, download the scan job's report artifact first`);
        if (code === 'ELOOP')
            throw new config_errors/* UsageError */.e(`report-file ${file} is a symbolic link; give the report file itself`);
        throw new config_errors/* UsageError */.e(`report-file ${file} cannot be read (${code ?? 'error'})`);
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile())
            throw new config_errors/* UsageError */.e(`report-file ${file} is not a regular file; give the hardening-report.json written by a scan run`);
        if (stat.size > maxBytes)
            throw new config_errors/* UsageError */.e(`report-file ${file} is ${stat.size} bytes, over the ${maxBytes}-byte limit for a report`);
        return parseReport((0,external_node_fs_.readFileSync)(fd, 'utf8'), file);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
const report_file_PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
function record(value) {
    return typeof value === 'object' && value !== null ? value : {};
}
function report_file_short(sha) {
    return sha.slice(0, 12);
}
/** Scan mode records the pull request it ran for, so a later comment job knows where to comment. */
function pullRequestOfEvent(event) {
    if (!report_file_PULL_REQUEST_EVENTS.has(event.eventName))
        return undefined;
    const pr = record(event.payload.pull_request);
    const headSha = record(pr.head).sha;
    if (typeof pr.number !== 'number' || typeof headSha !== 'string' || !COMMIT_SHA.test(headSha))
        return undefined;
    return { number: pr.number, headSha };
}
/**
 * Where `mode: comment` may comment, as a checklist. The report is untrusted: on a `workflow_run`
 * its pull request is accepted only for the commit GitHub says the scanned run was for
 * (`workflow_run.head_sha`), and only when the API confirms that pull request's head is that commit.
 * (`workflow_run.pull_requests` is empty for fork pull requests, so the number has to come from the report.)
 */
async function resolveCommentTarget(report, event, pulls) {
    const { owner, repo } = event.repo;
    const claimed = report.pullRequest;
    if (report_file_PULL_REQUEST_EVENTS.has(event.eventName)) {
        // Same workflow, later job: the event itself names the pull request.
        const current = pullRequestOfEvent(event);
        if (!current)
            return { kind: 'none', reason: `the ${event.eventName} payload names no pull request: no PR comment` };
        if (claimed && (claimed.number !== current.number || claimed.headSha !== current.headSha)) {
            throw new config_errors/* UsageError */.e(`report-file was made for pull request #${claimed.number} at ${report_file_short(claimed.headSha)}, not this run's #${current.number} at ${report_file_short(current.headSha)}; give the report of this pull request's scan`);
        }
        return { kind: 'pull-request', owner, repo, issueNumber: current.number, headSha: current.headSha };
    }
    if (event.eventName !== 'workflow_run') {
        return {
            kind: 'none',
            reason: `mode: comment comments on pull requests from a workflow_run (or pull_request) event, not ${event.eventName}: no PR comment`
        };
    }
    const run = record(event.payload.workflow_run);
    const runSha = run.head_sha;
    if (typeof runSha !== 'string' || !COMMIT_SHA.test(runSha)) {
        throw new config_errors/* UsageError */.e('the workflow_run payload has no head_sha, so the report cannot be matched to a commit');
    }
    const listed = Array.isArray(run.pull_requests)
        ? run.pull_requests.map((pr) => record(pr).number).filter((n) => typeof n === 'number')
        : [];
    const number = claimed?.number ?? listed[0];
    if (number === undefined)
        return { kind: 'none', reason: 'the scanned run was not for a pull request (the report names none): no PR comment' };
    if (claimed && claimed.headSha !== runSha) {
        throw new config_errors/* UsageError */.e(`report-file was made for commit ${report_file_short(claimed.headSha)}, but the workflow run that triggered this job is for ${report_file_short(runSha)}; not commenting`);
    }
    if (!pulls)
        throw new config_errors/* UsageError */.e('github-token is empty; mode: comment needs a token with pull-requests: write');
    const headSha = await fetchHeadSha(pulls, owner, repo, number);
    if (headSha !== runSha) {
        throw new config_errors/* UsageError */.e(`pull request #${number} has head ${report_file_short(headSha)}, not the scanned commit ${report_file_short(runSha)}; not commenting (the report names another pull request, or the pull request has new commits since the scan)`);
    }
    return { kind: 'pull-request', owner, repo, issueNumber: number, headSha: runSha };
}
async function fetchHeadSha(pulls, owner, repo, number) {
    try {
        const { data } = await pulls.get({ owner, repo, pull_number: number });
        return String(data.head.sha);
    }
    catch (error) {
        const status = error?.status;
        if (status === 404)
            throw new config_errors/* UsageError */.e(`pull request #${number} does not exist in ${owner}/${repo}; not commenting`);
        throw new config_errors/* UsageError */.e(`could not read pull request #${number} to confirm its head commit${typeof status === 'number' ? ` (HTTP ${status})` : ''}; not commenting`);
    }
}

;// CONCATENATED MODULE: ./src/action-modes.ts
// The action's two modes, scan and comment, loaded by run() (main.ts) once the inputs are read and valid.




















/** GitHub's job summary holds at most 1 MiB per step. */
const SUMMARY_LIMIT = 1_000_000;
function writeReportFile(options, report, context) {
    if (!options.reportFile)
        return '';
    // The pull request it was made for goes with the report, for a later `mode: comment` job.
    const pullRequest = pullRequestOfEvent(context);
    const file = pullRequest ? { ...report, pullRequest } : report;
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(options.reportFile), { recursive: true });
    (0,external_node_fs_.writeFileSync)(options.reportFile, renderJson(file));
    return (0,config_paths/* toPosixRelative */.T0)(options.workspace, options.reportFile);
}
function writeSarifFile(options, report) {
    if (!options.sarifFile)
        return '';
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(options.sarifFile), { recursive: true });
    (0,external_node_fs_.writeFileSync)(options.sarifFile, renderSarif(report));
    return (0,config_paths/* toPosixRelative */.T0)(options.workspace, options.sarifFile);
}
function setOutputs(options, report, paths) {
    core.setOutput('passed', String(report.passed));
    const open = report.findings.filter((f) => !f.suppressed);
    core.setOutput('findings', String(open.length));
    // Without a baseline (or when it could not be had) nothing is marked pre-existing: every finding is new.
    core.setOutput('new-findings', String(open.filter((f) => f.new !== false).length));
    // Without a report the counts are unknown, not zero: `{}`, so no later step reads them as clean.
    core.setOutput('vulnerabilities', report.audit.status === 'ok' ? JSON.stringify(report.audit.counts) : '{}');
    core.setOutput('sbom-path', report.sbom.status === 'ok' ? (0,config_paths/* toPosixRelative */.T0)(options.workspace, options.sbomFile) : '');
    core.setOutput('sarif-path', paths.sarif);
    core.setOutput('report-path', paths.report);
}
async function writeSummary(report, sbomArtifact) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const artifact = sbomArtifact ? { sbomArtifact } : {};
    let maxRows;
    let markdown = renderMarkdown(report, artifact);
    while (markdown.length > SUMMARY_LIMIT && (maxRows === undefined || maxRows > 1)) {
        maxRows = Math.floor((maxRows ?? Math.max(report.findings.length, report.audit.advisories.length)) / 2);
        markdown = renderMarkdown(report, { ...artifact, maxRows, fullListHint: 'see the JSON report' });
    }
    await core.summary.addRaw(markdown, true).write();
}
/** Annotations this step makes besides the findings' (warnings, a comment failure, the verdict): GitHub shows only ~10 of each level. */
function ownAnnotations(options, report, sbom) {
    const warnings = report.warnings.length + sbom.warnings + (options.comment === 'never' ? 0 : 1) + (options.dependencySnapshot ? 1 : 0);
    return { error: report.passed ? 0 : 1, warning: warnings };
}
/**
 * Publishing beyond the reports (annotations, the summary, the comment) is a convenience: when it
 * fails, a warning says so, and the step still ends with the gate's verdict.
 */
async function bestEffort(what, work, fallback) {
    try {
        return await work();
    }
    catch (error) {
        core.warning(`could not ${what}: ${(0,errors/* describeError */.U)(error)}`);
        return fallback;
    }
}
/** `dependency-snapshot: true`: submitted while the rest is published, never holding up the comment; it only ever warns. */
function startDependencySnapshot(options, context, root) {
    if (!options.dependencySnapshot)
        return Promise.resolve();
    const { workspace, workingDirectory, githubToken: token } = options;
    return bestEffort('submit the dependency snapshot', () => submitDependencySnapshot({ workspace, workingDirectory, root, token, context }, createOctokit), undefined);
}
async function runScanMode(options, context, entry) {
    const baseline = resolveBaselineInput(options.baselineInput, context);
    const report = await runGate({ ...options, baseline }, { exec: tools_exec/* execProcess */.ZG, log: (line) => core.info(line), ...entry });
    // Started once the verdict is known and run beside the publishing below; only the step's end waits for it.
    const snapshot = startDependencySnapshot(options, context, report.root);
    // With a baseline the findings it lacks are annotated, wherever they are; without one, those on
    // the pull request's changed lines, listed once. No open finding: nothing to annotate, no call.
    const pullFiles = report.baseline?.status === 'ok'
        ? { unavailable: 'compared with the baseline' }
        : report.findings.some((f) => !f.suppressed)
            ? await bestEffort('list the pull request files', () => fetchPullFiles(pullRequestFiles(context, options.githubToken)), {
                unavailable: 'listing them failed'
            })
            : { unavailable: 'no open findings' };
    for (const warning of report.warnings)
        core.warning(warning);
    const paths = { report: writeReportFile(options, report, context), sarif: writeSarifFile(options, report) };
    setOutputs(options, report, paths);
    // Once reports and outputs are written, so artifact storage can never cost them; before the summary and comment, which name the artifact.
    const sbom = options.uploadSbom ? await uploadSbomArtifact(report, options.sbomFile) : { warnings: 0 };
    await bestEffort('annotate the changed lines', () => annotateFindings(report, pullFiles, { reportPath: paths.report, reserved: ownAnnotations(options, report, sbom) }), undefined);
    await bestEffort('write the job summary', () => writeSummary(report, sbom.artifact), undefined);
    core.setOutput('comment-url', await bestEffort('write the PR comment', () => publishComment(report, context, options.githubToken, options.comment, sbom.artifact), ''));
    await snapshot;
    if (!report.passed)
        core.setFailed(`Hardening gate failed: ${report.reasons.join('; ')}`);
}
/**
 * Second phase of a fork-safe workflow: comment from a report made by an earlier, unprivileged job.
 * Nothing of the pull request is checked out or run; the report is data, checked by report-file.ts.
 * The verdict belongs to the scan job's check, so this step fails only when it could not comment.
 */
async function runCommentMode(options, context) {
    const report = readReportFile(options.reportFile);
    const octokit = options.githubToken ? createOctokit(options.githubToken) : undefined;
    // Sent once, as before the retry plugin: a failed confirmation is reported and the step fails.
    const pulls = octokit && { get: (params) => octokit.rest.pulls.get({ ...params, request: { retries: 0 } }) };
    const pr = await resolveCommentTarget(report, context, pulls);
    core.setOutput('passed', String(report.passed));
    core.setOutput('report-path', (0,config_paths/* toPosixRelative */.T0)(options.workspace, options.reportFile));
    core.setOutput('comment-url', '');
    if (pr.kind === 'none') {
        core.info(pr.reason);
        return;
    }
    if (!octokit) {
        core.setFailed('github-token is empty; mode: comment needs a token with pull-requests: write');
        return;
    }
    const { owner, repo, headSha: sha } = pr;
    const body = renderComment(report, { links: { serverUrl: context.serverUrl, owner, repo, sha } });
    try {
        const outcome = await upsertComment(createIssuesApi(octokit), pr, commentMarker(report.root), body, options.comment, report.passed);
        core.info(`PR comment on #${pr.issueNumber} ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}${outcome.detail ? ` (${outcome.detail})` : ''}`);
        core.setOutput('comment-url', outcome.url);
    }
    catch (error) {
        core.setFailed(explainCommentFailure(error));
    }
}
/** The mode the inputs ask for, with the run's event, read here once; everything below takes it as a parameter. */
async function runMode(options, entry) {
    const context = github/* context */._;
    if (options.mode === 'comment')
        await runCommentMode(options, context);
    else
        await runScanMode(options, context, entry);
}


/***/ }),

/***/ 66228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cc: () => (/* binding */ compareBaselineAdvisories),
/* harmony export */   Qp: () => (/* binding */ applyBaseline),
/* harmony export */   gN: () => (/* binding */ NO_BASELINE),
/* harmony export */   wD: () => (/* binding */ compareEntries)
/* harmony export */ });
/* unused harmony export compareWithBaseline */
/** No baseline asked for (`none`, or `auto` outside a pull request): every finding counts. */
const NO_BASELINE = { status: 'skipped', source: 'none', ref: '' };
function findingKey(f) {
    return `${f.rule}\u0000${f.file}\u0000${f.fingerprint}`;
}
function advisoryKey(a) {
    return `${a.id}\u0000${a.package}`;
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareEntries(a, b) {
    return compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(a.fingerprint, b.fingerprint);
}
function compareBaselineAdvisories(a, b) {
    return compareText(a.package, b.package) || compareText(a.id, b.id);
}
function unique(items, key) {
    const seen = new Set();
    return items.filter((item) => {
        const k = key(item);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
/**
 * Findings whose flagged line was edited (a fix next to them on the same line, a renamed argument):
 * where, for one rule in one file, exactly one baseline entry and exactly one head finding are left
 * unmatched by fingerprint, they are the same finding. Two or more on either side stay unpaired, so
 * a gap added beside another of its kind is still new.
 */
function editedInPlace(findings, baseline, known, head) {
    const group = (f) => `${f.rule}\u0000${f.file}`;
    const unmatchedHead = new Map();
    for (const f of findings)
        if (!known.has(findingKey(f)))
            unmatchedHead.set(group(f), [...(unmatchedHead.get(group(f)) ?? []), f]);
    const unmatchedBase = new Map();
    for (const e of baseline.findings)
        if (!head.has(findingKey(e)))
            unmatchedBase.set(group(e), [...(unmatchedBase.get(group(e)) ?? []), e]);
    const paired = { head: new Set(), base: new Set() };
    for (const [key, heads] of unmatchedHead) {
        const bases = unmatchedBase.get(key) ?? [];
        if (heads.length === 1 && bases.length === 1) {
            paired.head.add(heads[0]);
            paired.base.add(bases[0]);
        }
    }
    return paired;
}
/**
 * Marks what the head has that the baseline does not: findings matched by rule, file and
 * fingerprint (or, failing that, edited in place: see editedInPlace), advisories by id and package. What the baseline has and the head lacks is fixed.
 * Advisories are compared only when the head's audit ran: an audit that failed fixed nothing.
 */
function compareWithBaseline(findings, audit, baseline) {
    const known = new Set(baseline.findings.map(findingKey));
    const head = new Set(findings.map(findingKey));
    const edited = editedInPlace(findings, baseline, known, head);
    const audited = audit.status === 'ok';
    const knownAdvisories = new Set(baseline.advisories.map(advisoryKey));
    const headAdvisories = new Set(audit.advisories.map(advisoryKey));
    return {
        findings: findings.map((f) => ({ ...f, new: !known.has(findingKey(f)) && !edited.head.has(f) })),
        advisories: audit.advisories.map((a) => ({ ...a, new: !knownAdvisories.has(advisoryKey(a)) })),
        fixed: unique(baseline.findings.filter((e) => !head.has(findingKey(e)) && !edited.base.has(e)), findingKey)
            .map(({ rule, file, fingerprint }) => ({ rule, file, fingerprint }))
            .sort(compareEntries),
        advisoriesFixed: audited
            ? unique(baseline.advisories.filter((a) => !headAdvisories.has(advisoryKey(a))), advisoryKey)
                .map(({ id, package: name }) => ({ id, package: name }))
                .sort(compareBaselineAdvisories)
            : []
    };
}
/**
 * The head's findings and audit as the report carries them, and the report's baseline section:
 * marked new or pre-existing when the baseline was had, untouched (no `new`) when it was not.
 */
function applyBaseline(findings, audit, outcome) {
    const base = { source: outcome.source, ref: outcome.ref, status: outcome.status };
    if (outcome.status !== 'ok') {
        const error = outcome.status === 'error' ? { error: outcome.error } : {};
        return { findings, audit, section: { ...base, ...error, fixed: [], advisoriesFixed: [] } };
    }
    const compared = compareWithBaseline(findings, audit, outcome.data);
    return {
        findings: compared.findings,
        audit: { ...audit, advisories: compared.advisories },
        section: { ...base, fixed: compared.fixed, advisoriesFixed: compared.advisoriesFixed }
    };
}


/***/ }),

/***/ 63797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z9: () => (/* binding */ loadConfig),
/* harmony export */   _d: () => (/* binding */ isExpired)
/* harmony export */ });
/* unused harmony export EMPTY_CONFIG */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37827);


const EMPTY_CONFIG = { severity: new Map(), suppressions: [], allow: [] };
/** The config file, or EMPTY_CONFIG when there is none and none is required; its parser (config-schema.ts) is loaded only for a file. */
async function loadConfig(file, required, displayName, knownRules) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        if (required)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`config file ${displayName} does not exist; fix the path or remove the config input`);
        return EMPTY_CONFIG;
    }
    // A FIFO or device would block the read forever; a folder cannot be read.
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`config file ${displayName} is not a regular file; give a YAML file or remove the config input`);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .e(`config file ${displayName} cannot be read (${error.code ?? 'unreadable'}); give a readable YAML file or remove the config input`);
    }
    return (await __webpack_require__.e(/* import() */ 484).then(__webpack_require__.bind(__webpack_require__, 60484))).parseConfig(text, displayName, knownRules);
}
/** An entry with `expires` applies through that day (UTC) and stops applying the day after. */
function isExpired(expires, today) {
    return expires !== undefined && expires < today;
}


/***/ }),

/***/ 44879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ compareFindings)
/* harmony export */ });
function compareFindings(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    const la = a.line ?? 0;
    const lb = b.line ?? 0;
    if (la !== lb)
        return la - lb;
    if (a.rule !== b.rule)
        return a.rule < b.rule ? -1 : 1;
    return (a.column ?? 0) - (b.column ?? 0);
}


/***/ }),

/***/ 10663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ applyPolicy),
  X: () => (/* binding */ findExpiredSuppressions)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/config/config-file.ts
var config_file = __webpack_require__(63797);
// EXTERNAL MODULE: ./src/common/severity.ts
var common_severity = __webpack_require__(72778);
// EXTERNAL MODULE: ./src/findings/finding.ts
var finding = __webpack_require__(44879);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/findings/fingerprint.ts

/** Files whose `//` and `/* *\/` are comments, so a comment added to the flagged line is no change of it. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
/** What a formatter changes without changing the code: skipped between tokens. */
const INSIGNIFICANT = new Set([' ', '\t', '\r', '\n', '\f', '\v', ';', ',']);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Reads a quoted string from `start` (its opening quote); returns its text, unescaped quotes, and where it ends. */
function readString(line, start) {
    const quote = line[start];
    let text = '';
    let i = start + 1;
    while (i < line.length && line[i] !== quote) {
        const c = line[i];
        if (c === '\\' && i + 1 < line.length) {
            const next = line[i + 1];
            // An escaped quote reads the same whichever quote the string uses.
            text += next === '"' || next === "'" || next === '`' ? next : `\\${next}`;
            i += 2;
        }
        else {
            text += c;
            i += 1;
        }
    }
    return { text, end: i + 1 };
}
/**
 * The flagged line as its tokens, without what formatting changes: whitespace and indentation,
 * semicolons and commas, the quote style of strings (`'x'` and `"x"` are one), quotes around an
 * object key that needs none, and in scripts the comments. The text inside strings, names and operators stay: an edit of those is an edit of the code.
 */
function normalizeSnippet(line, file) {
    const script = SCRIPT_FILE.test(file);
    let out = '';
    let i = 0;
    while (i < line.length) {
        const c = line[i];
        if (INSIGNIFICANT.has(c)) {
            i += 1;
        }
        else if (script && c === '/' && line[i + 1] === '/') {
            break;
        }
        else if (script && c === '/' && line[i + 1] === '*') {
            const close = line.indexOf('*/', i + 2);
            i = close === -1 ? line.length : close + 2;
        }
        else if (c === '"' || c === "'" || (script && c === '`')) {
            const { text, end } = readString(line, i);
            // One quote for '' and "": a template literal stays a template (its `${}` would read differently).
            // A quoted key that needs no quotes (`"password": 1`) reads as the bare key a formatter leaves.
            if (c !== '`' && IDENTIFIER.test(text) && line.slice(end).trimStart().startsWith(':'))
                out += text;
            else
                out += c === '`' ? `\`${text}\`` : JSON.stringify(text);
            i = end;
        }
        else {
            out += c;
            i += 1;
        }
    }
    return out;
}
/**
 * The flagged code: the line from the finding's column on, so what a formatter moves off the line
 * before it (`app.use(` left on the line above `session({`, `const x =` joined in front) changes
 * nothing. Without a column, or one past the code, the whole line.
 */
function flaggedCode(input) {
    const from = (input.column ?? 0) - 1;
    if (from <= 0)
        return input.code;
    const rest = input.code.slice(from);
    return rest.trim() === '' ? input.code : rest;
}
function hash(rule, file, snippet, occurrence) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${rule}\u0000${file}\u0000${snippet}\u0000${occurrence}`).digest('hex').slice(0, 32);
}
/**
 * Fingerprints for findings, in the order given: rule, file and the normalised flagged line, plus the
 * finding's rank among those equal in all three, counted from the top of the file (by line, then
 * column). Line numbers are left out, so lines shifting, code added above or changed elsewhere in the
 * file, and reformatting of the flagged line keep a fingerprint; two identical findings in one file
 * still get two.
 */
function computeFingerprints(inputs) {
    const keyed = inputs.map((input, index) => {
        const snippet = normalizeSnippet(flaggedCode(input), input.file);
        return { input, index, snippet, key: `${input.rule}\u0000${input.file}\u0000${snippet}` };
    });
    const groups = new Map();
    for (const k of keyed) {
        const group = groups.get(k.key);
        if (group)
            group.push(k);
        else
            groups.set(k.key, [k]);
    }
    const out = new Array(inputs.length);
    for (const group of groups.values()) {
        group.sort((a, b) => (a.input.line ?? 0) - (b.input.line ?? 0) || (a.input.column ?? 0) - (b.input.column ?? 0) || a.index - b.index);
        group.forEach((k, rank) => {
            out[k.index] = hash(k.input.rule, k.input.file, k.snippet, rank + 1);
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/findings/suppression-meta.ts
var suppression_meta = __webpack_require__(71579);
;// CONCATENATED MODULE: ./src/findings/policy.ts






const INLINE = /hardening-ignore\s+([a-z0-9-]+)(?:\s+--\s*(.*?))?\s*(?:\*\/.*)?$/;
/** `// hardening-ignore <rule> -- reason` on the finding's line or the line above. */
function inlineSuppression(lines, line, rule) {
    if (!lines || line === null)
        return undefined;
    for (const n of [line, line - 1]) {
        const match = lines[n - 1]?.match(INLINE);
        if (match && match[1] === rule)
            return { reason: (match[2] ?? '').trim(), line: n, column: (match.index ?? 0) + 1 };
    }
    return undefined;
}
/** Every config entry past its date, suppressions and audit allowlist alike, in config order. */
function findExpiredSuppressions(config, today) {
    const source = config.source ?? 'config';
    return [
        ...config.suppressions.flatMap((s) => s.expires && (0,config_file/* isExpired */._d)(s.expires, today) ? [{ source, rule: s.rule, ...(s.path ? { path: s.path } : {}), expires: s.expires }] : []),
        ...config.allow.flatMap((a) => (a.expires && (0,config_file/* isExpired */._d)(a.expires, today) ? [{ source, id: a.ghsa, expires: a.expires }] : []))
    ];
}
function missingReason(meta, file, inline) {
    return {
        file,
        line: inline.line,
        column: inline.column,
        messageId: 'no-reason',
        message: `\`hardening-ignore ${meta.id}\` has no reason, so ${meta.id} is still reported: write it as \`hardening-ignore ${meta.id} -- <why this is acceptable>\` or fix the gap`
    };
}
function capped(severity, cap) {
    return cap !== undefined && (0,common_severity/* severityRank */.qs)(cap) < (0,common_severity/* severityRank */.qs)(severity) ? cap : severity;
}
/**
 * Turns what rules reported into findings: severity overrides and `off` from the config, stable
 * fingerprints, config and inline suppressions. Done here, once, so no rule handles any of it.
 * An inline suppression without a reason does not suppress and is a finding itself
 * (suppression-without-reason), which goes through the same overrides and config suppressions.
 */
function applyPolicy(reported, config, today, lines) {
    const notes = [];
    const configSource = config.source ?? 'config';
    const expiredNoted = new Set();
    const matchers = config.suppressions.map((s) => (s.path ? picomatch_default()(s.path, { dot: true }) : () => true));
    const findings = [];
    const reasons = new Map();
    const withoutReason = new Map();
    const codes = [];
    const configSuppression = (rule, file) => {
        let suppression;
        config.suppressions.forEach((s, i) => {
            if (suppression || s.rule !== rule || !matchers[i]?.(file))
                return;
            if ((0,config_file/* isExpired */._d)(s.expires, today)) {
                if (!expiredNoted.has(i)) {
                    expiredNoted.add(i);
                    notes.push({
                        file: configSource,
                        message: `suppression of ${s.rule}${s.path ? ` for ${s.path}` : ''} expired on ${s.expires} and no longer applies: fix the finding or renew the entry`
                    });
                }
                return;
            }
            suppression = { source: 'config', reason: s.reason, ...(s.expires ? { expires: s.expires } : {}) };
        });
        return suppression;
    };
    const addFinding = (meta, finding, inlineAllowed) => {
        const override = config.severity.get(meta.id);
        if (override === 'off')
            return;
        const fileLines = lines(finding.file);
        codes.push(finding.line === null ? '' : (fileLines?.[finding.line - 1] ?? ''));
        let suppression = configSuppression(meta.id, finding.file);
        const inline = suppression || !inlineAllowed ? undefined : inlineSuppression(fileLines, finding.line, meta.id);
        if (inline && inline.reason === '') {
            withoutReason.set(`${finding.file}\u0000${inline.line}\u0000${meta.id}`, missingReason(meta, finding.file, inline));
        }
        else if (inline) {
            suppression = { source: 'inline', reason: inline.reason };
        }
        const made = {
            rule: meta.id,
            severity: override ?? capped(meta.severity, finding.severityCap),
            file: finding.file,
            line: finding.line,
            column: finding.line === null ? null : (finding.column ?? null),
            message: finding.message,
            // Set below, once every finding is known: equal ones are numbered from the top of the file.
            fingerprint: '',
            suppressed: suppression !== undefined,
            ...(suppression ? { suppression } : {})
        };
        findings.push(made);
        reasons.set(made, finding.messageId);
    };
    for (const { meta, finding } of reported)
        addFinding(meta, finding, true);
    // One finding per comment, however many findings it names; a comment about comments is not read.
    for (const finding of withoutReason.values())
        addFinding(suppression_meta/* SUPPRESSION_WITHOUT_REASON */.q, finding, false);
    const fingerprints = computeFingerprints(findings.map((f, i) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, code: codes[i] ?? '' })));
    findings.forEach((f, i) => {
        f.fingerprint = fingerprints[i] ?? '';
    });
    return { findings: findings.sort(finding/* compareFindings */.E), reasons, notes };
}


/***/ }),

/***/ 47936:
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
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/common/regular-file.ts
var regular_file = __webpack_require__(44368);
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
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
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
var lib = __webpack_require__(67823);
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


/***/ }),

/***/ 51208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ applyScanPolicy)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _findings_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10663);
// What the scan's rules report, as plain data a worker thread can send, and the central policy that
// turns it into the scan's result. The main thread needs only this; run.ts (the rules, the model, the
// parser) is loaded where the scan runs.



function uniqueNotes(notes) {
    const seen = new Set();
    return notes.filter((n) => {
        const key = `${n.file}\u0000${n.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** A scanned file's lines as the rules saw them (no BOM), for inline suppressions; undefined when it is not a readable file. */
function fileLines(root) {
    const cache = new Map();
    return (file) => {
        if (!cache.has(file)) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, file);
            try {
                cache.set(file, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isFile()
                    ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')
                        .replace(/^\uFEFF/, '')
                        .split(/\r?\n/)
                    : undefined);
            }
            catch {
                cache.set(file, undefined);
            }
        }
        return cache.get(file);
    };
}
/** The central policy over collected findings: severity overrides, suppressions (config and inline). */
function applyScanPolicy(collected, root, config, today) {
    const policy = (0,_findings_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .applyPolicy */ .V)(collected.reported, config, today, fileLines(root));
    return {
        findings: policy.findings,
        reasons: policy.reasons,
        notes: uniqueNotes([...collected.notes, ...policy.notes]),
        filesScanned: collected.filesScanned
    };
}


/***/ }),

/***/ 44223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IN: () => (/* binding */ auditSkipped),
/* harmony export */   gs: () => (/* binding */ parseAuditOutput),
/* harmony export */   nD: () => (/* binding */ withCounts),
/* harmony export */   q$: () => (/* binding */ auditError)
/* harmony export */ });
/* unused harmony export compareAdvisories */
/* harmony import */ var _common_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72778);

function auditError(error) {
    return { status: 'error', error, counts: (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .emptyCounts */ .W1)(), advisories: [] };
}
function auditSkipped(reason) {
    return { status: 'skipped', error: reason, counts: (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .emptyCounts */ .W1)(), advisories: [] };
}
/** npm's report is data from outside: a field of the wrong type is read as missing, never trusted. */
function stringOf(value) {
    return typeof value === 'string' ? value : undefined;
}
function recordOf(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function listOf(value) {
    return Array.isArray(value) ? value : [];
}
/** `isDirect` of a `vulnerabilities` entry, when it says. */
function directFlag(entry) {
    const direct = recordOf(entry)?.isDirect;
    return typeof direct === 'boolean' ? direct : undefined;
}
function firstLine(text) {
    return (String(text ?? '')
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .find((l) => l !== '') ?? '');
}
/** The app's direct dependencies from which `name` is reached, following npm's `effects` edges. */
function directParents(name, vulns) {
    const found = new Set();
    const seen = new Set([name]);
    const effectsOf = (pkg) => listOf(recordOf(vulns[pkg])?.effects).filter((e) => typeof e === 'string');
    const queue = effectsOf(name);
    while (queue.length > 0) {
        const next = queue.shift();
        if (seen.has(next))
            continue;
        seen.add(next);
        if (recordOf(vulns[next])?.isDirect === true)
            found.add(next);
        queue.push(...effectsOf(next));
    }
    return [...found].sort();
}
function ghsaId(url) {
    return url.match(/GHSA(-[0-9a-z]{4}){3}/i)?.[0].toUpperCase();
}
/**
 * Turns `npm audit --json` output (report version 2) into advisories and counts. Anything that is
 * not such a report is an error with npm's reason: a report that cannot be read never means "clean".
 */
function parseAuditOutput(stdout, exitCode, stderr = '') {
    let data;
    try {
        data = JSON.parse(stdout);
    }
    catch {
        const why = firstLine(stderr.replace(/^npm (ERR!|error)\s*/gm, '')) || (stdout.trim() === '' ? 'no output' : 'output is not JSON');
        return auditError(`npm audit printed no JSON report (exit ${exitCode ?? 'killed'}): ${why}`);
    }
    if (typeof data !== 'object' || data === null)
        return auditError('npm audit printed JSON that is not a report');
    const report = data;
    if (report.error !== undefined && report.error !== null) {
        if (!recordOf(report.error))
            return auditError(`npm audit failed: ${firstLine(stderr) || 'its error report is unreadable'}`);
        // An endpoint failure has empty summary and detail; npm's reason is then in `message` and on stderr.
        const code = stringOf(report.error.code) ? `${report.error.code}: ` : '';
        const said = firstLine(stderr.match(/^npm (?:ERR!|error) (.+)$/m)?.[1]);
        const why = firstLine(report.error.summary) ||
            firstLine(report.error.detail) ||
            [said, firstLine(report.message).slice(0, 300)].filter(Boolean).join(': ');
        return auditError(`${code}${why || 'npm audit failed'}`);
    }
    if (report.auditReportVersion !== 2 || !recordOf(report.vulnerabilities)) {
        return auditError(`npm audit printed an unsupported report (auditReportVersion ${String(report.auditReportVersion)}); use npm 7 or later`);
    }
    const vulns = report.vulnerabilities;
    const byKey = new Map();
    for (const [name, entry] of Object.entries(vulns)) {
        const vuln = recordOf(entry) ?? {};
        for (const item of listOf(vuln.via)) {
            const via = recordOf(item);
            if (!via)
                continue; // a string names another vulnerable package, whose own entry has the advisory
            const pkg = stringOf(via.name) ?? name;
            const severity = typeof via.severity === 'string' && (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .isSeverity */ ._Z)(via.severity) ? via.severity : 'low';
            const url = stringOf(via.url) ?? '';
            const source = via.source;
            const id = ghsaId(url) ?? (typeof source === 'number' || typeof source === 'string' ? String(source) : url);
            const key = `${id}\u0000${pkg}`;
            if (byKey.has(key))
                continue;
            const fixTarget = recordOf(vuln.fixAvailable);
            const fixName = stringOf(fixTarget?.name);
            const fix = fixName ? `${fixName}@${stringOf(fixTarget?.version) ?? ''}` : undefined;
            const direct = directFlag(vulns[pkg]) ?? directFlag(vuln) ?? false;
            byKey.set(key, {
                id,
                package: pkg,
                severity,
                title: stringOf(via.title) ?? '',
                url,
                range: stringOf(via.range) ?? '',
                fixAvailable: vuln.fixAvailable === true || fixTarget !== undefined,
                ...(fix ? { fix } : {}),
                direct,
                via: direct ? [] : directParents(pkg, vulns)
            });
        }
    }
    return withCounts({ status: 'ok', counts: (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .emptyCounts */ .W1)(), advisories: [...byKey.values()].sort(compareAdvisories) });
}
function compareAdvisories(a, b) {
    return (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(b.severity) - (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .severityRank */ .qs)(a.severity) || a.package.localeCompare(b.package) || a.id.localeCompare(b.id);
}
/** Recounts distinct advisories (by id) that are not allowed. */
function withCounts(result) {
    const counts = (0,_common_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .emptyCounts */ .W1)();
    const seen = new Set();
    for (const a of result.advisories) {
        if (a.allowed || seen.has(a.id))
            continue;
        seen.add(a.id);
        counts[a.severity] += 1;
    }
    return { ...result, counts };
}


/***/ }),

/***/ 50280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ runNpmAudit)
/* harmony export */ });
/* unused harmony export npmAuditArgs */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34635);
/* harmony import */ var _audit_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44223);


function npmAuditArgs(omitDev, packageLockOnly = false) {
    return ['audit', '--json', ...(packageLockOnly ? ['--package-lock-only'] : []), ...(omitDev ? ['--omit=dev'] : [])];
}
/** Runs the real `npm audit --json`; npm exits 1 when it finds vulnerabilities, so the JSON decides. */
async function runNpmAudit(exec, options) {
    const run = await exec('npm', npmAuditArgs(options.omitDev, options.packageLockOnly), {
        cwd: options.cwd,
        env: (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .npmEnv */ .Vm)(options.env),
        timeoutMs: options.timeoutMs
    });
    let result;
    if (run.spawnError) {
        result = (0,_audit_report_js__WEBPACK_IMPORTED_MODULE_1__/* .auditError */ .q$)(`npm could not be started: ${run.spawnError}`);
    }
    else if (run.timedOut) {
        result = (0,_audit_report_js__WEBPACK_IMPORTED_MODULE_1__/* .auditError */ .q$)(`npm audit did not finish within ${(0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(options.timeoutMs)} and was stopped: the registry's audit endpoint did not answer in time; check that it is reachable from the runner and rerun the job`);
    }
    else if (run.truncated) {
        result = (0,_audit_report_js__WEBPACK_IMPORTED_MODULE_1__/* .auditError */ .q$)(`npm audit printed more than ${_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_OUTPUT */ .R1 / 1024 / 1024} MiB, so its report was cut off and is not read`);
    }
    else {
        result = (0,_audit_report_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAuditOutput */ .gs)(run.stdout, run.code, run.stderr);
    }
    const step = { name: 'npm audit', status: result.status, ms: run.ms, ...(result.error ? { detail: result.error } : {}) };
    return { step, result };
}


/***/ })

};
