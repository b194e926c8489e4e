export const id = 906;
export const ids = [906];
export const modules = {

/***/ 9356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ isGitignored),
/* harmony export */   X: () => (/* binding */ gitignoreMatcher)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);



/**
 * A `.gitignore`'s plain patterns as a test of paths relative to its folder. Negations are left out
 * (they only ever make fewer files ignored, and the caller uses this to stay quiet), so the test
 * can say "ignored" where git would not only for patterns re-included with `!`.
 */
function gitignoreMatcher(text) {
    const tests = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
        .map((line) => {
        const pattern = line.replace(/\/+$/, '');
        const anchored = pattern.includes('/');
        let match;
        try {
            match = picomatch__WEBPACK_IMPORTED_MODULE_2___default()(pattern.replace(/^\//, ''), { dot: true });
        }
        catch {
            return () => false; // picomatch refuses patterns over 64 KiB: such a line ignores nothing
        }
        return (path) => (anchored ? match(path) : path.split('/').some((part) => match(part)));
    });
    return (path) => tests.some((test) => test(path));
}
function readOptional(path) {
    try {
        // A FIFO or device under that name would block the read forever.
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
            return undefined;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Whether the root `.gitignore` or one in the file's folder ignores a path of the scanned tree. */
function isGitignored(root, path) {
    const dirs = [...new Set(['.', node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(path)])];
    return dirs.some((dir) => {
        const text = readOptional((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, dir, '.gitignore'));
        const relative = dir === '.' ? path : path.slice(dir.length + 1);
        return text !== undefined && gitignoreMatcher(text)(relative);
    });
}


/***/ }),

/***/ 6791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ isComposeFileName),
/* harmony export */   Kb: () => (/* binding */ buildDockerfilePath),
/* harmony export */   g3: () => (/* binding */ parseCompose)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);



const COMPOSE_FILE = /^(?:docker-)?compose.*\.ya?ml$/;
/**
 * Aliases followed while reading one file. Anchors can refer to themselves (`<<: *self` inside
 * `&self`) or double at each level (a "billion laughs" list): past this many it is not a config.
 */
const MAX_ALIAS_EXPANSIONS = 10_000;
function isComposeFileName(name) {
    return COMPOSE_FILE.test(name);
}
class Reader {
    doc;
    lines;
    aliasesLeft = MAX_ALIAS_EXPANSIONS;
    targets;
    constructor(doc, lines) {
        this.doc = doc;
        this.lines = lines;
    }
    lineOf(node) {
        return node?.range ? this.lines.linePos(node.range[0]).line : 0;
    }
    resolve(node) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isAlias */ .Vj)(node))
            return node ?? null;
        this.aliasesLeft -= 1;
        if (this.aliasesLeft < 0)
            throw new Error(`more than ${MAX_ALIAS_EXPANSIONS} alias expansions (an anchor that refers to itself, or aliases that multiply)`);
        return this.aliasTargets().get(node) ?? null;
    }
    /** Each alias's anchored node, found in one pass (Alias.resolve searches the whole document on every call). */
    aliasTargets() {
        if (!this.targets) {
            const targets = new Map();
            const anchors = new Map();
            // As YAML resolves it: the last node with that anchor before the alias, in document order.
            (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .visit */ .YR)(this.doc, {
                Node: (_key, node) => {
                    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isAlias */ .Vj)(node))
                        targets.set(node, anchors.get(node.source) ?? null);
                    else if (node.anchor)
                        anchors.set(node.anchor, node);
                }
            });
            this.targets = targets;
        }
        return this.targets;
    }
    /** The entries of a mapping, with `<<: *anchor` merges expanded (explicit keys win). */
    entries(node) {
        const map = this.resolve(node);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(map))
            return [];
        const own = [];
        const merged = [];
        for (const pair of map.items) {
            const key = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
            if (key === '<<') {
                const sources = this.resolve(pair.value);
                for (const source of (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(sources) ? sources.items : [sources])
                    merged.push(...this.entries(source));
            }
            else {
                own.push({ key, value: this.resolve(pair.value), line: this.lineOf(pair.key) });
            }
        }
        const seen = new Set(own.map((e) => e.key));
        return [...own, ...merged.filter((e) => !seen.has(e.key) && seen.add(e.key))];
    }
    scalar(node) {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
    }
    /** `environment:` and `args:` in map form (`KEY: value`) or list form (`- KEY=value`). */
    keyValues(node) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node)) {
            return node.items.flatMap((item) => {
                const text = this.scalar(this.resolve(item));
                if (text === undefined)
                    return [];
                const eq = text.indexOf('=');
                const line = this.lineOf(item);
                return [eq < 0 ? { name: text.trim(), value: null, line } : { name: text.slice(0, eq).trim(), value: text.slice(eq + 1), line }];
            });
        }
        return this.entries(node).map((e) => ({ name: e.key, value: this.scalar(e.value) ?? null, line: e.line }));
    }
    list(node) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node))
            return node.items.flatMap((item) => this.list(this.resolve(item)));
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node))
            return this.list(this.entries(node).find((e) => e.key === 'path')?.value ?? null);
        const text = this.scalar(node);
        return text === undefined ? [] : [text];
    }
    build(node, line) {
        const short = this.scalar(node);
        if (short !== undefined)
            return { context: short, dockerfile: 'Dockerfile', line };
        const fields = new Map(this.entries(node).map((e) => [e.key, e.value]));
        if (fields.size === 0)
            return undefined;
        const dockerfile = fields.has('dockerfile_inline') ? undefined : (this.scalar(fields.get('dockerfile') ?? null) ?? 'Dockerfile');
        return { context: this.scalar(fields.get('context') ?? null) ?? '.', ...(dockerfile ? { dockerfile } : {}), line };
    }
    service(name, node, line) {
        const fields = new Map(this.entries(node).map((e) => [e.key, e]));
        const scalarField = (key) => {
            const entry = fields.get(key);
            const value = entry ? this.scalar(entry.value) : undefined;
            return entry && value !== undefined ? { value, line: entry.line } : undefined;
        };
        const build = fields.get('build');
        const buildModel = build ? this.build(build.value, build.line) : undefined;
        const privileged = scalarField('privileged');
        const image = scalarField('image');
        const user = scalarField('user');
        return {
            name,
            line,
            ...(image ? { image } : {}),
            ...(buildModel ? { build: buildModel } : {}),
            ...(user ? { user } : {}),
            ...(privileged ? { privileged: { value: privileged.value === 'true', line: privileged.line } } : {}),
            environment: this.keyValues(fields.get('environment')?.value ?? null),
            buildArgs: this.keyValues(this.entries(build?.value ?? null).find((e) => e.key === 'args')?.value ?? null),
            envFiles: this.list(fields.get('env_file')?.value ?? null)
        };
    }
}
/** The services of a Compose file with the lines of their keys; YAML errors give `ok: false`. */
function parseCompose(text) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: lines, uniqueKeys: false, merge: false, prettyErrors: false });
    if (doc.errors.length > 0)
        return { ok: false, error: doc.errors[0]?.message.split('\n')[0] ?? 'invalid YAML' };
    const reader = new Reader(doc, lines);
    try {
        const services = reader.entries(reader.entries(doc.contents).find((e) => e.key === 'services')?.value ?? null);
        return { ok: true, model: { services: services.map((s) => reader.service(s.key, s.value, s.line)) } };
    }
    catch (error) {
        // Too many aliases, or a stack overflow: an anchor merged into itself, or nesting deeper than the readers follow.
        if (error instanceof RangeError)
            return { ok: false, error: 'an anchor refers to itself, or the YAML nests too deeply to follow' };
        return { ok: false, error: (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrorFully */ .q)(error) };
    }
}
/** The Dockerfile a service builds, relative to the scan root; undefined for remote or inline builds. */
function buildDockerfilePath(composePath, build) {
    if (!build.dockerfile || /^[a-z]+:\/\/|^git@|\.git(?:#.*)?$/i.test(build.context) || build.dockerfile.startsWith('/'))
        return undefined;
    const path = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(composePath), build.context, build.dockerfile));
    return path.startsWith('../') ? undefined : path;
}


/***/ }),

/***/ 9674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IM: () => (/* binding */ MAX_EXPANDED_DIRECTIVES),
/* harmony export */   K5: () => (/* binding */ lastDirective),
/* harmony export */   LR: () => (/* binding */ MAX_BLOCK_DEPTH),
/* harmony export */   i2: () => (/* binding */ findDirectives),
/* harmony export */   wm: () => (/* binding */ ConfigSyntaxError)
/* harmony export */ });
/** Blocks nested deeper than this are no real config (nginx and Caddy configs nest a handful deep); the recursive readers stop there. */
const MAX_BLOCK_DEPTH = 100;
/** Includes and snippet imports may repeat: past this many directives an expansion is a bomb, not a config. */
const MAX_EXPANDED_DIRECTIVES = 100_000;
class ConfigSyntaxError extends Error {
    line;
    constructor(message, line) {
        super(`${message} on line ${line}`);
        this.line = line;
    }
}
/** Every directive named `name` inside `directives`, at any depth, in file order. */
function findDirectives(directives, name) {
    return directives.flatMap((d) => [...(d.name === name ? [d] : []), ...findDirectives(d.block ?? [], name)]);
}
/** The last directive named `name` directly in `directives` (later ones win in nginx and Caddy). */
function lastDirective(directives, name) {
    return directives.filter((d) => d.name === name).at(-1);
}


/***/ }),

