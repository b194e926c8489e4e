export const id = 385;
export const ids = [385];
export const modules = {

/***/ 385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_BASELINE_BYTES: () => (/* binding */ MAX_BASELINE_BYTES),
/* harmony export */   baselineOf: () => (/* binding */ baselineOf),
/* harmony export */   loadBaselineFile: () => (/* binding */ loadBaselineFile),
/* harmony export */   parseBaselineFile: () => (/* binding */ parseBaselineFile),
/* harmony export */   renderBaselineFile: () => (/* binding */ renderBaselineFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8816);
/* harmony import */ var _common_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9521);
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6228);




/** Far above any real baseline (a JSON line per entry), far below what would hurt the runner. */
const MAX_BASELINE_BYTES = 32 * 1024 * 1024;
const BASELINE_NOTE = `Written by ${_common_version_js__WEBPACK_IMPORTED_MODULE_2__/* .TOOL_NAME */ .lH} --write-baseline: the gate fails only on findings and advisories not listed here. Rewrite it to accept the current state; delete entries to stop accepting them.`;
const BASELINE_SCHEMA = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(1),
    findings: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ rule: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(100), file: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(10_000), fingerprint: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(200) }))
        .max(1_000_000),
    advisories: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(200), package: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(300) })).max(1_000_000)
});
/** What a baseline file keeps of a run: its open findings and the advisories not allowlisted, sorted, each once. */
function baselineOf(findings, audit) {
    const entries = new Map(findings
        .filter((f) => !f.suppressed)
        .map((f) => [`${f.rule}\u0000${f.file}\u0000${f.fingerprint}`, { rule: f.rule, file: f.file, fingerprint: f.fingerprint }]));
    const advisories = new Map((audit.status === 'ok' ? audit.advisories : [])
        .filter((a) => !a.allowed)
        .map((a) => [`${a.id}\u0000${a.package}`, { id: a.id, package: a.package }]));
    return { findings: [...entries.values()].sort(_compare_js__WEBPACK_IMPORTED_MODULE_1__/* .compareEntries */ .wD), advisories: [...advisories.values()].sort(_compare_js__WEBPACK_IMPORTED_MODULE_1__/* .compareBaselineAdvisories */ .Cc) };
}
/**
 * The baseline file: one entry per line, sorted, no dates or line numbers, so writing it again
 * with nothing changed gives the same bytes and a change reads as a one-line diff.
 */
function renderBaselineFile(data) {
    const lines = (items) => items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`;
    return `{\n  "version": 1,\n  "description": ${JSON.stringify(BASELINE_NOTE)},\n  "findings": ${lines(data.findings)},\n  "advisories": ${lines(data.advisories)}\n}\n`;
}
/** A baseline file's content, or why it is not one (naming schema keys only, never the file's text). */
function parseBaselineFile(json) {
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        return { ok: false, error: 'it is not JSON' };
    }
    const parsed = BASELINE_SCHEMA.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
            ok: false,
            error: `it is not a version 1 baseline file (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`
        };
    }
    return { ok: true, data: { findings: parsed.data.findings, advisories: parsed.data.advisories } };
}
/** Reads a baseline file: a regular file (no symbolic link, no FIFO), of bounded size; any failure is status error. */
function loadBaselineFile(file, ref, maxBytes = MAX_BASELINE_BYTES) {
    const fail = (error) => ({ status: 'error', source: 'file', ref, error });
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return fail('it does not exist');
        if (code === 'ELOOP')
            return fail('it is a symbolic link');
        return fail(`it cannot be read (${code ?? 'error'})`);
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile())
            return fail('it is not a regular file');
        if (stat.size > maxBytes)
            return fail(`it is ${stat.size} bytes, over the ${maxBytes}-byte limit`);
        const parsed = parseBaselineFile((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8'));
        return parsed.ok ? { status: 'ok', source: 'file', ref, data: parsed.data } : fail(parsed.error);
    }
    catch (error) {
        return fail(`it cannot be read (${error.code ?? 'error'})`);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};
