export const id = 384;
export const ids = [384];
export const modules = {

/***/ 72778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 37827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 81066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   T0: () => (/* binding */ toPosixRelative),
/* harmony export */   cX: () => (/* binding */ resolveOutputFile),
/* harmony export */   dO: () => (/* binding */ resolveWorkingDirectory)
/* harmony export */ });
/* unused harmony export refuseLinkedOutput */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37827);



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
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, input || '.');
    if (!isInside(workspace, dir)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`working-directory '${input}' is outside the workspace ${workspace}; give a path inside the repository`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir).isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`working-directory '${input}' does not exist; give the folder that holds package.json (relative to the repository root)`);
    }
    // A symbolic link in the repository (one a pull request can add) must not lead the scan, and the
    // reports written beside it, out of the workspace.
    if (!isInside((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`working-directory '${input}' is a symbolic link (or is inside one) that leads outside the workspace; give a real folder inside the repository`);
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
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workingDirectory, value.trim());
    if (!isInside(workspace, file)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .e(`${name} '${value}' is outside the workspace; give a path relative to working-directory`);
    }
    refuseLinkedOutput(name, workspace, file);
    return file;
}


/***/ }),

/***/ 38384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(71922);
// EXTERNAL MODULE: ./src/config/errors.ts
var config_errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/common/severity.ts
var severity = __webpack_require__(72778);
;// CONCATENATED MODULE: ./src/config/options.ts


/**
 * A git commit or ref as the gate passes it to git: never an option (`-x`), no whitespace or
 * control characters, only what ref names and revision syntax use.
 */
function parseGitRef(name, value) {
    const v = value.trim();
    if (/^[A-Za-z0-9._/@^~{}+-]+$/.test(v) && !v.startsWith('-'))
        return v;
    throw new UsageError(`${name} must be a baseline file or a git commit or ref (letters, digits and ._/@^~{}+-, not starting with -); got '${value}'`);
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
    throw new config_errors/* UsageError */.e(`${name} must be true or false; got '${value}'`);
}
function todayUtc(now = new Date()) {
    return now.toISOString().slice(0, 10);
}

// EXTERNAL MODULE: ./src/config/paths.ts
var paths = __webpack_require__(81066);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/config/inputs.ts





/** Defaults of action.yml, for inputs a runner did not set (a local run, a test). */
const DEFAULTS = {
    'working-directory': '.',
    install: 'true',
    'ignore-scripts': 'true',
    'audit-level': 'high',
    'omit-dev': 'false',
    'on-audit-error': 'fail',
    'fail-on': 'high',
    sbom: 'true',
    'sbom-file': 'sbom.cdx.json',
    'sarif-file': 'hardening.sarif',
    'report-file': 'hardening-report.json',
    comment: 'always',
    config: '.github/hardening.yml',
    mode: 'scan',
    'upload-sbom': 'false',
    'dependency-snapshot': 'false',
    baseline: 'auto'
};
/** File inputs where an explicit empty value means "none" (`sarif-file: ''` skips SARIF). */
const EMPTY_MEANS_NONE = new Set(['sbom-file', 'sarif-file', 'report-file']);
function input(name) {
    const value = core.getInput(name);
    if (value !== '')
        return value;
    // The runner sets every input that has a default, so a variable that is set but empty was written that way.
    const given = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] !== undefined;
    return given && EMPTY_MEANS_NONE.has(name) ? '' : (DEFAULTS[name] ?? '');
}
/** `auto`, `none` (any case) or a baseline file relative to the working directory, inside the workspace. */
function parseBaselineInput(value, workspace, workingDirectory) {
    const v = value.trim();
    if (v === '' || v.toLowerCase() === 'auto')
        return { kind: 'auto' };
    if (v.toLowerCase() === 'none')
        return { kind: 'none' };
    // eslint-disable-next-line no-control-regex -- control characters are what it rejects
    if (/[\u0000-\u001f\u007f]/.test(v))
        throw new config_errors/* UsageError */.e('baseline must be auto, none or one file path; got a value with a line break or control character');
    const path = (0,external_node_path_.resolve)(workingDirectory, v);
    if (!(0,paths/* isInside */.FK)(workspace, path))
        throw new config_errors/* UsageError */.e(`baseline '${value}' is outside the workspace; give auto, none or a baseline file relative to working-directory`);
    return { kind: 'file', path, ref: (0,paths/* toPosixRelative */.T0)(workingDirectory, path) };
}
/** The only place that reads the action's inputs; every value is validated here, once. */
function readActionInputs(env = process.env) {
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd());
    const workingDirectory = (0,paths/* resolveWorkingDirectory */.dO)(workspace, input('working-directory'));
    const configInput = input('config');
    const file = (name) => (0,paths/* resolveOutputFile */.cX)(name, workspace, workingDirectory, input(name));
    const options = {
        workspace,
        workingDirectory,
        install: parseBoolean('install', input('install')),
        ignoreScripts: parseBoolean('ignore-scripts', input('ignore-scripts')),
        audit: true,
        auditLevel: parseThreshold('audit-level', input('audit-level')),
        omitDev: parseBoolean('omit-dev', input('omit-dev')),
        onAuditError: parseChoice('on-audit-error', input('on-audit-error'), ['fail', 'warn']),
        failOn: parseThreshold('fail-on', input('fail-on')),
        sbom: parseBoolean('sbom', input('sbom')),
        sbomFile: file('sbom-file'),
        sarifFile: file('sarif-file'),
        reportFile: file('report-file'),
        configFile: (0,external_node_path_.resolve)(workspace, configInput),
        configRequired: configInput !== DEFAULTS.config,
        today: todayUtc(),
        githubToken: core.getInput('github-token'),
        comment: parseChoice('comment', input('comment'), ['always', 'on-failure', 'never']),
        mode: parseChoice('mode', input('mode'), ['scan', 'comment']),
        uploadSbom: parseBoolean('upload-sbom', input('upload-sbom')),
        dependencySnapshot: parseBoolean('dependency-snapshot', input('dependency-snapshot')),
        baselineInput: parseBaselineInput(input('baseline'), workspace, workingDirectory)
    };
    if (options.sbom && options.sbomFile === '') {
        throw new config_errors/* UsageError */.e("sbom-file is empty while sbom is true; give a file name such as 'sbom.cdx.json' or set sbom: false");
    }
    if (options.mode === 'comment' && options.reportFile === '') {
        throw new config_errors/* UsageError */.e("mode 'comment' reads report-file, which is empty; give the path of the JSON report from the scan job");
    }
    if (options.mode === 'comment' && options.dependencySnapshot) {
        throw new config_errors/* UsageError */.e("dependency-snapshot needs mode 'scan': it reads the lockfile of the checked-out code, which a comment job does not have");
    }
    return options;
}

;// CONCATENATED MODULE: ./src/main.ts



/** The action: inputs, the gate, reports and outputs, the summary, the comment, the verdict. */
async function run(entry = {}) {
    try {
        const options = readActionInputs();
        // The rest (the GitHub client, the gate, the renderers: megabytes of bundled code) is loaded
        // once the inputs are good, so a bad input stops in a few milliseconds more than Node's start.
        await (await Promise.all(/* import() */[__webpack_require__.e(265), __webpack_require__.e(430), __webpack_require__.e(298), __webpack_require__.e(577)]).then(__webpack_require__.bind(__webpack_require__, 54577))).runMode(options, entry);
    }
    catch (error) {
        core.setOutput('passed', 'false');
        core.setFailed((0,errors/* describeError */.U)(error));
    }
}


/***/ })

};