/***/ 5830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BD: () => (/* binding */ finalStage),
  S2: () => (/* binding */ isDockerfileName),
  vp: () => (/* binding */ parentStage),
  Ai: () => (/* binding */ parseDockerfile),
  ap: () => (/* binding */ stageChain),
  V2: () => (/* binding */ substitute)
});

// UNUSED EXPORTS: DockerfileSyntaxError

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(8390);
// EXTERNAL MODULE: ./src/parse/shell.ts
var parse_shell = __webpack_require__(1969);
;// CONCATENATED MODULE: ./src/parse/dockerfile-commands.ts


const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const RUNS_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
function isShell(word) {
    return word !== undefined && SHELLS.has(word.split('/').at(-1) ?? word);
}
/** `["npm", "ci"]`: the exec form, or undefined when the text is not a JSON array of strings. */
function execForm(args) {
    if (!args.trim().startsWith('['))
        return undefined;
    try {
        const value = JSON.parse(args);
        return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** `sh -c "script"` is read as the script it runs (on the line of the `sh`). */
function expandShellC(commands) {
    return commands.flatMap((command) => {
        const [shell, flag, script] = command.words;
        if (!isShell(shell) || flag !== '-c' || script === undefined)
            return [command];
        return (0,parse_shell/* parseShellScript */.N)(script).map((inner) => ({ ...inner, line: command.line }));
    });
}
/**
 * Docker drops comment and blank lines inside a continued instruction; a lone escape keeps the
 * shell reader's line count right without them.
 */
function shellText(raw, escape) {
    const lines = raw.replace(/\r\n?/g, '\n').split('\n');
    const kept = lines.map((line, i) => (i > 0 && (line.trim() === '' || line.trimStart().startsWith('#')) ? '\\' : line));
    const text = kept.join('\n');
    return escape === '\\' ? text : text.split(`${escape}\n`).join('\\\n');
}
function heredocsOf(instruction, lines) {
    if (!(instruction instanceof main.Run || instruction instanceof main.Copy))
        return [];
    return instruction.getHeredocs().flatMap((heredoc) => {
        const content = heredoc.getContentRange();
        if (!content)
            return [];
        const body = lines.slice(content.start.line, content.end.line + 1).join('\n');
        return [{ name: heredoc.getName(), body, line: content.start.line + 1 }];
    });
}
/** Reads the arguments of an instruction, and for RUN/CMD/ENTRYPOINT the commands they run. */
function readInstructionText(instruction, lines, escape) {
    const keyword = instruction.getKeyword().toUpperCase();
    const heredocs = heredocsOf(instruction, lines);
    const argsStart = (instruction.getArgumentsRange()?.start.line ?? instruction.getRange().start.line) + 1;
    const raw = instruction.getRawArgumentsContent() ?? '';
    const firstBody = heredocs[0]?.line;
    const opening = firstBody === undefined
        ? raw
        : raw
            .split(/\r?\n/)
            .slice(0, firstBody - argsStart)
            .join('\n');
    const args = firstBody === undefined ? (instruction.getArgumentsContent() ?? '') : opening.trim();
    if (!RUNS_COMMANDS.has(keyword))
        return { args, heredocs, commands: [] };
    const exec = execForm(args);
    if (exec)
        return { args, heredocs, commands: expandShellC([{ assignments: [], words: exec, line: argsStart }]) };
    const commands = expandShellC((0,parse_shell/* parseShellScript */.N)(shellText(opening, escape), argsStart));
    const opener = commands[0]?.words;
    if (keyword === 'RUN' && heredocs.length > 0 && (opener === undefined || isShell(opener[0]))) {
        for (const heredoc of heredocs)
            commands.push(...(0,parse_shell/* parseShellScript */.N)(heredoc.body, heredoc.line));
    }
    return { args, heredocs, commands };
}

;// CONCATENATED MODULE: ./src/parse/dockerfile.ts


/** Names that start like a Dockerfile but are code, data or docs about one: `dockerfile-lint.js`, `Dockerfile.md`. */
const NOT_DOCKERFILE = /\.(?:[cm]?[jt]sx?|json|ya?ml|toml|md|txt|sh|py|rb|go|lock)$/i;
/** `Dockerfile`, `dockerfile`, `Dockerfile.prod`, `Dockerfile-dev`, `api.Dockerfile`, `prod.dockerfile`, in any case. */
function isDockerfileName(name) {
    return /\.dockerfile$/i.test(name) || (/^dockerfile(?:[.-]|$)/i.test(name) && !NOT_DOCKERFILE.test(name));
}
/** The file is not a Dockerfile Docker would build; it is skipped with a note. */
class DockerfileSyntaxError extends Error {
}
const KEYWORDS = new Set([
    'FROM',
    'RUN',
    'CMD',
    'LABEL',
    'MAINTAINER',
    'EXPOSE',
    'ENV',
    'ADD',
    'COPY',
    'ENTRYPOINT',
    'VOLUME',
    'USER',
    'WORKDIR',
    'ARG',
    'ONBUILD',
    'STOPSIGNAL',
    'HEALTHCHECK',
    'SHELL'
]);
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
/**
 * `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR-default}` as Docker expands them. With
 * `missing`, a variable without value or default is left as written and reported there.
 */
function substitute(text, vars, missing) {
    return text.replace(VARIABLE, (whole, braced, colon, op, word, bare) => {
        const name = braced ?? bare ?? '';
        const value = vars.get(name);
        const empty = value === undefined || (colon === ':' && value === '');
        if (op === '-')
            return empty ? (word ?? '') : value;
        if (op === '+')
            return empty ? '' : (word ?? '');
        if (value === undefined && missing) {
            missing.push(name);
            return whole;
        }
        return value ?? '';
    });
}
function lineOf(instruction) {
    return instruction.getRange().start.line + 1;
}
function variablesOf(instruction) {
    if (!(instruction instanceof main.Arg || instruction instanceof main.Env))
        return [];
    const properties = instruction instanceof main.Arg ? [instruction.getProperty()] : instruction.getProperties();
    return properties.flatMap((p) => (p ? [{ name: p.getName(), value: p.getValue(), line: p.getRange().start.line + 1 }] : []));
}
function flagsOf(instruction) {
    const withFlags = instruction;
    return (withFlags.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue() }));
}
function readInstruction(instruction, lines, escape) {
    const keyword = instruction.getKeyword().toUpperCase();
    const line = lineOf(instruction);
    if (!KEYWORDS.has(keyword))
        throw new DockerfileSyntaxError(`line ${line}: unknown instruction ${keyword}`);
    const { args, heredocs, commands } = readInstructionText(instruction, lines, escape);
    return { keyword, args, line, flags: flagsOf(instruction), variables: variablesOf(instruction), commands, heredocs };
}
/** ARG and ENV update the variables later instructions see; ENV also the stage's environment. */
function declare(instruction, vars, globals, env) {
    for (const { name, value: raw, line } of instruction.variables) {
        // `ARG NAME` without a value re-declares a global build argument inside a stage.
        const value = raw === null ? (globals.get(name) ?? vars.get(name)) : substitute(raw, vars);
        if (value === undefined)
            continue;
        vars.set(name, value);
        if (instruction.keyword === 'ENV')
            env?.set(name, { value, line });
    }
}
function startStage(instruction, line, stages, globals) {
    const written = instruction.getImage();
    if (!written)
        throw new DockerfileSyntaxError(`line ${line}: FROM without an image`);
    const missing = [];
    const image = substitute(written, globals, missing);
    const name = instruction.getBuildStage()?.toLowerCase();
    const parent = [...stages].reverse().find((s) => s.name === image.toLowerCase());
    return {
        index: stages.length,
        ...(name ? { name } : {}),
        image,
        imageKnown: missing.length === 0,
        fromLine: line,
        instructions: [],
        env: new Map(parent?.env ?? [])
    };
}
/**
 * Stages, instructions, users, environments and substituted images of a Dockerfile, read from
 * dockerfile-ast's parse. Throws DockerfileSyntaxError for a file Docker would refuse to build.
 */
function parseDockerfile(text) {
    if (text.includes('\u0000'))
        throw new DockerfileSyntaxError('binary content, not a Dockerfile');
    const dockerfile = main.DockerfileParser.parse(text);
    const escape = dockerfile.getEscapeCharacter();
    const lines = text.split(/\r?\n/);
    const directives = new Map(dockerfile.getDirectives().map((d) => [d.getName().toLowerCase(), d.getValue()]));
    const globals = new Map();
    const globalArgs = [];
    const stages = [];
    let vars = globals;
    let current;
    for (const instruction of dockerfile.getInstructions()) {
        const read = readInstruction(instruction, lines, escape);
        if (instruction instanceof main.From) {
            current = startStage(instruction, read.line, stages, globals);
            stages.push(current);
            vars = new Map([...current.env].map(([k, v]) => [k, v.value]));
            continue;
        }
        if (!current && read.keyword !== 'ARG') {
            throw new DockerfileSyntaxError(`line ${read.line}: ${read.keyword} before the first FROM (only ARG may come first)`);
        }
        declare(read, vars, globals, current?.env);
        if (!current) {
            globalArgs.push(read);
            continue;
        }
        if (read.keyword === 'RUN')
            read.vars = new Map(vars);
        current.instructions.push(read);
        if (read.keyword === 'USER')
            current.user = { value: substitute(read.args.trim(), vars), line: read.line };
    }
    return { stages, globalArgs, directives };
}
/** The stage an image name refers to, when it names an earlier stage rather than an image. */
function parentStage(model, stage) {
    const ref = stage.image.toLowerCase();
    return model.stages
        .slice(0, stage.index)
        .reverse()
        .find((s) => s.name === ref);
}
/** The stage, the earlier stage it is built FROM, and so on up to the stage that names an image. */
function stageChain(model, stage) {
    const parent = parentStage(model, stage);
    return parent ? [stage, ...stageChain(model, parent)] : [stage];
}
/** The stage that runs: the last one (a `--target` build may pick another, which a scan cannot know). */
function finalStage(model) {
    return model.stages.at(-1);
}


