export const id = 484;
export const ids = [484];
export const modules = {

/***/ 484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseConfig: () => (/* binding */ parseConfig)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _common_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2778);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1922);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7827);
// The config file's syntax and schema (yaml, zod): loaded by loadConfig (config-file.ts) only when
// there is a file to read, so a run without one never loads either library.





const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;
const expires = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .regex(DATE, 'must be a date written YYYY-MM-DD')
    // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
    .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
}, 'is not a real date')
    .optional();
const reason = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'is required: say why this is accepted' }).trim().min(1, 'is required: say why this is accepted');
const CONFIG_SCHEMA = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    rules: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n([..._common_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC, 'off'], { error: `must be one of ${_common_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.join(', ')}, off` })).optional(),
    suppressions: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        rule: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
        path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional(),
        reason,
        expires
    })
        .strict())
        .optional(),
    audit: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        allow: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
            id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1, 'is required: a GHSA id or advisory URL'),
            reason,
            expires
        })
            .strict())
            .optional()
    })
        .strict()
        .optional()
})
    .strict();
/** A bare GHSA id, or GitHub's advisory URL for one; nothing else names an advisory. */
function ghsaOf(id) {
    const value = id.trim().replace(/\/+$/, '');
    const bare = value.replace(/^https:\/\/github\.com\/advisories\//i, '');
    return GHSA.test(bare) ? bare.toUpperCase() : undefined;
}
/** A key or value of the file inside a one-line message: line breaks and control characters escaped. */
function shown(text) {
    return JSON.stringify(text).slice(1, -1);
}
function formatIssue(issue) {
    const where = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${shown(String(p))}`))
        .join('')
        .replace(/^\./, '');
    if (issue.code === 'unrecognized_keys') {
        return `${where || 'top level'}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${shown(k)}'`).join(', ')}`;
    }
    return `${where || 'top level'} ${issue.message}`;
}
/**
 * Reads the optional config file. Unknown rule ids and malformed entries are errors, so that a
 * typo never silently turns a suppression or override off.
 */
function parseConfig(text, source, knownRules) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text) ?? {};
    }
    catch (error) {
        const where = error instanceof yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT && error.linePos ? ` line ${error.linePos[0].line}` : '';
        const what = (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .U)(error);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`config ${source}${where} is not valid YAML: ${what}`);
    }
    const parsed = CONFIG_SCHEMA.safeParse(data);
    if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`config ${source}: ${first ? formatIssue(first) : 'invalid'}; see README "Configuration"`);
    }
    const { rules = {}, suppressions = [], audit } = parsed.data;
    const checkRule = (id, where) => {
        if (!knownRules.has(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`config ${source}: ${where} names unknown rule '${shown(id)}'; rule ids are listed in docs/rules/`);
    };
    for (const id of Object.keys(rules))
        checkRule(id, 'rules');
    suppressions.forEach((s, i) => checkRule(s.rule, `suppressions[${i}]`));
    const allow = (audit?.allow ?? []).map((entry, i) => {
        const ghsa = ghsaOf(entry.id);
        if (!ghsa) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .e(`config ${source}: audit.allow[${i}].id '${shown(entry.id)}' is not a GHSA id or https://github.com/advisories/GHSA-... URL`);
        }
        return { ghsa, reason: entry.reason, expires: entry.expires };
    });
    return { source, severity: new Map(Object.entries(rules)), suppressions, allow };
}


/***/ })

};