/***/ }),

/***/ 9309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ isIgnored),
/* harmony export */   y: () => (/* binding */ parseDockerignore)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);

/** The patterns of a `.dockerignore`, in order; comments and blank lines dropped. */
function parseDockerignore(text) {
    return text.split(/\r?\n/).flatMap((raw, i) => {
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return [];
        const exception = trimmed.startsWith('!');
        const pattern = (exception ? trimmed.slice(1).trim() : trimmed).replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '');
        return pattern === '' ? [] : [{ pattern, exception, line: i + 1 }];
    });
}
/** The path and each folder above it: excluding a folder excludes what is inside. */
function pathAndParents(path) {
    const parts = path.split('/');
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
/**
 * Whether the build context leaves `path` (relative to the context) out, as Docker decides it:
 * patterns match from the context root (`**` for any depth), a match on a folder covers its
 * contents, and the last matching pattern wins, so a later `!pattern` re-includes.
 */
function isIgnored(patterns, path) {
    const candidates = pathAndParents(path);
    let ignored = false;
    for (const { pattern, exception } of patterns) {
        let matches;
        try {
            matches = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(pattern, { dot: true });
        }
        catch {
            continue; // picomatch refuses patterns over 64 KiB: Docker would not match anything with one either
        }
        if (candidates.some((candidate) => matches(candidate)))
            ignored = !exception;
    }
    return ignored;
}


/***/ }),

/***/ 1909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xh: () => (/* binding */ isEnvFileName),
/* harmony export */   dg: () => (/* binding */ isEnvTemplateName),
/* harmony export */   qd: () => (/* binding */ parseDotenv)
/* harmony export */ });
/** Templates meant to be committed: `.env.example`, `.env.sample`, `.env.default`, `.env.dist`, `example.env`. */
const TEMPLATE = /(?:^|[.-])(?:example|sample|template|tmpl|tpl|dist|defaults?)(?:[.-]|$)/i;
/**
 * `.env`, `.env.production`, `prod.env`; not `.envrc` (direnv), `.environment`, or a REUSE licence
 * sidecar (`.env.license` holds the licence of `.env`, not variables).
 */
function isEnvFileName(name) {
    return (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) && !/\.license$/i.test(name);
}
/** An env file that documents the variables rather than setting them: `.env.example`, `.env.default`, `sample.env`. */
function isEnvTemplateName(name) {
    return TEMPLATE.test(name.replace(/^\.env/, ''));
}
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$/;
function readValue(raw) {
    const quoted = /^(["'`])([\s\S]*?)\1/.exec(raw);
    if (quoted)
        return quoted[2] ?? '';
    // A search, not `/\s+#.*$/`: that backtracks over every run of spaces, quadratic on a long line.
    const comment = raw.search(/\s#/);
    return (comment < 0 ? raw : raw.slice(0, comment)).trim();
}
/**
 * Reads `KEY=value` lines as dotenv does: `export` prefixes, quotes, `#` comments (whole-line, or
 * after a space in an unquoted value). Multi-line quoted values keep only their first line, which
 * is enough to tell a value from an empty one. Never throws.
 */
function parseDotenv(text) {
    const entries = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        if (/^\s*(?:#|$)/.test(raw))
            return;
        const match = ASSIGNMENT.exec(raw);
        if (!match?.[1])
            return;
        entries.push({ key: match[1], value: readValue((match[2] ?? '').trim()), line: index + 1 });
    });
    return entries;
}


/***/ }),

/***/ 4286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xs: () => (/* reexport */ script_name/* isScriptName */.x),
  o3: () => (/* binding */ looksMinified),
  pL: () => (/* binding */ parseJavaScript),
  GG: () => (/* binding */ walk)
});

// EXTERNAL MODULE: ./node_modules/@babel/parser/lib/index.js
var lib = __webpack_require__(5429);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
;// CONCATENATED MODULE: ./src/parse/visitor-keys.generated.ts
// Generated by scripts/gen-visitor-keys.mjs from @babel/types 7.29.15; do not edit. `npm run bundle` rewrites it.
/** The keys of each node type that hold child nodes, in source order. */
const VISITOR_KEYS = {
    AnyTypeAnnotation: [],
    ArgumentPlaceholder: [],
    ArrayExpression: ['elements'],
    ArrayPattern: ['elements', 'typeAnnotation'],
    ArrayTypeAnnotation: ['elementType'],
    ArrowFunctionExpression: ['typeParameters', 'params', 'predicate', 'returnType', 'body'],
    AssignmentExpression: ['left', 'right'],
    AssignmentPattern: ['left', 'right', 'decorators'],
    AwaitExpression: ['argument'],
    BigIntLiteral: [],
    BinaryExpression: ['left', 'right'],
    BindExpression: ['object', 'callee'],
    BlockStatement: ['directives', 'body'],
    BooleanLiteral: [],
    BooleanLiteralTypeAnnotation: [],
    BooleanTypeAnnotation: [],
    BreakStatement: ['label'],
    CallExpression: ['callee', 'typeParameters', 'typeArguments', 'arguments'],
    CatchClause: ['param', 'body'],
    ClassAccessorProperty: ['decorators', 'key', 'typeAnnotation', 'value'],
    ClassBody: ['body'],
    ClassDeclaration: ['decorators', 'id', 'typeParameters', 'superClass', 'superTypeParameters', 'mixins', 'implements', 'body'],
    ClassExpression: ['decorators', 'id', 'typeParameters', 'superClass', 'superTypeParameters', 'mixins', 'implements', 'body'],
    ClassImplements: ['id', 'typeParameters'],
    ClassMethod: ['decorators', 'key', 'typeParameters', 'params', 'returnType', 'body'],
    ClassPrivateMethod: ['decorators', 'key', 'typeParameters', 'params', 'returnType', 'body'],
    ClassPrivateProperty: ['decorators', 'variance', 'key', 'typeAnnotation', 'value'],
    ClassProperty: ['decorators', 'variance', 'key', 'typeAnnotation', 'value'],
    ConditionalExpression: ['test', 'consequent', 'alternate'],
    ContinueStatement: ['label'],
    DebuggerStatement: [],
    DecimalLiteral: [],
    DeclareClass: ['id', 'typeParameters', 'extends', 'mixins', 'implements', 'body'],
    DeclareExportAllDeclaration: ['source', 'attributes'],
    DeclareExportDeclaration: ['declaration', 'specifiers', 'source', 'attributes'],
    DeclareFunction: ['id', 'predicate'],
    DeclareInterface: ['id', 'typeParameters', 'extends', 'body'],
    DeclareModule: ['id', 'body'],
    DeclareModuleExports: ['typeAnnotation'],
    DeclareOpaqueType: ['id', 'typeParameters', 'supertype'],
    DeclareTypeAlias: ['id', 'typeParameters', 'right'],
    DeclareVariable: ['id'],
    DeclaredPredicate: ['value'],
    Decorator: ['expression'],
    Directive: ['value'],
    DirectiveLiteral: [],
    DoExpression: ['body'],
    DoWhileStatement: ['body', 'test'],
    EmptyStatement: [],
    EmptyTypeAnnotation: [],
    EnumBooleanBody: ['members'],
    EnumBooleanMember: ['id', 'init'],
    EnumDeclaration: ['id', 'body'],
    EnumDefaultedMember: ['id'],
    EnumNumberBody: ['members'],
    EnumNumberMember: ['id', 'init'],
    EnumStringBody: ['members'],
    EnumStringMember: ['id', 'init'],
    EnumSymbolBody: ['members'],
    ExistsTypeAnnotation: [],
    ExportAllDeclaration: ['source', 'attributes', 'assertions'],
    ExportDefaultDeclaration: ['declaration'],
    ExportDefaultSpecifier: ['exported'],
    ExportNamedDeclaration: ['declaration', 'specifiers', 'source', 'attributes', 'assertions'],
    ExportNamespaceSpecifier: ['exported'],
    ExportSpecifier: ['local', 'exported'],
    ExpressionStatement: ['expression'],
    File: ['program'],
    ForInStatement: ['left', 'right', 'body'],
    ForOfStatement: ['left', 'right', 'body'],
    ForStatement: ['init', 'test', 'update', 'body'],
    FunctionDeclaration: ['id', 'typeParameters', 'params', 'predicate', 'returnType', 'body'],
    FunctionExpression: ['id', 'typeParameters', 'params', 'predicate', 'returnType', 'body'],
    FunctionTypeAnnotation: ['typeParameters', 'this', 'params', 'rest', 'returnType'],
    FunctionTypeParam: ['name', 'typeAnnotation'],
    GenericTypeAnnotation: ['id', 'typeParameters'],
    Identifier: ['typeAnnotation', 'decorators'],
    IfStatement: ['test', 'consequent', 'alternate'],
    Import: [],
    ImportAttribute: ['key', 'value'],
    ImportDeclaration: ['specifiers', 'source', 'attributes', 'assertions'],
    ImportDefaultSpecifier: ['local'],
    ImportExpression: ['source', 'options'],
    ImportNamespaceSpecifier: ['local'],
    ImportSpecifier: ['imported', 'local'],
    IndexedAccessType: ['objectType', 'indexType'],
    InferredPredicate: [],
    InterfaceDeclaration: ['id', 'typeParameters', 'extends', 'body'],
    InterfaceExtends: ['id', 'typeParameters'],
    InterfaceTypeAnnotation: ['extends', 'body'],
    InterpreterDirective: [],
    IntersectionTypeAnnotation: ['types'],
    JSXAttribute: ['name', 'value'],
    JSXClosingElement: ['name'],
    JSXClosingFragment: [],
    JSXElement: ['openingElement', 'children', 'closingElement'],
    JSXEmptyExpression: [],
    JSXExpressionContainer: ['expression'],
    JSXFragment: ['openingFragment', 'children', 'closingFragment'],
    JSXIdentifier: [],
    JSXMemberExpression: ['object', 'property'],
    JSXNamespacedName: ['namespace', 'name'],
    JSXOpeningElement: ['name', 'typeParameters', 'typeArguments', 'attributes'],
    JSXOpeningFragment: [],
    JSXSpreadAttribute: ['argument'],
    JSXSpreadChild: ['expression'],
    JSXText: [],
    LabeledStatement: ['label', 'body'],
    LogicalExpression: ['left', 'right'],
    MemberExpression: ['object', 'property'],
    MetaProperty: ['meta', 'property'],
    MixedTypeAnnotation: [],
    ModuleExpression: ['body'],
    NewExpression: ['callee', 'typeParameters', 'typeArguments', 'arguments'],
    Noop: [],
    NullLiteral: [],
    NullLiteralTypeAnnotation: [],
    NullableTypeAnnotation: ['typeAnnotation'],
    NumberLiteralTypeAnnotation: [],
    NumberTypeAnnotation: [],
    NumericLiteral: [],
    ObjectExpression: ['properties'],
    ObjectMethod: ['decorators', 'key', 'typeParameters', 'params', 'returnType', 'body'],
    ObjectPattern: ['decorators', 'properties', 'typeAnnotation'],
    ObjectProperty: ['decorators', 'key', 'value'],
    ObjectTypeAnnotation: ['properties', 'indexers', 'callProperties', 'internalSlots'],
    ObjectTypeCallProperty: ['value'],
    ObjectTypeIndexer: ['variance', 'id', 'key', 'value'],
    ObjectTypeInternalSlot: ['id', 'value'],
    ObjectTypeProperty: ['key', 'value', 'variance'],
    ObjectTypeSpreadProperty: ['argument'],
    OpaqueType: ['id', 'typeParameters', 'supertype', 'impltype'],
    OptionalCallExpression: ['callee', 'typeParameters', 'typeArguments', 'arguments'],
    OptionalIndexedAccessType: ['objectType', 'indexType'],
    OptionalMemberExpression: ['object', 'property'],
    ParenthesizedExpression: ['expression'],
    PipelineBareFunction: ['callee'],
    PipelinePrimaryTopicReference: [],
    PipelineTopicExpression: ['expression'],
    Placeholder: [],
    PrivateName: ['id'],
    Program: ['directives', 'body'],
    QualifiedTypeIdentifier: ['qualification', 'id'],
    RecordExpression: ['properties'],
    RegExpLiteral: [],
    RestElement: ['argument', 'typeAnnotation'],
    ReturnStatement: ['argument'],
    SequenceExpression: ['expressions'],
    SpreadElement: ['argument'],
    StaticBlock: ['body'],
    StringLiteral: [],
    StringLiteralTypeAnnotation: [],
    StringTypeAnnotation: [],
    Super: [],
    SwitchCase: ['test', 'consequent'],
    SwitchStatement: ['discriminant', 'cases'],
    SymbolTypeAnnotation: [],
    TSAnyKeyword: [],
    TSArrayType: ['elementType'],
    TSAsExpression: ['expression', 'typeAnnotation'],
    TSBigIntKeyword: [],
    TSBooleanKeyword: [],
    TSCallSignatureDeclaration: ['typeParameters', 'parameters', 'typeAnnotation'],
    TSConditionalType: ['checkType', 'extendsType', 'trueType', 'falseType'],
    TSConstructSignatureDeclaration: ['typeParameters', 'parameters', 'typeAnnotation'],
    TSConstructorType: ['typeParameters', 'parameters', 'typeAnnotation'],
    TSDeclareFunction: ['id', 'typeParameters', 'params', 'returnType'],
    TSDeclareMethod: ['decorators', 'key', 'typeParameters', 'params', 'returnType'],
    TSEnumBody: ['members'],
    TSEnumDeclaration: ['id', 'members'],
    TSEnumMember: ['id', 'initializer'],
    TSExportAssignment: ['expression'],
    TSExpressionWithTypeArguments: ['expression', 'typeParameters'],
    TSExternalModuleReference: ['expression'],
    TSFunctionType: ['typeParameters', 'parameters', 'typeAnnotation'],
    TSImportEqualsDeclaration: ['id', 'moduleReference'],
    TSImportType: ['argument', 'options', 'qualifier', 'typeParameters'],
    TSIndexSignature: ['parameters', 'typeAnnotation'],
    TSIndexedAccessType: ['objectType', 'indexType'],
    TSInferType: ['typeParameter'],
    TSInstantiationExpression: ['expression', 'typeParameters'],
    TSInterfaceBody: ['body'],
    TSInterfaceDeclaration: ['id', 'typeParameters', 'extends', 'body'],
    TSIntersectionType: ['types'],
    TSIntrinsicKeyword: [],
    TSLiteralType: ['literal'],
    TSMappedType: ['typeParameter', 'nameType', 'typeAnnotation'],
    TSMethodSignature: ['key', 'typeParameters', 'parameters', 'typeAnnotation'],
    TSModuleBlock: ['body'],
    TSModuleDeclaration: ['id', 'body'],
    TSNamedTupleMember: ['label', 'elementType'],
    TSNamespaceExportDeclaration: ['id'],
    TSNeverKeyword: [],
    TSNonNullExpression: ['expression'],
    TSNullKeyword: [],
    TSNumberKeyword: [],
    TSObjectKeyword: [],
    TSOptionalType: ['typeAnnotation'],
    TSParameterProperty: ['decorators', 'parameter'],
    TSParenthesizedType: ['typeAnnotation'],
    TSPropertySignature: ['key', 'typeAnnotation'],
    TSQualifiedName: ['left', 'right'],
    TSRestType: ['typeAnnotation'],
    TSSatisfiesExpression: ['expression', 'typeAnnotation'],
    TSStringKeyword: [],
    TSSymbolKeyword: [],
    TSTemplateLiteralType: ['quasis', 'types'],
    TSThisType: [],
    TSTupleType: ['elementTypes'],
    TSTypeAliasDeclaration: ['id', 'typeParameters', 'typeAnnotation'],
    TSTypeAnnotation: ['typeAnnotation'],
    TSTypeAssertion: ['typeAnnotation', 'expression'],
    TSTypeLiteral: ['members'],
    TSTypeOperator: ['typeAnnotation'],
    TSTypeParameter: ['constraint', 'default'],
    TSTypeParameterDeclaration: ['params'],
    TSTypeParameterInstantiation: ['params'],
    TSTypePredicate: ['parameterName', 'typeAnnotation'],
    TSTypeQuery: ['exprName', 'typeParameters'],
    TSTypeReference: ['typeName', 'typeParameters'],
    TSUndefinedKeyword: [],
    TSUnionType: ['types'],
    TSUnknownKeyword: [],
    TSVoidKeyword: [],
    TaggedTemplateExpression: ['tag', 'typeParameters', 'quasi'],
    TemplateElement: [],
    TemplateLiteral: ['quasis', 'expressions'],
    ThisExpression: [],
    ThisTypeAnnotation: [],
    ThrowStatement: ['argument'],
    TopicReference: [],
    TryStatement: ['block', 'handler', 'finalizer'],
    TupleExpression: ['elements'],
    TupleTypeAnnotation: ['types'],
    TypeAlias: ['id', 'typeParameters', 'right'],
    TypeAnnotation: ['typeAnnotation'],
    TypeCastExpression: ['expression', 'typeAnnotation'],
    TypeParameter: ['bound', 'default', 'variance'],
    TypeParameterDeclaration: ['params'],
    TypeParameterInstantiation: ['params'],
    TypeofTypeAnnotation: ['argument'],
    UnaryExpression: ['argument'],
    UnionTypeAnnotation: ['types'],
    UpdateExpression: ['argument'],
    V8IntrinsicIdentifier: [],
    VariableDeclaration: ['declarations'],
    VariableDeclarator: ['id', 'init'],
    Variance: [],
    VoidPattern: [],
    VoidTypeAnnotation: [],
    WhileStatement: ['test', 'body'],
    WithStatement: ['object', 'body'],
    YieldExpression: ['argument']
};

// EXTERNAL MODULE: ./src/parse/script-name.ts
var script_name = __webpack_require__(1322);
;// CONCATENATED MODULE: ./src/parse/javascript.ts



// In a module of its own, so that what only looks at names does not load the parser.

const BASE_OPTIONS = {
    sourceType: 'unambiguous',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
    allowNewTargetOutsideFunction: true,
    allowSuperOutsideMethod: true,
    errorRecovery: true,
    createParenthesizedExpressions: false,
    attachComment: false,
    ranges: false,
    tokens: false
};
/** One plugin set for every file is fastest (measured); other sets are only retries. */
const PLUGIN_SETS = [
    ['typescript', 'jsx', 'decorators-legacy'],
    ['typescript', 'decorators-legacy'], // `.ts` files with old-style `<T>value` casts
    ['jsx', 'flow', 'decorators-legacy'] // JavaScript that the TypeScript grammar rejects
];
/** Parses JS/TS/JSX source with @babel/parser; never throws. */
function parseJavaScript(text) {
    let firstError = '';
    for (const plugins of PLUGIN_SETS) {
        try {
            const ast = (0,lib/* parse */.qg)(text, { ...BASE_OPTIONS, plugins });
            return { ok: true, ast };
        }
        catch (error) {
            if (firstError === '')
                firstError = (0,errors/* describeErrorFully */.q)(error);
        }
    }
    return { ok: false, error: firstError };
}
/** Minified or generated code is not the app's source: long lines and few of them. */
function looksMinified(text) {
    if (text.length < 4096)
        return false;
    let lines = 1;
    let longest = 0;
    let start = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
        lines += 1;
        longest = Math.max(longest, i - start);
        start = i + 1;
    }
    longest = Math.max(longest, text.length - start);
    return longest > 1000 && text.length / lines > 200;
}
/** Keys that never hold child nodes, for node types the generated table does not know. */
function isChildKey(key) {
    return key !== 'loc' && key !== 'start' && key !== 'end' && key !== 'extra' && key !== 'comments' && !key.endsWith('Comments');
}
/** A node's children in order: the keys @babel/types lists for its type, every property otherwise. */
function pushChildren(node, stack) {
    const record = node;
    const keys = VISITOR_KEYS[node.type] ?? Object.keys(record).filter(isChildKey);
    // Pushed last-first, so that they pop first-first.
    for (let k = keys.length - 1; k >= 0; k -= 1) {
        const value = record[keys[k]];
        if (Array.isArray(value)) {
            for (let i = value.length - 1; i >= 0; i -= 1) {
                const item = value[i];
                if (isNode(item))
                    stack.push(item, node);
            }
        }
        else if (isNode(value)) {
            stack.push(value, node);
        }
    }
}
/**
 * Visits every node depth-first, parents before children. A plain walk over each node's child keys:
 * @babel/traverse costs several times the parse, and the rules need no scope tracking from it.
 */
function walk(root, visit) {
    // Pairs of [node, parent], flattened: no array per visited node.
    const stack = [root, undefined];
    while (stack.length > 0) {
        const parent = stack.pop();
        const node = stack.pop();
        visit(node, parent);
        pushChildren(node, stack);
    }
}
function isNode(value) {
    return typeof value === 'object' && value !== null && typeof value.type === 'string';
}


/***/ }),

/***/ 421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ud: () => (/* binding */ expandIncludes),
/* harmony export */   yS: () => (/* binding */ folderOf)
/* harmony export */ });
/* unused harmony export includedPaths */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _directive_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9674);


/** Where nginx looks for a relative include: its prefix, in the image or package layout. */
const CONF_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/homebrew/etc/nginx/'];
const MAX_DEPTH = 10;
/** The folder of a repository path with `/` separators; `''` for the root. */
function folderOf(path) {
    return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}
/** `*` matches within one path segment and, as in glob(3), not a leading dot: `conf.d/.off.conf` is disabled. */
function globToRegExp(glob) {
    let body = '';
    for (const [i, part] of glob.split('*').entries()) {
        if (i > 0)
            body += body === '' || body.endsWith('/') ? '(?!\\.)[^/]*' : '[^/]*';
        body += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${body}$`);
}
/**
 * The repository files an `include` names. nginx resolves a relative path against its prefix (the
 * folder of nginx.conf), so the path is tried against the including file's folder and then each
 * folder above it; the first folder with matches wins. Absolute paths into the usual prefixes
 * (`/etc/nginx/conf.d/*.conf`) are read as relative to it; other absolute paths are outside the repository.
 */
function includedPaths(pattern, from, paths) {
    const prefix = CONF_PREFIXES.find((p) => pattern.startsWith(p));
    const relative = prefix ? pattern.slice(prefix.length) : pattern;
    if (relative.startsWith('/'))
        return [];
    for (let folder = folderOf(from);; folder = folderOf(folder)) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(folder, relative);
        const re = globToRegExp(target);
        const matches = target.startsWith('../') ? [] : paths.filter((p) => re.test(p)).sort();
        if (matches.length > 0 || folder === '')
            return matches;
    }
}
function tag(directives, file) {
    return directives.map((d) => ({ ...d, file: d.file ?? file, ...(d.block ? { block: tag(d.block, file) } : {}) }));
}
/**
 * Replaces each `include` whose files are in the repository by their directives (marked with the
 * file they come from), recursively; an include of files outside the repository stays as it is.
 * Throws ConfigSyntaxError when the expansion passes `budget` directives (files that include each
 * other many times over multiply); the budget may be shared by several configs.
 */
function expandIncludes(path, fragments, budget = { left: _directive_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_EXPANDED_DIRECTIVES */ .IM }) {
    const included = new Set();
    const paths = [...fragments.keys()];
    const expand = (directives, from, chain) => directives.flatMap((d) => {
        budget.left -= 1;
        if (budget.left < 0)
            throw new _directive_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigSyntaxError */ .wm(`includes expand to more than ${_directive_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_EXPANDED_DIRECTIVES */ .IM} directives`, d.line);
        if (d.name === 'include' && d.args[0] && chain.length < MAX_DEPTH) {
            const files = includedPaths(d.args[0], from, paths).filter((f) => !chain.includes(f));
            if (files.length === 0)
                return [d];
            return files.flatMap((file) => {
                included.add(file);
                return tag(expand(fragments.get(file) ?? [], file, [...chain, file]), file);
            });
        }
        return [d.block ? { ...d, block: expand(d.block, from, chain) } : d];
    });
    return { directives: expand(fragments.get(path) ?? [], path, [path]), included };
}


/***/ }),

/***/ 1969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ parseShellScript)
/* harmony export */ });
const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '&>', ';', '|', '&', '(', ')', '<', '>', '\n'];
const SEPARATORS = new Set(['&&', '||', ';;', ';', '|', '&', '(', ')', '\n']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;
/** Reserved words that open or close a compound command; the simple command follows them. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}']);
/** Reads a quoted string starting at `i` (on the quote); returns the text and the index after it. */
function readQuoted(text, i) {
    const quote = text[i];
    let value = '';
    let newlines = 0;
    let j = i + 1;
    while (j < text.length && text[j] !== quote) {
        const ch = text[j];
        if (ch === '\n')
            newlines += 1;
        if (quote === '"' && ch === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) {
            if (text[j + 1] === '\n')
                newlines += 1;
            else
                value += text[j + 1];
            j += 2;
            continue;
        }
        value += ch;
        j += 1;
    }
    return { value, end: j + 1, newlines };
}
function isWordBreak(ch) {
    return /\s/.test(ch) || OPERATORS.some((op) => op.startsWith(ch));
}
/** Splits shell text into words and operators, following quotes, escapes, continuations and comments. */
function tokenize(text, firstLine) {
    const tokens = [];
    let line = firstLine;
    let i = 0;
    while (i < text.length) {
        const ch = text[i];
        if (ch === '\\' && text[i + 1] === '\n') {
            line += 1;
            i += 2;
            continue;
        }
        if (ch === '#') {
            while (i < text.length && text[i] !== '\n')
                i += 1;
            continue;
        }
        const op = OPERATORS.find((o) => text.startsWith(o, i));
        if (op) {
            tokens.push({ kind: 'operator', text: op, line });
            if (op === '\n')
                line += 1;
            i += op.length;
            continue;
        }
        if (/\s/.test(ch)) {
            i += 1;
            continue;
        }
        const start = line;
        let word = '';
        while (i < text.length && !isWordBreak(text[i])) {
            const c = text[i];
            if (c === '\\' && i + 1 < text.length) {
                if (text[i + 1] === '\n')
                    line += 1;
                else
                    word += text[i + 1];
                i += 2;
            }
            else if (c === "'" || c === '"') {
                const quoted = readQuoted(text, i);
                word += quoted.value;
                line += quoted.newlines;
                i = quoted.end;
            }
            else {
                word += c;
                i += 1;
            }
        }
        const fileDescriptor = /^\d+$/.test(word) && (text[i] === '<' || text[i] === '>');
        if (!fileDescriptor)
            tokens.push({ kind: 'word', text: word, line: start });
    }
    return tokens;
}
/**
 * The simple commands of a POSIX shell script, split at `&&`, `||`, `;`, `|`, `&`, parentheses
 * and newlines. Enough to read what a Dockerfile `RUN` runs; not a full shell (no expansion).
 */
function parseShellScript(text, firstLine = 1) {
    const commands = [];
    let current;
    let skipNext = false;
    for (const token of tokenize(text, firstLine)) {
        if (token.kind === 'operator') {
            if (SEPARATORS.has(token.text))
                current = undefined;
            else
                skipNext = true; // a redirection: its target is not an argument
            continue;
        }
        if (skipNext) {
            skipNext = false;
            continue;
        }
        if (!current && RESERVED.has(token.text))
            continue;
        if (!current) {
            current = { assignments: [], words: [], line: token.line };
            commands.push(current);
        }
        const assignment = current.words.length === 0 ? token.text.match(ASSIGNMENT) : null;
        if (assignment?.[1] !== undefined)
            current.assignments.push({ name: assignment[1], value: assignment[2] ?? '' });
        else
            current.words.push(token.text);
    }
    return commands.filter((c) => c.words.length > 0 || c.assignments.length > 0);
}


/***/ }),

/***/ 7906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ kindOf),
  sg: () => (/* binding */ notReadOrParsed),
  Wh: () => (/* binding */ readProject),
  yR: () => (/* binding */ readText)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/discovery/find-files.ts
var find_files = __webpack_require__(837);
// EXTERNAL MODULE: ./src/tools/exec.ts + 1 modules
var exec = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/discovery/gitignore.ts
var gitignore = __webpack_require__(9356);
;// CONCATENATED MODULE: ./src/discovery/git-files.ts


const GIT_TIMEOUT_MS = 15_000;
const MAX_LISTING = 256 * 1024 * 1024;
/**
 * The files git tracks under `root`, relative to it with `/` separators, or undefined when git
 * cannot say (not a checkout, git missing, a repository owned by another user, a timeout). Runs
 * `git ls-files` with a fixed argument vector and no shell; the repository's fsmonitor hook is
 * switched off, so reading the index never runs a program the repository names.
 */
function gitTrackedFiles(root) {
    const result = (0,exec/* execProcessSync */.u5)('git', ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--recurse-submodules', '--'], {
        cwd: root,
        timeoutMs: GIT_TIMEOUT_MS,
        maxOutput: MAX_LISTING,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' }
    });
    if (result.code !== 0 || result.timedOut || result.spawnError)
        return undefined;
    return new Set(result.stdout.split('\u0000').filter((path) => path !== ''));
}
/**
 * Whether a file of the scanned tree is committed: tracked by git when the tree is a checkout (a
 * tracked `.env` is committed even if a `.gitignore` lists it, an untracked one is not); without
 * git, not listed in a `.gitignore`.
 */
function committedFiles(root) {
    let tracked = null;
    return (path) => {
        if (tracked === null)
            tracked = gitTrackedFiles(root);
        return tracked ? tracked.has(path) : !(0,gitignore/* isGitignored */.P)(root, path);
    };
}

// EXTERNAL MODULE: ./src/discovery/package-manager.ts
var package_manager = __webpack_require__(4844);
// EXTERNAL MODULE: ./src/parse/compose.ts
var compose = __webpack_require__(6791);
// EXTERNAL MODULE: ./src/parse/dockerfile.ts + 1 modules
var dockerfile = __webpack_require__(5830);
// EXTERNAL MODULE: ./src/parse/dockerignore.ts
var dockerignore = __webpack_require__(9309);
// EXTERNAL MODULE: ./src/parse/dotenv.ts
var dotenv = __webpack_require__(1909);
// EXTERNAL MODULE: ./src/parse/javascript.ts + 1 modules
var javascript = __webpack_require__(4286);
;// CONCATENATED MODULE: ./src/parse/npmrc.ts
/**
 * A value as npm's ini reader sees it: a quoted value loses its quotes; an unquoted one ends at
 * the first `;` or `#` (an inline comment) unless that is escaped with a backslash.
 */
function readValue(raw) {
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    if (quoted)
        return quoted[2] ?? '';
    const value = withoutComment(raw);
    // npm keeps the quotes of `"value" ; comment`; without them the redacted form reads better.
    return /^(["'])(.*)\1$/.exec(value)?.[2] ?? value;
}
function withoutComment(raw) {
    let value = '';
    for (let i = 0; i < raw.length; i += 1) {
        const ch = raw[i] ?? '';
        if (ch === ';' || ch === '#')
            break;
        if (ch === '\\' && i + 1 < raw.length) {
            const next = raw[i + 1] ?? '';
            value += ';#\\'.includes(next) ? next : ch + next;
            i += 1;
        }
        else {
            value += ch;
        }
    }
    return value.trim();
}
/**
 * Reads `key=value` lines of an `.npmrc` (ini format: `;` and `#` comment lines, `[section]`
 * headers, spaces around `=`). Lines without `=` are not settings and are left out. Never throws.
 */
function parseNpmrc(text) {
    const entries = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith(';') || line.startsWith('#') || line.startsWith('['))
            return;
        const eq = line.indexOf('=');
        if (eq <= 0)
            return;
        entries.push({ key: line.slice(0, eq).trim(), value: readValue(line.slice(eq + 1).trim()), line: index + 1 });
    });
    return entries;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(1922);
;// CONCATENATED MODULE: ./src/parse/package-json.ts


/**
 * JSON.parse gives the values; JSON is also YAML, so the `yaml` parser, which keeps offsets,
 * gives the lines of keys. Only computed when a rule asks.
 */
function keyLines(text) {
    let doc;
    const counter = new dist/* LineCounter */.HN();
    return (path) => {
        doc ??= (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, uniqueKeys: false });
        let node = doc.contents;
        let line = null;
        for (const key of path) {
            if (!(0,dist/* isMap */.jh)(node))
                return null;
            const pair = node.items.findLast((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key); // JSON.parse keeps the last duplicate
            const start = pair?.key?.range?.[0];
            if (!pair || start === undefined)
                return null;
            line = counter.linePos(start).line;
            node = pair.value;
        }
        return line;
    };
}
function parsePackageJson(text) {
    try {
        const data = JSON.parse(text);
        if (typeof data !== 'object' || data === null || Array.isArray(data))
            return { ok: false, error: 'not a JSON object' };
        return { ok: true, manifest: { data: data, keyLine: keyLines(text) } };
    }
    catch (error) {
        return { ok: false, error: (0,common_errors/* describeErrorFully */.q)(error) };
    }
}

// EXTERNAL MODULE: ./src/parse/directive.ts
var parse_directive = __webpack_require__(9674);
;// CONCATENATED MODULE: ./src/parse/text-cursor.ts

/** A position in config text and its line, shared by the nginx and Caddyfile lexers. */
class TextCursor {
    text;
    pos = 0;
    /** 1-based. */
    line = 1;
    constructor(text) {
        this.text = text;
    }
    /** Skips whitespace and `#` comments (to the end of the line), counting lines. */
    skipSpaceAndComments() {
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined)
                return;
            if (ch === '#') {
                while (this.pos < this.text.length && this.text[this.pos] !== '\n')
                    this.pos += 1;
            }
            else if (/\s/.test(ch)) {
                if (ch === '\n')
                    this.line += 1;
                this.pos += 1;
            }
            else {
                return;
            }
        }
    }
    /**
     * A quoted string from its opening quote at the cursor, counting lines. `escape` reads an escape at
     * a position (the two characters stand for what it returns) or returns undefined for a plain one:
     * nginx and Caddy escape differently.
     */
    readQuotedWith(quote, escape) {
        const start = this.line;
        this.pos += 1;
        let value = '';
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined)
                throw new parse_directive/* ConfigSyntaxError */.wm(`unterminated ${quote} string`, start);
            if (ch === '\n')
                this.line += 1;
            const escaped = escape(this.pos);
            if (escaped !== undefined) {
                value += escaped;
                this.pos += 2;
                continue;
            }
            this.pos += 1;
            if (ch === quote)
                return value;
            value += ch;
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/caddyfile.ts


const MAX_IMPORT_DEPTH = 10;
/** Splits a Caddyfile into tokens the way Caddy's lexer does: whitespace, `#` comments, "quotes", `backticks`, heredocs. */
class Lexer extends TextCursor {
    tokens() {
        const tokens = [];
        for (let token = this.next(); token; token = this.next())
            tokens.push(token);
        return tokens;
    }
    next() {
        this.skipSpaceAndComments();
        const ch = this.text[this.pos];
        if (ch === undefined)
            return undefined;
        const line = this.line;
        if (ch === '"' || ch === '`') {
            const text = this.readQuoted(ch);
            return { text, line, endLine: this.line, quoted: true };
        }
        if (this.text.startsWith('<<', this.pos) && /^<<[A-Za-z0-9_]+\r?\n/.test(this.text.slice(this.pos, this.pos + 64))) {
            return { text: this.readHeredoc(), line, endLine: this.line, quoted: true };
        }
        return { text: this.readWord(), line, endLine: line, quoted: false };
    }
    /** Inside double quotes `\"` is a quote; backquoted strings are raw. */
    readQuoted(quote) {
        return this.readQuotedWith(quote, (at) => (quote === '"' && this.text[at] === '\\' && this.text[at + 1] === '"' ? '"' : undefined));
    }
    /** `<<MARKER` ... `MARKER`: the closing marker may be indented and followed by more arguments. */
    readHeredoc() {
        const start = this.line;
        const newline = this.text.indexOf('\n', this.pos);
        const marker = this.text.slice(this.pos + 2, newline).trim();
        const lines = this.text.slice(newline + 1).split('\n');
        const end = lines.findIndex((l) => new RegExp(`^\\s*${marker}(?:\\s|$)`).test(l));
        if (end < 0)
            throw new parse_directive/* ConfigSyntaxError */.wm(`heredoc <<${marker} is never closed`, start);
        const body = lines.slice(0, end);
        const closing = lines[end] ?? '';
        this.pos = newline + 1 + body.map((l) => l.length + 1).reduce((a, b) => a + b, 0) + closing.indexOf(marker) + marker.length;
        this.line += end + 1;
        return body.join('\n');
    }
    readWord() {
        const start = this.pos;
        while (this.pos < this.text.length && !/\s/.test(this.text[this.pos] ?? ''))
            this.pos += 1;
        return this.text.slice(start, this.pos);
    }
}
function isBrace(token, brace) {
    return token !== undefined && !token.quoted && token.text === brace;
}
/** Groups tokens into lines: a token starts a new line when it begins below where the previous one ended. */
function linesOf(tokens) {
    const lines = [];
    let previous;
    for (const token of tokens) {
        if (!previous || token.line > previous.endLine)
            lines.push([token]);
        else
            lines.at(-1)?.push(token);
        previous = token;
    }
    return lines;
}
/** Builds the directive tree: a line ending in `{` opens a block, a line that is `}` closes it. */
function buildTree(tokens) {
    const top = [];
    const stack = [top];
    for (const line of linesOf(tokens)) {
        const current = stack.at(-1) ?? top;
        const first = line[0];
        if (line.length === 1 && isBrace(first, '}')) {
            if (stack.length === 1)
                throw new parse_directive/* ConfigSyntaxError */.wm('unexpected "}"', first.line);
            stack.pop();
            continue;
        }
        const opens = isBrace(line.at(-1), '{');
        const words = (opens ? line.slice(0, -1) : line).map((t) => t.text);
        const directive = { name: words[0] ?? '', args: words.slice(1), line: first.line };
        current.push(directive);
        if (opens) {
            if (stack.length > parse_directive/* MAX_BLOCK_DEPTH */.LR)
                throw new parse_directive/* ConfigSyntaxError */.wm(`blocks nested more than ${parse_directive/* MAX_BLOCK_DEPTH */.LR} deep`, first.line);
            directive.block = [];
            stack.push(directive.block);
        }
    }
    if (stack.length > 1)
        throw new parse_directive/* ConfigSyntaxError */.wm('unexpected end of file, expecting "}"', tokens.at(-1)?.endLine ?? 1);
    return top;
}
function snippetName(directive) {
    return directive.block && directive.args.length === 0 ? /^\((.+)\)$/.exec(directive.name)?.[1] : undefined;
}
/** Replaces `import <snippet>` by the snippet's directives, at any depth; file imports stay as they are. */
function expandImports(directives, snippets, budget, depth = 0) {
    return directives.flatMap((d) => {
        // Snippets that import each other many times over multiply: a small file could expand forever.
        budget.left -= 1;
        if (budget.left < 0)
            throw new parse_directive/* ConfigSyntaxError */.wm(`snippet imports expand to more than ${parse_directive/* MAX_EXPANDED_DIRECTIVES */.IM} directives`, d.line);
        const snippet = d.name === 'import' && depth < MAX_IMPORT_DEPTH ? snippets.get(d.args[0] ?? '') : undefined;
        if (snippet)
            return expandImports(snippet, snippets, budget, depth + 1);
        return [d.block ? { ...d, block: expandImports(d.block, snippets, budget, depth) } : d];
    });
}
function siteOf(head, directives, snippets, budget) {
    const addresses = [head.name, ...head.args]
        .join(' ')
        .split(/[\s,]+/)
        .filter(Boolean);
    return { addresses, line: head.line, directives: expandImports(directives, snippets, budget) };
}
/**
 * Parses a Caddyfile into its global options and site blocks. A Caddyfile with a single site may
 * leave out the braces: its first line is then the address and the rest its directives.
 * Throws ConfigSyntaxError on unbalanced braces or unterminated strings.
 */
function parseCaddyfile(text) {
    const entries = buildTree(new Lexer(text).tokens());
    const first = entries[0];
    const hasGlobalOptions = first?.name === '' && first.block !== undefined;
    const globalOptions = hasGlobalOptions ? (first.block ?? []) : [];
    const snippets = new Map();
    const rest = [];
    for (const entry of entries.slice(hasGlobalOptions ? 1 : 0)) {
        const name = snippetName(entry);
        if (name !== undefined)
            snippets.set(name, entry.block ?? []);
        else if (entry.name !== 'import' && !entry.name.startsWith('&('))
            rest.push(entry);
    }
    const head = rest[0];
    if (!head)
        return { globalOptions, sites: [] };
    const budget = { left: parse_directive/* MAX_EXPANDED_DIRECTIVES */.IM };
    const sites = head.block
        ? rest.filter((e) => e.block).map((e) => siteOf(e, e.block ?? [], snippets, budget))
        : [siteOf(head, rest.slice(1), snippets, budget)];
    return { globalOptions, sites };
}

;// CONCATENATED MODULE: ./src/parse/nginx.ts


const ESCAPES = { '"': '"', "'": "'", '\\': '\\', t: '\t', r: '\r', n: '\n' };
/** nginx keeps a backslash before other characters (regular expressions rely on it). */
function nginx_unescape(pair) {
    return ESCAPES[pair[1] ?? ''] ?? pair;
}
/** Lua and njs `*_block` bodies are code, not directives: skip to the matching brace. */
const OPAQUE_BLOCK = /_by_(?:lua|njs)_block$/;
/** Splits nginx config text into words, quoted strings, `;`, `{` and `}`, as nginx's ngx_conf_read_token does. */
class nginx_Lexer extends TextCursor {
    next() {
        this.skipSpaceAndComments();
        const ch = this.text[this.pos];
        if (ch === undefined)
            return undefined;
        const line = this.line;
        if (ch === ';' || ch === '{' || ch === '}') {
            this.pos += 1;
            return { text: ch, line, quoted: false };
        }
        if (ch === '"' || ch === "'")
            return { text: this.readQuoted(ch), line, quoted: true };
        return { text: this.readWord(), line, quoted: false };
    }
    /** Skips to the `}` matching an already consumed `{`, for opaque (Lua) blocks; braces in strings do not count. */
    skipBlock() {
        let depth = 1;
        while (depth > 0) {
            const ch = this.text[this.pos];
            if (ch === undefined)
                throw new parse_directive/* ConfigSyntaxError */.wm('unexpected end of file, expecting "}"', this.line);
            if (ch === '"' || ch === "'") {
                this.readQuoted(ch);
                continue;
            }
            if (ch === '\n')
                this.line += 1;
            if (ch === '{')
                depth += 1;
            if (ch === '}')
                depth -= 1;
            this.pos += 1;
        }
    }
    readQuoted(quote) {
        return this.readQuotedWith(quote, (at) => this.text[at] === '\\' && at + 1 < this.text.length ? nginx_unescape(this.text.slice(at, at + 2)) : undefined);
    }
    readWord() {
        let value = '';
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined || /\s/.test(ch) || ch === ';' || ch === '}')
                return value;
            if (ch === '{' && !value.endsWith('$'))
                return value;
            if (ch === '\\' && this.pos + 1 < this.text.length) {
                value += nginx_unescape(this.text.slice(this.pos, this.pos + 2));
                this.pos += 2;
                continue;
            }
            if (ch === '{') {
                // `${name}`: a variable, not the start of a block.
                const end = this.text.indexOf('}', this.pos);
                if (end < 0)
                    throw new parse_directive/* ConfigSyntaxError */.wm('unterminated "${"', this.line);
                value += this.text.slice(this.pos, end + 1);
                this.pos = end + 1;
                continue;
            }
            value += ch;
            this.pos += 1;
        }
    }
}
function isSyntax(token, ch) {
    return token !== undefined && !token.quoted && token.text === ch;
}
/** Reads directives into `into` until the `}` closing this block (depth > 0) or the end of the file. */
function readBlock(lexer, into, depth) {
    for (;;) {
        const first = lexer.next();
        if (first === undefined) {
            if (depth > 0)
                throw new parse_directive/* ConfigSyntaxError */.wm('unexpected end of file, expecting "}"', lexer.line);
            return;
        }
        if (isSyntax(first, '}')) {
            if (depth === 0)
                throw new parse_directive/* ConfigSyntaxError */.wm('unexpected "}"', first.line);
            return;
        }
        if (isSyntax(first, ';'))
            continue;
        if (isSyntax(first, '{'))
            throw new parse_directive/* ConfigSyntaxError */.wm('unexpected "{"', first.line);
        readDirective(lexer, { name: first.text, args: [], line: first.line }, into, depth);
    }
}
function readDirective(lexer, directive, into, depth) {
    for (;;) {
        const token = lexer.next();
        if (token === undefined)
            throw new parse_directive/* ConfigSyntaxError */.wm(`unexpected end of file, expecting ";" or "}" after "${directive.name}"`, directive.line);
        if (isSyntax(token, ';')) {
            into.push(directive);
            return;
        }
        if (isSyntax(token, '}'))
            throw new parse_directive/* ConfigSyntaxError */.wm(`unexpected "}" after "${directive.name}", expecting ";"`, token.line);
        if (isSyntax(token, '{')) {
            if (depth >= parse_directive/* MAX_BLOCK_DEPTH */.LR)
                throw new parse_directive/* ConfigSyntaxError */.wm(`blocks nested more than ${parse_directive/* MAX_BLOCK_DEPTH */.LR} deep`, token.line);
            directive.block = [];
            into.push(directive);
            if (OPAQUE_BLOCK.test(directive.name))
                lexer.skipBlock();
            else
                readBlock(lexer, directive.block, depth + 1);
            return;
        }
        directive.args.push(token.text);
    }
}
/**
 * Parses nginx configuration text into directives with line numbers. Never throws: a syntax error
 * is returned with the directives read before it (an open block keeps what it had so far).
 * `include` is kept as a directive; included files are not read here.
 */
function parseNginx(text) {
    const directives = [];
    try {
        readBlock(new nginx_Lexer(text), directives, 0);
        return { directives };
    }
    catch (error) {
        if (!(error instanceof parse_directive/* ConfigSyntaxError */.wm))
            throw error;
        return { directives, error };
    }
}
/** Block and directive names that only nginx configs have at their top level. */
const NGINX_TOP_LEVEL = new Set([
    'http',
    'server',
    'events',
    'upstream',
    'stream',
    'mail',
    'location',
    'map',
    'geo',
    'split_clients',
    'worker_processes',
    'worker_rlimit_nofile',
    'pid',
    'load_module',
    'listen',
    'server_name',
    'proxy_pass',
    'proxy_set_header',
    'add_header',
    'client_max_body_size',
    'server_tokens'
]);
/**
 * Whether parsed `*.conf` directives are an nginx config (or a snippet of one), judged by structure:
 * supervisord, redis, fluentd or logrotate files either do not parse or use none of these names.
 */
function isNginxConfig(directives) {
    return directives.some((d) => NGINX_TOP_LEVEL.has(d.name));
}

// EXTERNAL MODULE: ./src/parse/nginx-includes.ts
var nginx_includes = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/parse/proxy-config.ts





/** `*.conf` and the official nginx image's envsubst templates (`default.conf.template`); nginx or not is decided by parsing. */
function isNginxCandidateName(name) {
    return name.endsWith('.conf') || name.endsWith('.conf.template');
}
/** `Caddyfile`, `Caddyfile.prod`, `site.caddyfile`: the names Caddy's tooling recognises. */
function isCaddyfileName(name) {
    return name === 'Caddyfile' || name.startsWith('Caddyfile.') || name.toLowerCase().endsWith('.caddyfile');
}
function parseFile(path, text) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (isCaddyfileName(name)) {
        try {
            return { kind: 'caddy', model: parseCaddyfile(text) };
        }
        catch (error) {
            return { kind: 'error', error: (0,common_errors/* describeErrorFully */.q)(error) };
        }
    }
    if (!isNginxCandidateName(name))
        return undefined;
    const parsed = parseNginx(text);
    const isConfig = isNginxConfig(parsed.directives);
    // supervisord, redis, fluentd or logrotate `.conf` files do not parse as nginx or use none of its names.
    if (parsed.error)
        return isConfig ? { kind: 'error', error: parsed.error.message } : undefined;
    return { kind: 'nginx', directives: parsed.directives, isConfig };
}
/**
 * Parses the repository's proxy config candidates together, so that nginx `include`s of files in
 * the repository are followed. A file that another config includes is checked through that config
 * (with the settings it inherits there), not again on its own.
 */
function parseProxyConfigs(files) {
    const errors = [];
    const caddy = [];
    const nginxRoots = [];
    const fragments = new Map();
    for (const { path, text } of files) {
        const parsed = parseFile(path, text);
        if (parsed?.kind === 'error')
            errors.push({ path, error: parsed.error });
        if (parsed?.kind === 'caddy')
            caddy.push({ kind: 'caddy', path, model: parsed.model });
        if (parsed?.kind !== 'nginx')
            continue;
        fragments.set(path, parsed.directives);
        if (parsed.isConfig)
            nginxRoots.push(path);
    }
    // One budget for every config: many small files that each include a bomb are one bomb.
    const budget = { left: parse_directive/* MAX_EXPANDED_DIRECTIVES */.IM };
    const expanded = nginxRoots.flatMap((path) => {
        try {
            return [{ path, ...(0,nginx_includes/* expandIncludes */.Ud)(path, fragments, budget) }];
        }
        catch (error) {
            errors.push({ path, error: (0,common_errors/* describeErrorFully */.q)(error) });
            return [];
        }
    });
    // Included by another config: checked through it. Of configs that include each other, the first stays.
    const isKept = (e) => expanded.every((other) => other === e || !other.included.has(e.path) || (e.included.has(other.path) && e.path < other.path));
    const nginx = expanded.filter(isKept).map((e) => ({ kind: 'nginx', path: e.path, directives: e.directives }));
    return { configs: [...nginx, ...caddy], errors };
}

;// CONCATENATED MODULE: ./src/scan/documents.ts
// The kinds of document the scan reads: which file names each takes, and how its text becomes what
// the rules see. Discovery lists files by this table; reading them goes through it too.














function defineKind(kind) {
    return kind;
}
function orNotParsed(parsed) {
    if (!parsed.ok)
        throw new Error(parsed.error);
    return parsed;
}
/** Private key files: `server.key`, `cert.pem`, `id_rsa`. */
function isKeyFileName(name) {
    return /\.(?:pem|key)$/.test(name) || /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(name);
}
function isLockfileName(name) {
    return name === 'npm-shrinkwrap.json' || name.endsWith('.lock') || name.endsWith('.lockb') || /-lock\.(?:json|yaml)$/.test(name);
}
/** In order: a file is of the first kind whose name it matches. */
const DOCUMENT_KINDS = [
    defineKind({
        kind: 'package-json',
        match: (name) => name === 'package.json',
        into: 'packageJsons',
        parse: (text, path) => ({ path, manifest: orNotParsed(parsePackageJson(text)).manifest })
    }),
    // Also `Dockerfile.dockerignore`, the ignore file of that Dockerfile alone.
    defineKind({
        kind: 'dockerignore',
        match: (name) => name.endsWith('.dockerignore'),
        into: 'dockerignores',
        parse: (text, path) => ({ path, patterns: (0,dockerignore/* parseDockerignore */.y)(text) })
    }),
    defineKind({
        kind: 'dockerfile',
        match: dockerfile/* isDockerfileName */.S2,
        into: 'dockerfiles',
        parse: (text, path) => ({ path, model: (0,dockerfile/* parseDockerfile */.Ai)(text) })
    }),
    defineKind({ kind: 'js', match: javascript/* isScriptName */.xs }),
    defineKind({
        kind: 'npmrc',
        match: (name) => name === '.npmrc',
        into: 'npmrcs',
        parse: (text, path) => ({ path, entries: parseNpmrc(text) })
    }),
    // Every `.env*` name is listed (an `.env.example` copied into an image matters too); env files
    // proper are parsed. A file with a NUL byte is binary (an encrypted `.env.enc`): no text to read.
    defineKind({
        kind: 'env',
        match: (name) => name.startsWith('.env') || name.endsWith('.env'),
        into: 'envFiles',
        parse: (text, path, tree) => (0,dotenv/* isEnvFileName */.Xh)((0,external_node_path_.basename)(path)) && !text.includes('\u0000')
            ? { path, entries: (0,dotenv/* parseDotenv */.qd)(text), committed: tree.committed(path) }
            : undefined
    }),
    defineKind({
        kind: 'compose',
        match: compose/* isComposeFileName */.C1,
        into: 'composeFiles',
        parse: (text, path) => ({ path, model: orNotParsed((0,compose/* parseCompose */.g3)(text)).model })
    }),
    defineKind({
        kind: 'key',
        match: isKeyFileName,
        into: 'keyFiles',
        // A key file only a developer's checkout has (untracked, or gitignored without git) is not committed.
        parse: (text, path, tree) => (text.includes('\u0000') || !tree.committed(path) ? undefined : { path, text })
    }),
    defineKind({
        kind: 'gitignore',
        match: (name) => name === '.gitignore',
        into: 'gitignores',
        parse: (text, path) => ({ path, text })
    }),
    defineKind({ kind: 'proxy', match: (name) => isNginxCandidateName(name) || isCaddyfileName(name) }),
    defineKind({ kind: 'lockfile', match: isLockfileName })
];
const BY_KIND = new Map(DOCUMENT_KINDS.map((k) => [k.kind, k]));
/** Kinds whose files the scan lists but never reads: their size does not matter. */
const LISTED_ONLY = new Set(['lockfile']);
/** The kind of a file by its name, for discovery. */
function kindOf(name) {
    return DOCUMENT_KINDS.find((k) => k.match(name))?.kind;
}
function readText(file) {
    return (0,external_node_fs_.readFileSync)(file.absPath, 'utf8').replace(/^\uFEFF/, '');
}
function notReadOrParsed(file, error) {
    // Unreadable (permissions, removed meanwhile) or a parser that threw: the file is named, the scan goes on.
    const code = error?.code;
    return {
        file: file.path,
        message: typeof code === 'string' && /^E[A-Z]+$/.test(code) ? `not read: ${code}` : `not parsed, so not checked: ${(0,common_errors/* describeError */.U)(error)}`
    };
}
/** Finds the tree's files and parses every document outside tests, kind by kind. */
function readProject(root, today) {
    const { files, notes } = (0,find_files/* findFiles */.lY)(root, kindOf, LISTED_ONLY);
    const documents = {
        dockerfiles: [],
        proxyConfigs: [],
        npmrcs: [],
        dockerignores: [],
        composeFiles: [],
        packageJsons: [],
        envFiles: [],
        keyFiles: [],
        gitignores: []
    };
    const tree = { committed: committedFiles(root) };
    const scripts = [];
    const proxyTexts = [];
    for (const file of files) {
        if (file.test)
            continue;
        const kind = BY_KIND.get(file.kind);
        try {
            if (file.kind === 'js')
                scripts.push(file);
            else if (file.kind === 'proxy')
                proxyTexts.push({ path: file.path, text: readText(file) });
            else if (kind?.into && kind.parse) {
                const document = kind.parse(readText(file), file.path, tree);
                if (document)
                    documents[kind.into].push(document);
            }
        }
        catch (error) {
            notes.push(notReadOrParsed(file, error));
        }
    }
    try {
        const { configs, errors } = parseProxyConfigs(proxyTexts);
        documents.proxyConfigs = configs;
        for (const { path, error } of errors)
            notes.push({ file: path, message: `not parsed, so not checked: ${(0,common_errors/* describeError */.U)(error)}` });
    }
    catch (error) {
        for (const { path } of proxyTexts)
            notes.push({ file: path, message: `not parsed, so not checked: ${(0,common_errors/* describeError */.U)(error)}` });
    }
    const rootFiles = files.filter((f) => !f.path.includes('/')).map((f) => f.path);
    const manifest = documents.packageJsons.find((p) => p.path === 'package.json')?.manifest;
    const packageManager = (0,package_manager/* readPackageManager */.yP)(root, rootFiles, manifest?.data);
    if (packageManager.disagreement)
        notes.push({ file: packageManager.lockfile ?? 'package.json', message: packageManager.disagreement });
    return { context: { root, today, files, ...documents, packageManager }, scripts, notes };
}


/***/ })

};
