export const id = 814;
export const ids = [814];
export const modules = {

/***/ 6814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectFindings: () => (/* binding */ collectFindings)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/discovery/packages.ts

function parentOf(dir) {
    const parent = external_node_path_.posix.dirname(dir);
    return parent === '.' ? '' : parent;
}
/**
 * Groups source files by the nearest folder above them that holds a package.json, so a monorepo is
 * modelled one workspace at a time: its apps import each other by package name, which the model
 * treats as a package anyway, and only one workspace's syntax trees are held at once. Files outside
 * every package belong to the root group. Groups and files keep discovery order.
 */
function groupByPackage(files, manifests) {
    const folders = new Set(manifests.map((m) => parentOf(m.path)));
    const groups = new Map();
    for (const file of files) {
        let dir = parentOf(file.path);
        while (dir !== '' && !folders.has(dir))
            dir = parentOf(dir);
        const group = groups.get(dir);
        if (group)
            group.push(file);
        else
            groups.set(dir, [file]);
    }
    return [...groups].map(([folder, list]) => ({ folder, files: list }));
}

;// CONCATENATED MODULE: ./src/model/cache.ts
/** Names one kind of value derived from a model, typed by what it holds. */
class CacheKey {
    name;
    constructor(name) {
        this.name = name;
    }
}
/**
 * Values derived from one package's model (every package call, the rate limiters it creates, the
 * request data of each handler): computed once, and gone with the model when the scan moves on.
 */
class ModelCache {
    values = new Map();
    get(key) {
        return this.values.get(key);
    }
    set(key, value) {
        this.values.set(key, value);
        return value;
    }
    /** The value under `key`, computed on first use. */
    once(key, compute) {
        return this.values.has(key) ? this.values.get(key) : this.set(key, compute());
    }
}

// EXTERNAL MODULE: ./src/parse/javascript.ts + 1 modules
var javascript = __webpack_require__(4286);
;// CONCATENATED MODULE: ./src/parse/syntax.ts
/**
 * The expression inside type-only and grouping wrappers: `x as T`, `x!`, `x satisfies T`, `<T>x`,
 * Flow's `(x: T)`, and parentheses. They change nothing at run time, so every reader sees through them.
 */
function unwrapExpression(node) {
    let n = node;
    while (n.type === 'TSAsExpression' ||
        n.type === 'TSNonNullExpression' ||
        n.type === 'TSSatisfiesExpression' ||
        n.type === 'TSTypeAssertion' ||
        n.type === 'TypeCastExpression' ||
        n.type === 'ParenthesizedExpression') {
        n = n.expression;
    }
    return n;
}
/** `obj.name`, `obj['name']`, `obj?.name` → 'name'. */
function propertyName(node) {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')
        return undefined;
    if (!node.computed && node.property.type === 'Identifier')
        return node.property.name;
    return node.property.type === 'StringLiteral' ? node.property.value : undefined;
}
/** The name an object key writes: `a: 1`, `'a': 1`, `1: x`; undefined for a computed key (`[a]: 1`). */
function keyName(key, computed) {
    if (!computed && key.type === 'Identifier')
        return key.name;
    if (key.type === 'StringLiteral')
        return key.value;
    if (key.type === 'NumericLiteral')
        return String(key.value);
    return undefined;
}

;// CONCATENATED MODULE: ./src/model/scope.ts


const PARENT = Symbol('parent');
/**
 * Each node's parent, kept on the node itself under a symbol (no walker or printer sees it): a Map
 * of every node of every module cost more than parsing them. Reads like the Map it replaced.
 */
class ParentLinks {
    program;
    linked = [];
    constructor(program) {
        this.program = program;
    }
    set(node, parent) {
        ;
        node[PARENT] = parent;
        this.linked.push(node);
    }
    get(node) {
        return node[PARENT];
    }
    /** Whether a node other than the program belongs to this module. */
    has(node) {
        return node !== this.program && rootOf(node) === this.program;
    }
    /** Every node but the program, parents first, in walk order. */
    keys() {
        return this.linked.values();
    }
}
/** Babel's line terminators, so lines computed from offsets are the lines Babel would report. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;
/**
 * The 1-based line and 0-based column where a node starts. Indexed modules drop Babel's `loc`
 * objects (three per node, a third of a syntax tree's memory); the line comes from the node's
 * `start` offset in the module's text instead, with the line starts computed once per module.
 */
function positionOf(node, module) {
    if (node.loc)
        return { line: node.loc.start.line, column: node.loc.start.column };
    const starts = (module.index.lineStarts ??= lineStarts(module.text));
    const offset = node.start ?? 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid] <= offset)
            low = mid;
        else
            high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] };
}
function lineStarts(text) {
    const starts = [0];
    for (const match of text.matchAll(LINE_BREAK))
        starts.push(match.index + match[0].length);
    return starts;
}
/** The program a node belongs to (the node itself when it has no parent). */
function rootOf(node) {
    let n = node;
    for (let parent = n[PARENT]; parent; parent = n[PARENT])
        n = parent;
    return n;
}
function isFunction(node) {
    return (node.type === 'FunctionDeclaration' ||
        node.type === 'FunctionExpression' ||
        node.type === 'ArrowFunctionExpression' ||
        node.type === 'ObjectMethod' ||
        node.type === 'ClassMethod' ||
        node.type === 'ClassPrivateMethod');
}
/** Names a pattern binds, with the path from the bound value to each. */
function patternNames(pattern, path = []) {
    switch (pattern.type) {
        case 'Identifier':
            return [{ name: pattern.name, path }];
        case 'AssignmentPattern':
            return patternNames(pattern.left, path).map((n) => ({ ...n, defaultValue: n.defaultValue ?? pattern.right }));
        case 'ObjectPattern':
            return pattern.properties.flatMap((p) => {
                if (p.type === 'RestElement')
                    return patternNames(p.argument, [...path, '...']);
                const key = !p.computed && p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : '?';
                return patternNames(p.value, [...path, key]);
            });
        case 'ArrayPattern':
            return pattern.elements.flatMap((e, i) => (e ? patternNames(e, [...path, i]) : []));
        case 'RestElement':
            return patternNames(pattern.argument, [...path, '...']);
        case 'TSParameterProperty':
            return patternNames(pattern.parameter, path);
        default:
            return [];
    }
}
/** `module.exports` → 'default'; `module.exports.a` / `exports.a` → 'a'. */
function cjsExportName(target) {
    if (target.type !== 'MemberExpression')
        return undefined;
    const object = target.object;
    if (object.type === 'Identifier' && object.name === 'module' && propertyName(target) === 'exports')
        return 'default';
    if (object.type === 'Identifier' && object.name === 'exports')
        return propertyName(target);
    if (object.type === 'MemberExpression' &&
        object.object.type === 'Identifier' &&
        object.object.name === 'module' &&
        propertyName(object) === 'exports') {
        return propertyName(target);
    }
    return undefined;
}
/**
 * Indexes a module in one walk. Declarations are kept per function (or the program): block scoping
 * is ignored, which only matters for shadowed names in nested blocks.
 */
function indexModule(program) {
    const index = {
        parents: new ParentLinks(program),
        scopes: new Map([[program, new Map()]]),
        calls: [],
        assignments: new Map(),
        cjsExports: [],
        imports: [],
        program
    };
    const scopeOf = (node) => {
        for (let n = index.parents.get(node); n; n = index.parents.get(n)) {
            if (isFunction(n) || n === program) {
                let scope = index.scopes.get(n);
                if (!scope)
                    index.scopes.set(n, (scope = new Map()));
                return scope;
            }
        }
        return index.scopes.get(program);
    };
    (0,javascript/* walk */.GG)(program, (node, parent) => {
        if (parent)
            index.parents.set(node, parent);
        node.loc = null;
        switch (node.type) {
            case 'VariableDeclarator':
                for (const { name, path, defaultValue } of patternNames(node.id))
                    scopeOf(node).set(name, { kind: 'var', init: node.init ?? null, path, declarator: node, defaultValue });
                break;
            case 'FunctionDeclaration':
                if (node.id)
                    scopeOf(node).set(node.id.name, { kind: 'function', node });
                break;
            case 'ClassDeclaration':
                if (node.id)
                    scopeOf(node).set(node.id.name, { kind: 'class', node });
                break;
            case 'ExportNamedDeclaration':
            case 'ExportAllDeclaration':
                if (node.source)
                    index.imports.push(node.source.value);
                break;
            case 'ImportDeclaration':
                index.imports.push(node.source.value);
                for (const spec of node.specifiers) {
                    const imported = spec.type === 'ImportDefaultSpecifier'
                        ? 'default'
                        : spec.type === 'ImportNamespaceSpecifier'
                            ? '*'
                            : spec.imported.type === 'Identifier'
                                ? spec.imported.name
                                : spec.imported.value;
                    index.scopes.get(program)?.set(spec.local.name, { kind: 'import', source: node.source.value, imported, node: spec });
                }
                break;
            case 'CallExpression':
            case 'OptionalCallExpression':
            case 'NewExpression': {
                index.calls.push(node);
                const [first] = node.arguments;
                const loads = node.callee.type === 'Import' || (node.callee.type === 'Identifier' && node.callee.name === 'require');
                if (loads && node.type !== 'NewExpression' && first?.type === 'StringLiteral')
                    index.imports.push(first.value);
                break;
            }
            case 'AssignmentExpression': {
                const exported = cjsExportName(node.left);
                if (exported)
                    index.cjsExports.push([exported, node.right]);
                else if (node.left.type === 'Identifier')
                    index.assignments.set(node.left.name, [...(index.assignments.get(node.left.name) ?? []), node.right]);
                break;
            }
            default:
                break;
        }
        if (isFunction(node)) {
            const scope = index.scopes.get(node) ?? new Map();
            index.scopes.set(node, scope);
            node.params.forEach((param, i) => {
                for (const { name, path, defaultValue } of patternNames(param)) {
                    scope.set(name, { kind: 'param', fn: node, index: i, path, ...(defaultValue ? { defaultValue } : {}) });
                }
            });
            if (node.type === 'FunctionExpression' && node.id)
                scope.set(node.id.name, { kind: 'function', node });
        }
    });
    return index;
}
/** Every node of an indexed module in walk order (parents first), without walking it again. */
function* nodesOf(index) {
    yield index.program;
    yield* index.parents.keys();
}
/** The binding a name has where `at` is: the nearest enclosing function's, then outwards. */
/** What a plain local names (`const url = \`...\``, no destructuring): its initialiser, else undefined. */
function localInit(index, node) {
    if (node.type !== 'Identifier')
        return undefined;
    const binding = lookup(index, node.name, node);
    return binding?.kind === 'var' && binding.path.length === 0 && binding.init ? binding.init : undefined;
}
function lookup(index, name, at) {
    for (let scope = scopeOwner(index, at); scope; scope = scopeOwner(index, index.parents.get(scope))) {
        const binding = index.scopes.get(scope)?.get(name);
        if (binding)
            return binding;
    }
    return undefined;
}
const SCOPE = Symbol('scope');
/**
 * The nearest node at or above `node` that holds declarations (a function or the program), cached
 * on every node passed on the way: a name deep in a 20,000-call chain must not walk the chain again.
 */
function scopeOwner(index, node) {
    const passed = [];
    let owner;
    for (let n = node; n; n = index.parents.get(n)) {
        const cached = n[SCOPE];
        if (cached) {
            owner = cached;
            break;
        }
        if (index.scopes.has(n)) {
            owner = n;
            break;
        }
        passed.push(n);
    }
    if (owner)
        for (const n of passed)
            n[SCOPE] = owner;
    return owner;
}
/** The function a node is in, if any. */
function enclosingFunction(index, node) {
    for (let n = index.parents.get(node); n; n = index.parents.get(n))
        if (isFunction(n))
            return n;
    return undefined;
}
/** The expression a function returns when it has one way out: an arrow's body, or its only `return x`. */
function singleReturn(fn) {
    if (fn.body.type !== 'BlockStatement')
        return fn.body;
    const returns = fn.body.body.filter((s) => s.type === 'ReturnStatement');
    return returns.length === 1 && returns[0]?.type === 'ReturnStatement' ? (returns[0].argument ?? undefined) : undefined;
}

;// CONCATENATED MODULE: ./src/model/graph.ts


const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
/**
 * Node's and TypeScript's resolution of a relative specifier among the scanned files: as written,
 * with an extension, `.js` written for a `.ts` source, or a folder's `index`; with a trailing slash
 * (`'./routes/v1/'`) only the folder's `index`. Paths are relative to the scanned root, with `/`.
 */
function resolveRelative(source, from, exists) {
    const joined = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(from), source));
    const base = joined.replace(/(?<=.)\/+$/, '');
    const folderIndex = EXTENSIONS.slice(1).map((ext) => (base === '.' ? `index${ext}` : `${base}/index${ext}`));
    if (base !== joined)
        return folderIndex.find(exists);
    const stem = base.replace(/\.(?:[cm]?js|jsx)$/, '');
    const candidates = [...EXTENSIONS.map((ext) => `${base}${ext}`), ...EXTENSIONS.slice(1).map((ext) => `${stem}${ext}`), ...folderIndex];
    return candidates.find(exists);
}
/** The module a relative import, or one the project maps to a path, names among the scanned files. */
function resolveImport(source, from, mapped, exists) {
    return mapped ? resolveRelative(`./${mapped.path}`, 'index.js', exists) : resolveRelative(source, from, exists);
}
function isRelativeSpecifier(source) {
    return source.startsWith('.') || source.startsWith('/');
}
class ModuleGraph {
    mapImport;
    modules = new Map();
    byProgram = new Map();
    constructor(modules, mapImport = () => undefined) {
        this.mapImport = mapImport;
        for (const m of modules) {
            const info = { ...m, index: m.index ?? indexModule(m.ast) };
            this.modules.set(m.path, info);
            this.byProgram.set(info.index.program, info);
        }
    }
    /** The module a node was parsed in (a function found through a factory call carries no module). */
    moduleOf(node) {
        return this.byProgram.get(rootOf(node));
    }
    resolve(source, from) {
        const mapped = this.mapImport(source, from);
        if (mapped && 'package' in mapped)
            return mapped;
        if (!mapped && !isRelativeSpecifier(source))
            return { package: packageName(source) };
        const path = resolveImport(source, from, mapped, (candidate) => this.modules.has(candidate));
        const module = path === undefined ? undefined : this.modules.get(path);
        return module ? { module } : { unresolved: source };
    }
}
/** `lodash/merge` → `lodash`, `@scope/pkg/x` → `@scope/pkg`, `node:fs` → `node:fs`. */
function packageName(source) {
    const parts = source.split('/');
    return source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? source);
}
/** The export a package specifier names beyond its package: `lodash/merge` → `merge`. */
function packageSubpath(source) {
    const rest = source.split('/').slice(source.startsWith('@') ? 2 : 1);
    return rest.length > 0 ? rest.join('/') : undefined;
}

;// CONCATENATED MODULE: ./src/model/mutations.ts


/** `a.b['c']` → { root: 'a', path: ['b', 'c', ...tail] }; a computed key is '*'. */
function memberPath(node, tail = []) {
    const path = [...tail];
    let n = unwrapExpression(node);
    while (n.type === 'MemberExpression') {
        path.unshift(propertyName(n) ?? '*');
        n = unwrapExpression(n.object);
    }
    return n.type === 'Identifier' ? { root: n.name, path } : undefined;
}
function isObjectAssign(callee) {
    return (callee.type === 'MemberExpression' &&
        callee.object.type === 'Identifier' &&
        callee.object.name === 'Object' &&
        propertyName(callee) === 'assign');
}
/** The variable an object literal is (part of) the initial value of, with the keys down to it. */
function objectRoot(node, module) {
    if (node.type !== 'ObjectExpression')
        return undefined;
    const path = [];
    let n = node;
    for (let parent = module.index.parents.get(n); parent; parent = module.index.parents.get(n)) {
        if (parent.type === 'VariableDeclarator') {
            return parent.init === n && parent.id.type === 'Identifier' ? { name: parent.id.name, declarator: parent, path } : undefined;
        }
        if (parent.type === 'ObjectProperty' && parent.value === n) {
            const key = keyName(parent.key, parent.computed);
            const object = module.index.parents.get(parent);
            if (key === undefined || object?.type !== 'ObjectExpression')
                return undefined;
            path.unshift(key);
            n = object;
        }
        else if (parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'ParenthesizedExpression') {
            n = parent;
        }
        else {
            return undefined;
        }
    }
    return undefined;
}
/** The writes of each module, indexed on first use. */
class ObjectMutations {
    byModule = new Map();
    /**
     * Whether `name` of an object literal bound to a variable is assigned later (`sess.cookie = ...`:
     * 'direct'), or something under it is (`sess.cookie.secure = true`, `Object.assign(sess.cookie, x)`: 'deep').
     */
    mutatedAt(value, name) {
        const module = value.at?.module;
        const root = value.at && module ? objectRoot(value.at.node, module) : undefined;
        if (!root || !module)
            return undefined;
        let found;
        for (const m of this.of(module).get(root.name) ?? []) {
            if (m.path.length <= root.path.length)
                continue;
            if (!root.path.every((key, i) => m.path[i] === key || m.path[i] === '*'))
                continue;
            const next = m.path[root.path.length];
            if (next !== name && next !== '*')
                continue;
            const binding = lookup(module.index, m.root, m.node);
            if (binding?.kind !== 'var' || binding.declarator !== root.declarator)
                continue;
            if (m.path.length === root.path.length + 1)
                return 'direct';
            found = 'deep';
        }
        return found;
    }
    /** `a.b.c = x` and `Object.assign(a.b, x)` in a module, by root variable, with key paths ('*': any key). */
    of(module) {
        const cached = this.byModule.get(module);
        if (cached)
            return cached;
        const byRoot = new Map();
        for (const node of module.index.parents.keys()) {
            const target = node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression'
                ? memberPath(node.left)
                : node.type === 'CallExpression' && isObjectAssign(node.callee) && node.arguments[0]
                    ? memberPath(node.arguments[0], ['*'])
                    : undefined;
            if (!target)
                continue;
            const list = byRoot.get(target.root);
            if (list)
                list.push({ ...target, node });
            else
                byRoot.set(target.root, [{ ...target, node }]);
        }
        this.byModule.set(module, byRoot);
        return byRoot;
    }
}

;// CONCATENATED MODULE: ./src/model/values.ts
const UNKNOWN = { kind: 'unknown' };
/** `express()` or `express.Router()` / `Router()`. */
function isExpressInstance(value) {
    if (value.kind !== 'call' || value.callee.kind !== 'package' || value.callee.name !== 'express')
        return false;
    const path = value.callee.path;
    return path.length === 0 || (path.length === 1 && path[0] === 'Router');
}
/** The literal a value certainly is, looking through nothing else. */
function literalOf(value) {
    return value.kind === 'literal' ? value.value : undefined;
}
/** Every value a conditional or fallback can produce, for "is any branch unsafe" checks. */
function branches(value) {
    if (value.kind === 'conditional')
        return [...branches(value.consequent), ...branches(value.alternate)];
    if (value.kind === 'fallback')
        return [...branches(value.left), ...branches(value.right)];
    if (value.kind === 'union')
        return value.options.flatMap(branches);
    return [value];
}

;// CONCATENATED MODULE: ./src/model/evaluator.ts







const ITERATORS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find']);
/** Methods of an Express app or router that return it, so `Router().use(a).use(b)` is the router. */
const CHAINABLE = new Set([
    'use',
    'get',
    'post',
    'put',
    'patch',
    'delete',
    'all',
    'options',
    'head',
    'set',
    'enable',
    'disable',
    'engine',
    'param'
]);
/** Whether a module is written with ES module syntax (`export ...`). */
function isEsModule(module) {
    const program = module.index.program;
    return program.type === 'Program' && program.body.some((s) => s.type.startsWith('Export'));
}
const MAX_DEPTH = 40;
/** Values whose members are worth keeping: reading one evaluates further (see Evaluator.propertyMemo). */
const MEMO_KINDS = new Set(['object', 'union', 'conditional', 'fallback', 'call', 'new', 'class', 'module']);
/** How many function returns a member read may pass through: `a().b().c`. */
const MAX_RETURN_DEPTH = 8;
/** A computed `require` matching more modules than this is a plugin loader, not a config pick. */
const MAX_REQUIRE_MATCHES = 20;
const DIRNAME = Symbol('__dirname');
const WILDCARD = Symbol('computed');
/** Evaluates expressions across the module graph, memoised per node and guarded against cycles. */
class Evaluator {
    graph;
    memo = new Map();
    /**
     * While call sites are indexed, parameters are not followed, so a value that met a parameter
     * differs from the final one: it goes to a memo of its own, thrown away when indexing ends.
     * Values that met none are final and go to the main memo.
     */
    indexingMemo = new Map();
    /** Parameters met while indexing and not followed, counted to tell which values depend on one. */
    paramsNotFollowed = 0;
    exportMemo = new Map();
    mutations = new ObjectMutations();
    active = new Set();
    /**
     * Members read of composite values and parameters' values, kept when they are final as `memo`
     * keeps values: computed outside indexing, or meeting no parameter. A value is a graph whose parts
     * are shared (a union of conditionals of the same config object, say), so reading a member
     * through it again at each use grew with the number of paths through it, not of its parts.
     */
    propertyMemo = new WeakMap();
    paramMemo = new Map();
    callSites;
    indexing = false;
    depth = 0;
    returnDepth = 0;
    constructor(graph) {
        this.graph = graph;
    }
    evaluate(node, module) {
        if (!node)
            return { kind: 'absent' };
        const target = unwrapExpression(node);
        const cached = this.memo.get(target) ?? (this.indexing ? this.indexingMemo.get(target) : undefined);
        if (cached)
            return cached;
        if (this.active.has(target) || this.depth > MAX_DEPTH)
            return { kind: 'unknown', reason: 'cycle', at: { module, node: target } };
        this.active.add(target);
        this.depth += 1;
        const paramsBefore = this.paramsNotFollowed;
        try {
            const value = this.compute(target, module);
            const result = value.at ? value : { ...value, at: { module, node: target } };
            if (this.indexing && this.paramsNotFollowed !== paramsBefore)
                this.indexingMemo.set(target, result);
            else
                this.memo.set(target, result);
            return result;
        }
        finally {
            this.depth -= 1;
            this.active.delete(target);
        }
    }
    compute(node, module) {
        switch (node.type) {
            case 'StringLiteral':
            case 'NumericLiteral':
            case 'BooleanLiteral':
                return { kind: 'literal', value: node.value };
            case 'NullLiteral':
                return { kind: 'literal', value: null };
            case 'TemplateLiteral':
            case 'BinaryExpression':
                return this.text(node, module);
            case 'RegExpLiteral':
                return { kind: 'regex', pattern: node.pattern, flags: node.flags };
            case 'Identifier':
                return node.name === 'undefined' ? { kind: 'literal', value: undefined } : this.identifier(node.name, node, module);
            case 'MemberExpression':
            case 'OptionalMemberExpression':
                return this.member(node, module);
            case 'CallExpression':
            case 'OptionalCallExpression':
                return this.call(node, module);
            case 'NewExpression':
                return { kind: 'new', callee: this.evaluate(node.callee, module), args: node.arguments };
            case 'ClassExpression':
                return { kind: 'class', node };
            case 'ThisExpression':
                return this.thisValue(node, module);
            case 'LogicalExpression':
                if (node.operator === '&&')
                    return UNKNOWN;
                return {
                    kind: 'fallback',
                    operator: node.operator,
                    left: this.evaluate(node.left, module),
                    right: this.evaluate(node.right, module)
                };
            case 'ConditionalExpression':
                return {
                    kind: 'conditional',
                    test: node.test,
                    consequent: this.evaluate(node.consequent, module),
                    alternate: this.evaluate(node.alternate, module)
                };
            case 'ObjectExpression':
                return this.object(node);
            case 'ArrayExpression':
                return { kind: 'array', elements: node.elements.filter((e) => e !== null) };
            case 'AwaitExpression':
                return this.evaluate(node.argument, module);
            case 'AssignmentExpression':
                // `var app = module.exports = express()`: the value assigned.
                return node.operator === '=' ? this.evaluate(node.right, module) : UNKNOWN;
            case 'UnaryExpression':
                return node.operator === '!' && node.argument.type === 'NumericLiteral' ? { kind: 'literal', value: !node.argument.value } : UNKNOWN;
            default:
                return isFunction(node) ? { kind: 'function', fn: node } : UNKNOWN;
        }
    }
    /**
     * `${API}/login` or `API + '/login'` with `const API = '/api'`: a literal when every part is a
     * known string or number (a `+` with a string in it); unknown as soon as one part is not.
     */
    text(node, module) {
        const part = (n) => {
            const value = literalOf(this.evaluate(n, module));
            return typeof value === 'string' || typeof value === 'number' ? value : undefined;
        };
        if (node.type === 'BinaryExpression') {
            const left = node.operator === '+' ? part(node.left) : undefined;
            const right = left === undefined ? undefined : part(node.right);
            if (left === undefined || right === undefined || (typeof left === 'number' && typeof right === 'number'))
                return UNKNOWN;
            return { kind: 'literal', value: `${left}${right}` };
        }
        let text = node.quasis[0]?.value.cooked ?? '';
        for (const [i, expression] of node.expressions.entries()) {
            const value = part(expression);
            if (value === undefined)
                return { kind: 'unknown', reason: 'template' };
            text += `${value}${node.quasis[i + 1]?.value.cooked ?? ''}`;
        }
        return { kind: 'literal', value: text };
    }
    object(node) {
        const entries = [];
        const spreads = [];
        for (const p of node.properties) {
            if (p.type === 'SpreadElement')
                spreads.push(p.argument);
            else {
                const key = keyName(p.key, p.computed);
                if (key !== undefined)
                    entries.push({ key, node: p.type === 'ObjectMethod' ? p : p.value });
            }
        }
        return { kind: 'object', entries, spreads };
    }
    identifier(name, node, module) {
        const binding = lookup(module.index, name, node);
        if (!binding)
            return { kind: 'unknown', reason: `global ${name}` };
        return this.binding(binding, name, module);
    }
    binding(binding, name, module) {
        switch (binding.kind) {
            case 'var': {
                const assigned = module.index.assignments.get(name);
                const source = binding.init ?? assigned?.at(-1) ?? null;
                const value = source ? this.follow(this.evaluate(source, module), binding.path) : { kind: 'literal', value: undefined };
                // `const { limit = '20mb' } = options`: the default is what runs unless the caller says otherwise.
                if (!binding.defaultValue)
                    return value;
                const fallback = this.evaluate(binding.defaultValue, module);
                // Each caller's value that leaves it unset (or that cannot be told) takes the default.
                if (value.kind === 'union')
                    return { ...value, options: value.options.map((o) => (isUnset(o) ? fallback : o)) };
                return isUnset(value) ? fallback : value;
            }
            case 'param':
                return this.param(binding, module);
            case 'function':
                return { kind: 'function', fn: binding.node, at: { module, node: binding.node } };
            case 'import':
                return this.imported(binding.source, binding.imported, module);
            case 'class':
                return binding.node.type === 'ClassDeclaration' || binding.node.type === 'ClassExpression'
                    ? { kind: 'class', node: binding.node, at: { module, node: binding.node } }
                    : UNKNOWN;
            default:
                return UNKNOWN;
        }
    }
    /** Follows a destructuring path: `const { a: { b } } = value`. */
    follow(value, path) {
        let v = value;
        for (const key of path)
            v = typeof key === 'string' && key !== '...' ? this.property(v, key) : UNKNOWN;
        return v;
    }
    member(node, module) {
        if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')
            return UNKNOWN;
        const name = propertyName(node);
        const object = unwrapExpression(node.object);
        if (object.type === 'MemberExpression' &&
            propertyName(object) === 'env' &&
            object.object.type === 'Identifier' &&
            object.object.name === 'process') {
            return name ? { kind: 'env', name } : UNKNOWN;
        }
        if (name === undefined)
            return UNKNOWN;
        if (name === 'default') {
            const esm = this.esmDefault(object, module);
            if (esm)
                return esm;
        }
        return this.property(this.evaluate(object, module), name);
    }
    /**
     * `require('./loaders').default` of an ES module (a TypeScript or Babel source): its default export.
     * `require()` of a module reads as its default export elsewhere, which for an ES module is this.
     */
    esmDefault(object, module) {
        if (object.type !== 'CallExpression')
            return undefined;
        const callee = unwrapExpression(object.callee);
        const [arg] = object.arguments;
        if (callee.type !== 'Identifier' || callee.name !== 'require' || arg?.type !== 'StringLiteral')
            return undefined;
        if (lookup(module.index, 'require', object))
            return undefined;
        const target = this.graph.resolve(arg.value, module.path);
        return 'module' in target && isEsModule(target.module) ? this.exported(target.module, 'default') : undefined;
    }
    /** A named property of a value: object entries (spreads included), package members, module exports. */
    property(value, name) {
        if (!MEMO_KINDS.has(value.kind))
            return this.computeProperty(value, name);
        const known = this.propertyMemo.get(value)?.get(name);
        if (known)
            return known;
        const paramsBefore = this.paramsNotFollowed;
        const result = this.computeProperty(value, name);
        if (this.isFinal(paramsBefore)) {
            const byName = this.propertyMemo.get(value);
            if (byName)
                byName.set(name, result);
            else
                this.propertyMemo.set(value, new Map([[name, result]]));
        }
        return result;
    }
    /** Whether a result computed since paramsNotFollowed was `paramsBefore` is final (see memo). */
    isFinal(paramsBefore) {
        return !this.indexing || this.paramsNotFollowed === paramsBefore;
    }
    computeProperty(value, name) {
        switch (value.kind) {
            case 'object': {
                const entry = lastEntry(value.entries, name);
                const module = value.at?.module;
                if (!module)
                    return UNKNOWN;
                const mutated = this.mutations.mutatedAt(value, name);
                // A nested literal object checks its own deeper mutations; any other value cannot be followed.
                if (mutated === 'direct' || (mutated === 'deep' && (!entry || unwrapExpression(entry).type !== 'ObjectExpression')))
                    return { kind: 'unknown', reason: 'mutated' };
                if (entry)
                    return this.evaluate(entry, module);
                return value.spreads.length === 0 ? { kind: 'absent' } : this.spreadProperty([...value.spreads].reverse(), name, module);
            }
            case 'package':
                return { kind: 'package', name: value.name, path: [...value.path, name], ...(value.at ? { at: value.at } : {}) };
            case 'module':
                return this.exported(value.module, name);
            case 'conditional':
                return {
                    kind: 'conditional',
                    test: value.test,
                    consequent: this.property(value.consequent, name),
                    alternate: this.property(value.alternate, name)
                };
            case 'fallback':
                return this.property(value.left, name);
            case 'union': {
                const options = value.options.map((o) => this.property(o, name));
                return options.every((o) => o.kind === 'absent') ? { kind: 'absent' } : { kind: 'union', options };
            }
            case 'new':
                if (value.callee.kind === 'class' && value.callee.at)
                    return this.instanceMember(value.callee.node, value.callee.at.module, name, 0);
                return value.callee.kind === 'function' && value.callee.at
                    ? this.constructed(value.callee.fn, value.callee.at.module, name)
                    : UNKNOWN;
            case 'class':
                return value.at ? this.staticMember(value.node, value.at.module, name) : UNKNOWN;
            case 'call': {
                // `Server.getInstance().app`, `createConfig().port`: a member of what the app's own function returns.
                const callee = value.callee;
                if (callee.kind !== 'function' || !callee.at)
                    return UNKNOWN;
                const returned = singleReturn(callee.fn);
                // Memoised values can lead back here without passing `evaluate`'s cycle check (`f = () => f()`).
                if (!returned || this.returnDepth >= MAX_RETURN_DEPTH)
                    return UNKNOWN;
                this.returnDepth += 1;
                try {
                    return this.property(this.evaluate(returned, callee.at.module), name);
                }
                finally {
                    this.returnDepth -= 1;
                }
            }
            default:
                return UNKNOWN;
        }
    }
    /**
     * `this` in a class member: an instance of the class (the class itself in a static member). Arrow
     * functions keep the `this` around them; any other function has its own, which is not followed.
     */
    thisValue(node, module) {
        for (let n = module.index.parents.get(node); n; n = module.index.parents.get(n)) {
            if (n.type === 'ArrowFunctionExpression')
                continue;
            if (n.type === 'ClassMethod' || n.type === 'ClassPrivateMethod' || n.type === 'ClassProperty' || n.type === 'ClassPrivateProperty') {
                const cls = module.index.parents.get(module.index.parents.get(n));
                if (cls?.type !== 'ClassDeclaration' && cls?.type !== 'ClassExpression')
                    return UNKNOWN;
                const classValue = { kind: 'class', node: cls, at: { module, node: cls } };
                return n.static ? classValue : { kind: 'new', callee: classValue, args: [] };
            }
            if (isFunction(n))
                return UNKNOWN;
        }
        return UNKNOWN;
    }
    /**
     * A member of an instance of a class of the app: a field initialiser (`router = Router()`), the last
     * `this.name = value` among the constructor's statements, else one in another method, a method of
     * that name, or the same from the superclass.
     */
    instanceMember(cls, module, name, depth) {
        const members = cls.body.body;
        const field = members.find((m) => (m.type === 'ClassProperty' || m.type === 'ClassPrivateProperty') && !m.static && memberName(m) === name);
        // `app = undefined` / `app = null` declares the field; the constructor or a method sets it.
        if (field?.value && !isPlaceholder(field.value))
            return this.evaluate(field.value, module);
        const ctor = members.find((m) => m.type === 'ClassMethod' && m.kind === 'constructor');
        if (ctor?.type === 'ClassMethod') {
            const set = this.constructed(ctor, module, name);
            if (set.kind !== 'unknown')
                return set;
        }
        for (const m of members) {
            if (m.type !== 'ClassMethod' || m.kind === 'constructor' || m.static)
                continue;
            const assigned = thisAssignment(m, name);
            if (assigned)
                return this.evaluate(assigned, module);
        }
        const method = members.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && !m.static && memberName(m) === name);
        if (method && isFunction(method)) {
            // `get app() { return this._app ??= build() }`: reading the member runs the getter.
            if (method.type === 'ClassMethod' && method.kind === 'get') {
                const returned = singleReturn(method);
                return returned ? this.evaluate(returned, module) : UNKNOWN;
            }
            return { kind: 'function', fn: method, at: { module, node: method } };
        }
        if (cls.superClass && depth < 4) {
            const parent = this.evaluate(cls.superClass, module);
            if (parent.kind === 'class' && parent.at)
                return this.instanceMember(parent.node, parent.at.module, name, depth + 1);
        }
        return UNKNOWN;
    }
    /** A static member: a static field, a static method, or `Cls.name = value` / `this.name = value` in a static method. */
    staticMember(cls, module, name) {
        const members = cls.body.body;
        const method = members.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && m.static && memberName(m) === name);
        if (method && isFunction(method))
            return { kind: 'function', fn: method, at: { module, node: method } };
        // `Cls.instance = new Cls()` in a static method wins over a `static instance = null` placeholder.
        const className = cls.id?.name;
        let assigned;
        (0,javascript/* walk */.GG)(cls.body, (n) => {
            if (assigned || n.type !== 'AssignmentExpression' || n.operator !== '=' || n.left.type !== 'MemberExpression')
                return;
            const target = n.left.object;
            const isClass = (target.type === 'Identifier' && target.name === className) || target.type === 'ThisExpression';
            if (isClass && propertyName(n.left) === name && n.right.type === 'NewExpression')
                assigned = n.right;
        });
        if (assigned)
            return this.evaluate(assigned, module);
        for (const m of members) {
            if ((m.type === 'ClassProperty' || m.type === 'ClassPrivateProperty') && m.static && memberName(m) === name && m.value)
                return this.evaluate(m.value, module);
        }
        return UNKNOWN;
    }
    /**
     * A property from spreads, last first: the first that has it wins; where a spread may or may not
     * have it (a union with absent branches, e.g. a per-environment config), the earlier ones fill in.
     */
    spreadProperty(spreads, name, module) {
        // A loop, not recursion: an object with thousands of spreads must not overflow the stack.
        const maybes = [];
        let value = { kind: 'absent' };
        for (const spread of spreads) {
            const found = this.property(this.evaluate(spread, module), name);
            if (found.kind === 'absent')
                continue;
            if (found.kind !== 'union' || !found.options.some((o) => o.kind === 'absent')) {
                value = found;
                break;
            }
            maybes.push(found.options.filter((o) => o.kind !== 'absent'));
        }
        for (let i = maybes.length - 1; i >= 0; i -= 1)
            value = { kind: 'union', options: [...maybes[i], value] };
        return value;
    }
    /** A member of `new Fn()`: the last `this.name = value` among the constructor's own statements. */
    constructed(fn, module, name) {
        if (fn.body.type !== 'BlockStatement')
            return UNKNOWN;
        for (const statement of [...fn.body.body].reverse()) {
            const e = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
            if (e?.type === 'AssignmentExpression' &&
                e.operator === '=' &&
                e.left.type === 'MemberExpression' &&
                e.left.object.type === 'ThisExpression' &&
                propertyName(e.left) === name)
                return this.evaluate(e.right, module);
        }
        return UNKNOWN;
    }
    call(node, module) {
        const callee = unwrapExpression(node.callee);
        if (callee.type === 'Identifier' && callee.name === 'require' && !lookup(module.index, 'require', node)) {
            const [arg] = node.arguments;
            return arg?.type === 'StringLiteral'
                ? this.imported(arg.value, 'default', module)
                : this.computedRequire(arg, module);
        }
        // `await import('./loaders')`: the module's namespace, whose `.default` is its default export.
        if (callee.type === 'Import' && node.arguments[0]?.type === 'StringLiteral') {
            const target = this.graph.resolve(node.arguments[0].value, module.path);
            if ('module' in target)
                return { kind: 'module', module: target.module };
        }
        if (callee.type === 'MemberExpression' && CHAINABLE.has(propertyName(callee) ?? '')) {
            const receiver = this.evaluate(callee.object, module);
            if (isExpressInstance(receiver))
                return receiver;
        }
        return { kind: 'call', callee: this.evaluate(callee, module), args: node.arguments };
    }
    /**
     * `require(path.join(__dirname, 'config', env + '.js'))`, `require(__dirname + '/x')`: the module it
     * names, or each module of the app the pattern can match (a union). Only paths anchored at
     * `__dirname` are followed; a computed part matches within one folder level.
     */
    computedRequire(arg, module) {
        // `require(\`./${name}\`)` and the like are not followed: their other parts are not evaluated either.
        if (!arg || !this.startsAtDirname(arg, module))
            return UNKNOWN;
        const parts = this.pathParts(arg, module);
        if (parts[0] !== DIRNAME || parts.slice(1).includes(DIRNAME))
            return UNKNOWN;
        const source = `.${parts
            .slice(1)
            .map((p) => (typeof p === 'string' ? p : '\u0000'))
            .join('')}`;
        if (!source.includes('\u0000'))
            return this.imported(source, 'default', module);
        const base = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(module.path), source));
        const escaped = base
            .split('\u0000')
            .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*');
        const pattern = new RegExp(`^${escaped}(?:\\.(?:[cm]?[jt]s|jsx|tsx))?$`);
        const matches = [...this.graph.modules.values()].filter((m) => m !== module && pattern.test(m.path));
        if (matches.length === 0 || matches.length > MAX_REQUIRE_MATCHES)
            return UNKNOWN;
        return { kind: 'union', options: matches.map((m) => this.exported(m, 'default')) };
    }
    /** Whether pathParts of a module path expression starts with `__dirname`, found without evaluating its other parts. */
    startsAtDirname(node, module) {
        const n = unwrapExpression(node);
        if (n.type === 'Identifier')
            return n.name === '__dirname' && !lookup(module.index, '__dirname', n);
        if (n.type === 'BinaryExpression' && n.operator === '+')
            return this.startsAtDirname(n.left, module);
        if (n.type !== 'CallExpression' || n.arguments.length === 0)
            return false;
        const callee = this.evaluate(n.callee, module);
        const isPathJoin = callee.kind === 'package' &&
            (callee.name === 'path' || callee.name === 'node:path') &&
            callee.path.length === 1 &&
            (callee.path[0] === 'join' || callee.path[0] === 'resolve');
        return isPathJoin && this.startsAtDirname(n.arguments[0], module);
    }
    /** A module path expression as literal pieces, `__dirname` and unknown pieces. */
    pathParts(node, module) {
        const n = unwrapExpression(node);
        if (n.type === 'Identifier' && n.name === '__dirname' && !lookup(module.index, '__dirname', n))
            return [DIRNAME];
        if (n.type === 'BinaryExpression' && n.operator === '+')
            return [...this.pathParts(n.left, module), ...this.pathParts(n.right, module)];
        if (n.type === 'TemplateLiteral') {
            return n.quasis.flatMap((q, i) => [
                q.value.cooked ?? '',
                ...(n.expressions[i] ? this.pathParts(n.expressions[i], module) : [])
            ]);
        }
        if (n.type === 'CallExpression') {
            const callee = this.evaluate(n.callee, module);
            const isPathJoin = callee.kind === 'package' &&
                (callee.name === 'path' || callee.name === 'node:path') &&
                callee.path.length === 1 &&
                (callee.path[0] === 'join' || callee.path[0] === 'resolve');
            if (isPathJoin)
                return n.arguments.flatMap((a, i) => [...(i > 0 ? ['/'] : []), ...this.pathParts(a, module)]);
        }
        const value = this.evaluate(n, module);
        return value.kind === 'literal' && typeof value.value === 'string' ? [value.value] : [WILDCARD];
    }
    /** An import's value: a package export, or an export of a module of the app. */
    imported(source, imported, module) {
        const target = this.graph.resolve(source, module.path);
        if ('package' in target) {
            const sub = source.startsWith('.') ? undefined : packageSubpath(source);
            const path = [...(sub ? [sub] : []), ...(imported === 'default' || imported === '*' ? [] : [imported])];
            return { kind: 'package', name: target.package, path };
        }
        if ('module' in target)
            return imported === '*' ? { kind: 'module', module: target.module } : this.exported(target.module, imported);
        return { kind: 'unknown', reason: `unresolved ${source}` };
    }
    /** What a module exports under a name, ESM or CommonJS; `default` is `module.exports`. */
    exported(module, name) {
        const key = `${module.path}\u0000${name}`;
        const cached = this.exportMemo.get(key);
        if (cached)
            return cached;
        if (this.active.has(key))
            return UNKNOWN;
        this.active.add(key);
        try {
            const value = this.computeExport(module, name);
            this.exportMemo.set(key, value);
            return value;
        }
        finally {
            this.active.delete(key);
        }
    }
    computeExport(module, name) {
        const program = module.index.program;
        if (program.type !== 'Program')
            return UNKNOWN;
        let hasEsm = false;
        for (const statement of program.body) {
            if (statement.type === 'ExportDefaultDeclaration') {
                hasEsm = true;
                if (name === 'default')
                    return this.evaluate(statement.declaration, module);
            }
            else if (statement.type === 'ExportNamedDeclaration') {
                hasEsm = true;
                const found = this.namedExport(statement, name, module);
                if (found)
                    return found;
            }
            else if (statement.type === 'ExportAllDeclaration' && name !== 'default') {
                const target = this.imported(statement.source.value, name, module);
                if (target.kind !== 'unknown' && target.kind !== 'absent')
                    return target;
            }
            else if (statement.type === 'TSExportAssignment' && name === 'default') {
                return this.evaluate(statement.expression, module);
            }
        }
        const cjs = [...module.index.cjsExports].reverse();
        const direct = cjs.find(([n]) => n === name);
        if (direct)
            return this.evaluate(direct[1], module);
        const whole = cjs.find(([n]) => n === 'default');
        if (whole && name !== 'default')
            return this.property(this.evaluate(whole[1], module), name);
        if (name === 'default' && (hasEsm || cjs.length > 0))
            return { kind: 'module', module };
        return { kind: 'absent' };
    }
    namedExport(statement, name, module) {
        const declaration = statement.declaration;
        if (declaration?.type === 'VariableDeclaration') {
            const declarator = declaration.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name);
            if (declarator)
                return this.evaluate(declarator.init ?? null, module);
        }
        else if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id?.name === name) {
            return declaration.type === 'FunctionDeclaration' ? { kind: 'function', fn: declaration, at: { module, node: declaration } } : UNKNOWN;
        }
        for (const spec of statement.specifiers) {
            if (spec.type !== 'ExportSpecifier')
                continue;
            const exportedName = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
            if (exportedName !== name)
                continue;
            if (statement.source)
                return this.imported(statement.source.value, spec.local.name, module);
            return this.identifier(spec.local.name, spec.local, module);
        }
        return undefined;
    }
    /** A parameter's value at the function's call sites: the first that is known. */
    param(binding, module) {
        const known = this.paramMemo.get(binding);
        if (known)
            return known;
        const value = this.paramValue(binding, module);
        if (!this.indexing)
            this.paramMemo.set(binding, value);
        return value;
    }
    paramValue(binding, module) {
        const element = this.iterationElement(binding, module);
        if (element)
            return element;
        if (this.indexing) {
            this.paramsNotFollowed += 1;
            return { kind: 'unknown', reason: 'param' };
        }
        // Every call site's argument: a setup function called with two apps configures both.
        const known = [];
        for (const site of this.callSitesOf(binding.fn)) {
            const args = site.call.arguments;
            const arg = args[binding.index];
            if (!arg || arg.type === 'SpreadElement')
                continue;
            const value = this.follow(this.evaluate(arg, site.module), binding.path);
            if (value.kind !== 'unknown' && value.kind !== 'absent')
                known.push({ ...value, via: [...(value.via ?? []), { module: site.module, node: site.call }] });
        }
        if (known.length === 1)
            return known[0];
        if (known.length > 1)
            return { kind: 'union', options: known };
        return binding.defaultValue ? this.evaluate(binding.defaultValue, module) : { kind: 'unknown', reason: 'param' };
    }
    /** The first parameter of a callback given to `list.forEach` / `map` over a known array: its elements. */
    iterationElement(binding, module) {
        if (binding.index !== 0)
            return undefined;
        const call = module.index.parents.get(binding.fn);
        if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || !ITERATORS.has(propertyName(call.callee) ?? ''))
            return undefined;
        const list = this.evaluate(call.callee.object, module);
        if (list.kind !== 'array')
            return undefined;
        const listModule = list.at?.module ?? module;
        const options = list.elements.map((e) => this.follow(this.evaluate(e, listModule), binding.path));
        return { kind: 'union', options };
    }
    /** Every call whose callee evaluates to a function of the app, indexed once per scan. */
    callSitesOf(fn) {
        if (!this.callSites) {
            this.callSites = new Map();
            this.indexing = true;
            try {
                for (const module of this.graph.modules.values()) {
                    for (const call of module.index.calls) {
                        // A call without arguments binds no parameter: it is no call site for param().
                        if (call.type === 'NewExpression' || call.arguments.length === 0)
                            continue;
                        const callee = this.evaluate(call.callee, module);
                        if (callee.kind !== 'function')
                            continue;
                        const list = this.callSites.get(callee.fn) ?? [];
                        list.push({ call, module });
                        this.callSites.set(callee.fn, list);
                    }
                }
            }
            finally {
                this.indexing = false;
                this.indexingMemo = new Map();
            }
        }
        return this.callSites.get(fn) ?? [];
    }
}
/** Objects with more entries than this get a key index: a large config or schema object is read key by key many times. */
const INDEXED_ENTRIES = 16;
const entryIndexes = new WeakMap();
/** The value node of the last entry named `name` (the one that wins), without copying the entries. */
function lastEntry(entries, name) {
    if (entries.length <= INDEXED_ENTRIES) {
        for (let i = entries.length - 1; i >= 0; i -= 1)
            if (entries[i].key === name)
                return entries[i].node;
        return undefined;
    }
    let index = entryIndexes.get(entries);
    if (!index) {
        index = new Map();
        for (const e of entries)
            index.set(e.key, e.node);
        entryIndexes.set(entries, index);
    }
    return index.get(name);
}
function memberName(member) {
    if (member.type === 'ClassPrivateProperty' || member.type === 'ClassPrivateMethod')
        return member.key.id.name;
    if (member.type !== 'ClassProperty' && member.type !== 'ClassMethod')
        return undefined;
    return keyName(member.key, member.computed);
}
const thisAssignments = new WeakMap();
/**
 * `this.name = value` anywhere in a method (not in nested non-arrow functions, whose `this` differs):
 * the first of each name, found in one walk of the method for every name asked of it.
 */
function thisAssignment(method, name) {
    let assigned = thisAssignments.get(method);
    if (!assigned) {
        const found = new Map();
        (0,javascript/* walk */.GG)(method.body, (n) => {
            if (n.type !== 'AssignmentExpression' ||
                n.operator !== '=' ||
                n.left.type !== 'MemberExpression' ||
                n.left.object.type !== 'ThisExpression')
                return;
            const key = propertyName(n.left);
            if (key !== undefined && !found.has(key))
                found.set(key, n.right);
        });
        thisAssignments.set(method, (assigned = found));
    }
    return assigned.get(name);
}
function isUnset(value) {
    return value.kind === 'unknown' || value.kind === 'absent' || (value.kind === 'literal' && value.value === undefined);
}
/** `undefined` or `null` written to declare a field that is set later. */
function isPlaceholder(node) {
    const n = unwrapExpression(node);
    return n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined');
}

;// CONCATENATED MODULE: ./src/model/path-text.ts


/** Longer unknown parts are cut: the message names the place, not the whole expression. */
const MAX_PART = 40;
/** An unknown part as the source writes it, `${config.base}`, on one line. */
function writtenExpression(node, module) {
    const source = module.text.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, ' ');
    return `\${${source.length > MAX_PART ? `${source.slice(0, MAX_PART - 1)}…` : source}}`;
}
/** The pieces of `a + '/x' + b`, left to right. */
function addends(node) {
    const n = unwrapExpression(node);
    return n.type === 'BinaryExpression' && n.operator === '+' ? [...addends(n.left), ...addends(n.right)] : [n];
}
function isString(node) {
    return node.type === 'StringLiteral' || node.type === 'TemplateLiteral';
}
/**
 * A route or mount path the model cannot know, as the source writes it, for messages:
 * `` `${base}/health` `` or `base + '/health'` with `base` unknown reads `${base}/health`; the
 * parts the evaluator knows are filled in. Undefined when the argument is not written as text (a
 * template literal, or a `+` with a string in it), so a handler passed first is never taken for a path.
 */
function writtenPath(node, module, evaluate) {
    const n = unwrapExpression(node);
    const known = (part) => {
        const value = literalOf(evaluate(part));
        return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    };
    const render = (part) => {
        const p = unwrapExpression(part);
        if (p.type === 'TemplateLiteral')
            return p.quasis.map((q, i) => `${q.value.cooked ?? q.value.raw}${p.expressions[i] ? render(p.expressions[i]) : ''}`).join('');
        return known(p) ?? writtenExpression(p, module);
    };
    if (n.type === 'TemplateLiteral')
        return render(n);
    if (n.type !== 'BinaryExpression' || n.operator !== '+')
        return undefined;
    const parts = addends(n);
    return parts.some(isString) ? parts.map(render).join('') : undefined;
}

;// CONCATENATED MODULE: ./src/model/middleware.ts
/** Packages whose middleware does one known job; the rules ask by job, not by package name. */
const BY_PACKAGE = {
    helmet: 'headers',
    lusca: 'headers',
    // helmet's parts as packages of their own, each setting one header
    'helmet-csp': 'headers',
    hsts: 'headers',
    'dont-sniff-mimetype': 'headers',
    frameguard: 'headers',
    'x-xss-protection': 'headers',
    'referrer-policy': 'headers',
    cors: 'cors',
    'express-session': 'session',
    'cookie-session': 'session',
    'express-rate-limit': 'rate-limit',
    'rate-limiter-flexible': 'rate-limit',
    'express-slow-down': 'rate-limit',
    'express-brute': 'rate-limit',
    'express-limiter': 'rate-limit',
    'body-parser': 'body-parser',
    'express-validator': 'validator',
    celebrate: 'validator',
    'express-joi-validation': 'validator',
    'express-validation': 'validator',
    'cookie-parser': 'cookie-parser',
    'serve-static': 'static'
};
const EXPRESS_BODY_PARSERS = new Set(['json', 'urlencoded', 'raw', 'text']);
/** The job of a package's middleware, by package name alone (not `express`, whose exports differ). */
function packageKind(name) {
    return Object.hasOwn(BY_PACKAGE, name) ? BY_PACKAGE[name] : undefined;
}
/** The job of a package middleware, if it is a known one. */
function middlewareKind(handler) {
    if (handler.kind !== 'middleware')
        return undefined;
    if (handler.package === 'express') {
        const name = handler.export[0] ?? '';
        if (EXPRESS_BODY_PARSERS.has(name))
            return 'body-parser';
        return name === 'static' ? 'static' : undefined;
    }
    return packageKind(handler.package);
}
function isKind(handler, kind) {
    return middlewareKind(handler) === kind;
}

;// CONCATENATED MODULE: ./src/model/wrappers.ts


/** Names a handler's first parameter goes by: `req`, `request`, `_req`. */
const REQUEST_NAME = /^_?(?:req|request)$/i;
/**
 * Whether a function reads like an Express handler by its parameters: `(req, res)`, `({ body }, res)`,
 * `(err, req, res, next)`. A callback of another shape given to a call (`(err, user) => ...` for
 * passport, `(value, { req }) => ...` for a custom validator) is no handler.
 */
function looksLikeHandler(fn) {
    if (fn.params.length === 4)
        return true;
    const first = fn.params[0];
    const target = first?.type === 'AssignmentPattern' ? first.left : first;
    return target?.type === 'ObjectPattern' || (target?.type === 'Identifier' && REQUEST_NAME.test(target.name));
}
/** The functions a factory of the app returns: `() => (req, res) => ...`, `function () { return handler }`. */
function returnedFunctions(evaluator, fn, module) {
    const body = fn.body;
    const returned = [];
    if (body.type !== 'BlockStatement')
        returned.push(body);
    else
        (0,javascript/* walk */.GG)(body, (node) => {
            if (node.type === 'ReturnStatement' && node.argument && enclosingFunction(module.index, node) === fn)
                returned.push(node.argument);
        });
    return returned.flatMap((node) => {
        const value = evaluator.evaluate(node, module);
        return value.kind === 'function' ? [value.fn] : [];
    });
}
/** Whether a factory of the app returns a handler: `module.exports = () => (req, res, next) => ...`. */
function returnsHandler(evaluator, fn, module) {
    return module !== undefined && returnedFunctions(evaluator, fn, module).some(looksLikeHandler);
}

;// CONCATENATED MODULE: ./src/model/routing-controllers.ts



/**
 * routing-controllers builds an Express app from decorated classes: `createExpressServer(options)`
 * returns one, `useExpressServer(app, options)` configures one. In the order it registers them:
 * `cors` (the cors package), global `@Middleware({ type: 'before' })` classes, each controller's
 * actions (`@JsonController('/users')` with `@Get('/:id')`, `@Post()`...) under `routePrefix`, the
 * `after` middlewares (error middleware among them) and its default error handler, unless told
 * `defaultErrorHandler: false`.
 */
const PACKAGE = 'routing-controllers';
const SETUPS = new Set(['createExpressServer', 'useExpressServer']);
const CONTROLLERS = new Set(['Controller', 'JsonController']);
const ACTIONS = {
    Get: 'get',
    Post: 'post',
    Put: 'put',
    Patch: 'patch',
    Delete: 'delete',
    Head: 'head',
    All: 'all'
};
/** The routing-controllers export a decorator or call names (`JsonController`, `Get`), if it is one. */
function exportOf(host, callee, module) {
    const value = host.evaluate(callee, module);
    return value.kind === 'package' && value.name === PACKAGE && value.path.length === 1 ? value.path[0] : undefined;
}
/** `@Name(args)` decorators on a class or method, with the routing-controllers export each is. */
function decorators(host, node, module) {
    const list = node.decorators ?? [];
    return list.flatMap((d) => {
        const e = d.expression;
        if (e.type !== 'CallExpression')
            return [];
        const name = exportOf(host, e.callee, module);
        return name ? [{ name, call: e }] : [];
    });
}
function stringArg(host, call, index, module) {
    const arg = call.arguments[index];
    const value = arg ? literalOf(host.evaluate(arg, module)) : undefined;
    return typeof value === 'string' ? value : undefined;
}
function located(site) {
    const { line, column } = positionOf(site.node, site.module);
    return { file: site.module.path, line, column: column + 1 };
}
/** Every class of the app with a routing-controllers decorator. */
function decoratedClasses(host) {
    const found = [];
    for (const module of host.graph.modules.values()) {
        for (const node of nodesOf(module.index)) {
            if (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression')
                continue;
            const list = decorators(host, node, module);
            if (list.length > 0)
                found.push({ node, module, ...(node.id ? { name: node.id.name } : {}), decorators: list });
        }
    }
    return found;
}
/**
 * The class names an option lists (`controllers: [UserController]`), or undefined for "every
 * decorated class": strings are globs of folders, and no list at all loads every imported one.
 */
function listedNames(node, module) {
    if (node?.type !== 'ArrayExpression')
        return undefined;
    const names = new Set();
    for (const element of node.elements) {
        if (element?.type !== 'Identifier')
            return undefined;
        const binding = lookup(module.index, element.name, element);
        if (binding?.kind === 'import' && binding.imported !== 'default' && binding.imported !== '*')
            names.add(binding.imported);
        else if (binding?.kind === 'import' || binding?.kind === 'class')
            names.add(element.name);
        else
            return undefined;
    }
    return names;
}
function methodsOf(cls) {
    return cls.body.body.filter((m) => m.type === 'ClassMethod' && m.kind === 'method');
}
function methodNamed(cls, name) {
    return methodsOf(cls).find((m) => m.type === 'ClassMethod' && keyName(m.key, m.computed) === name);
}
/** Reads one `createExpressServer(options)` / `useExpressServer(app, options)` into the app's events. */
function applySetup(host, app, call, module, order) {
    const optionsNode = call.arguments[call.arguments.length - 1];
    const options = host.evaluate(optionsNode, module);
    const entry = (key) => {
        if (options.kind !== 'object' || !options.at)
            return undefined;
        const found = [...options.entries].reverse().find((e) => e.key === key);
        return found ? { node: found.node, module: options.at.module } : undefined;
    };
    let step = 0;
    const push = (event, into = app, base = order) => {
        const full = { ...event, order: [...base, step++], ...located(event.site) };
        into.events.push(full);
        return full;
    };
    const site = { module, node: call };
    const cors = entry('cors');
    if (cors) {
        const value = host.evaluate(cors.node, cors.module);
        const off = value.kind === 'literal' && !value.value;
        if (!off) {
            const corsOptions = value.kind === 'literal' ? undefined : value;
            const handler = {
                kind: 'middleware',
                package: 'cors',
                export: [],
                options: corsOptions,
                called: true,
                site: { module: cors.module, node: cors.node }
            };
            push({ type: 'use', site: { module: cors.module, node: cors.node }, path: '/', handlers: [handler] });
        }
    }
    const classes = decoratedClasses(host);
    const pick = (key, kinds) => {
        const listed = entry(key);
        const names = listed ? listedNames(listed.node, listed.module) : undefined;
        return classes.filter((c) => c.decorators.some((d) => kinds.has(d.name)) && (!names || (c.name !== undefined && names.has(c.name))));
    };
    const middlewares = pick('middlewares', new Set(['Middleware']));
    const middlewareType = (c) => {
        const call = c.decorators.find((d) => d.name === 'Middleware')?.call;
        const arg = call?.arguments[0];
        const value = arg ? host.evaluate(arg, c.module) : undefined;
        if (value?.kind !== 'object' || !value.at)
            return undefined;
        const type = value.entries.find((e) => e.key === 'type');
        const literal = type ? literalOf(host.evaluate(type.node, value.at.module)) : undefined;
        return typeof literal === 'string' ? literal : undefined;
    };
    const useMiddlewares = (type) => {
        for (const c of middlewares.filter((m) => middlewareType(m) === type)) {
            const fn = methodNamed(c.node, 'error') ?? methodNamed(c.node, 'use');
            if (!fn)
                continue;
            const at = { module: c.module, node: c.node };
            const own = { kind: 'function', fn, site: { module: c.module, node: fn } };
            push({ type: 'use', site: at, path: '/', handlers: [...delegatedMiddleware(host, fn, c.module), own] });
        }
    };
    useMiddlewares('before');
    const prefix = (() => {
        const value = entry('routePrefix');
        const literal = value ? literalOf(host.evaluate(value.node, value.module)) : undefined;
        return typeof literal === 'string' ? literal : '/';
    })();
    for (const controller of pick('controllers', CONTROLLERS))
        addController(host, controller, app, prefix, push);
    useMiddlewares('after');
    const defaults = entry('defaultErrorHandler');
    const defaultOff = defaults !== undefined && literalOf(host.evaluate(defaults.node, defaults.module)) === false;
    if (!defaultOff) {
        const handler = {
            kind: 'middleware',
            package: PACKAGE,
            export: ['defaultErrorHandler'],
            options: undefined,
            called: true,
            site
        };
        push({ type: 'use', site, path: '/', handlers: [handler] });
    }
}
/**
 * Package middleware a middleware method hands the request to: `return helmet()(req, res, next)`.
 * The class then does that middleware's job.
 */
function delegatedMiddleware(host, fn, module) {
    if (fn.body.type !== 'BlockStatement')
        return [];
    return fn.body.body.flatMap((statement) => {
        const e = statement.type === 'ReturnStatement' ? statement.argument : statement.type === 'ExpressionStatement' ? statement.expression : null;
        if (e?.type !== 'CallExpression' || e.callee.type !== 'CallExpression')
            return [];
        const inner = e.callee;
        return host.handlers(host.evaluate(inner, module), { module, node: inner }).filter((h) => h.kind === 'middleware');
    });
}
/** A controller class as a router mounted at its base path, its actions as routes. */
function addController(host, controller, app, prefix, push) {
    const { node: cls, module } = controller;
    const classSite = { module, node: cls };
    const decorator = controller.decorators.find((d) => CONTROLLERS.has(d.name));
    const base = stringArg(host, decorator.call, 0, module) ?? '/';
    const router = host.newRouter(classSite, controller.name);
    const uses = (name, node) => decorators(host, node, module)
        .filter((d) => d.name === name)
        .flatMap((d) => d.call.arguments.flatMap((a) => host.handlers(host.evaluate(a, module), { module, node: a })));
    const routerOrder = [router.site.node.start ?? 0];
    const before = uses('UseBefore', cls);
    if (before.length > 0)
        push({ type: 'use', site: classSite, path: '/', handlers: before }, router, routerOrder);
    for (const method of methodsOf(cls)) {
        for (const d of decorators(host, method, module)) {
            const verb = d.name === 'Method' ? stringArg(host, d.call, 0, module) : ACTIONS[d.name];
            if (!verb)
                continue;
            const path = stringArg(host, d.call, d.name === 'Method' ? 1 : 0, module);
            const site = { module, node: d.call };
            const handlers = [...uses('UseBefore', method), { kind: 'function', fn: method, site: { module, node: method } }];
            push({ type: 'route', site, method: verb.toLowerCase(), path: path ?? '/', handlers }, router, routerOrder);
        }
    }
    const after = uses('UseAfter', cls);
    if (after.length > 0)
        push({ type: 'use', site: classSite, path: '/', handlers: after }, router, routerOrder);
    const mount = push({
        type: 'use',
        site: classSite,
        path: joinMount(prefix, base),
        handlers: [{ kind: 'router', router, site: classSite }]
    });
    router.mounts.push({ parent: app, event: mount });
}
function joinMount(prefix, path) {
    const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
    return joined === '/' ? '/' : joined.replace(/\/+$/, '') || '/';
}

;// CONCATENATED MODULE: ./src/model/express.ts










/** resource-router-middleware's method names: the verb, and whether the route is on the collection or one item. */
const RESOURCE_VERBS = {
    index: ['get', 'collection'],
    list: ['get', 'collection'],
    create: ['post', 'collection'],
    read: ['get', 'item'],
    update: ['put', 'item'],
    modify: ['patch', 'item'],
    delete: ['delete', 'item'],
    del: ['delete', 'item']
};
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);
const ROUTER_METHODS = new Set([...ROUTE_METHODS, 'use', 'set', 'disable', 'enable', 'route']);
/** Settings of an Express app, told apart from `map.set(key)` on receivers the model cannot tie to an app. */
const EXPRESS_SETTINGS = new Set([
    'x-powered-by',
    'trust proxy',
    'env',
    'etag',
    'query parser',
    'strict routing',
    'case sensitive routing',
    'json escape',
    'json replacer',
    'json spaces',
    'jsonp callback name',
    'subdomain offset',
    'view cache',
    'view engine',
    'views'
]);
function locate(site) {
    const { line, column } = positionOf(site.node, site.module);
    return { file: site.module.path, line, column: column + 1 };
}
function isExpressCreation(value) {
    if (value.kind !== 'call' || value.callee.kind !== 'package')
        return undefined;
    const path = value.callee.path;
    // routing-controllers' `createExpressServer(options)` returns the Express app it built.
    if (value.callee.name === PACKAGE)
        return path.length === 1 && path[0] === 'createExpressServer' ? 'app' : undefined;
    if (value.callee.name !== 'express')
        return undefined;
    if (path.length === 0)
        return 'app';
    return path.length === 1 && path[0] === 'Router' ? 'router' : undefined;
}
/**
 * Whether a call can be `express()`, `express.Router()`, `Router()` or `require('express')()`:
 * its callee is a name, a call, or a member named like those. `logger.info()` and the other
 * method calls, most calls of an app, are not evaluated for it.
 */
function mayCreateRouter(call) {
    let callee = unwrapExpression(call.callee);
    // `(0, express.Router)()`, as compilers write an unbound call.
    while (callee.type === 'SequenceExpression')
        callee = unwrapExpression(callee.expressions.at(-1));
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression')
        return true;
    const name = propertyName(callee);
    return name === 'Router' || name === 'default' || name === 'express' || (name !== undefined && SETUPS.has(name));
}
/** `createExpressServer(options)` / `useExpressServer(app, options)` of routing-controllers. */
function isControllerSetup(value) {
    return (value.kind === 'call' &&
        value.callee.kind === 'package' &&
        value.callee.name === PACKAGE &&
        value.callee.path.length === 1 &&
        SETUPS.has(value.callee.path[0]));
}
function literalPath(value) {
    return value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}
/** Joins a mount path and a route path as Express matches them. */
function joinPaths(prefix, path) {
    // A path written with an unknown start (`${base}/x`, see path-text.ts) brings its own slash, if any.
    if (path.startsWith('${'))
        return `${prefix.replace(/\/+$/, '')}${path}`;
    const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
    return joined === '/' ? '/' : joined.replace(/\/+$/, '') || '/';
}
/** Whether middleware mounted at `mount` runs for requests to `path` (an unknown mount matches all). */
function pathCovers(mount, path) {
    if (mount === undefined || mount === '/' || mount === '' || mount === '*')
        return true;
    const m = mount.replace(/\/+$/, '').toLowerCase();
    const p = path.toLowerCase();
    return p === m || p.startsWith(`${m}/`);
}
function compareOrder(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
        const d = (a[i] ?? -1) - (b[i] ?? -1);
        if (d !== 0)
            return d;
    }
    return 0;
}
/**
 * The model of the app's Express structure across modules: apps and routers with their uses,
 * routes and settings in the order they run, mounts, and what each middleware is.
 */
class ExpressModel {
    graph;
    evaluator;
    routers = [];
    /** `.use()` calls on something that is not known to be an app or router (a parameter never bound, say). */
    orphanUses = [];
    /** Express settings (`disable('x-powered-by')`, `set('trust proxy', 1)`) on receivers not known to be an app. */
    orphanSettings = [];
    /** What readers and rules derive from this model, computed once per package's scan. */
    cache = new ModelCache();
    byNode = new Map();
    wrapDepth = 0;
    resourceRouters = new Map();
    constructor(modules, mapImport) {
        this.graph = new ModuleGraph(modules, mapImport);
        this.evaluator = new Evaluator(this.graph);
        this.build();
    }
    /** Apps that are not mounted into another app: what a server listens with. */
    get apps() {
        return this.routers.filter((r) => r.kind === 'app' && r.mounts.length === 0);
    }
    evaluate(node, module) {
        return this.evaluator.evaluate(node, module);
    }
    routerFor(value) {
        const kind = isExpressCreation(value);
        if (!kind || !value.at)
            return undefined;
        const existing = this.byNode.get(value.at.node);
        if (existing)
            return existing;
        const parent = value.at.module.index.parents.get(value.at.node);
        const variable = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier'
            ? parent.id.name
            : parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier'
                ? parent.left.name
                : undefined;
        const router = {
            id: this.routers.length,
            kind,
            site: value.at,
            ...locate(value.at),
            ...(variable ? { variable } : {}),
            events: [],
            mounts: []
        };
        this.routers.push(router);
        this.byNode.set(value.at.node, router);
        return router;
    }
    build() {
        const setups = [];
        for (const module of this.graph.modules.values()) {
            for (const call of module.index.calls) {
                if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression')
                    continue;
                if (mayCreateRouter(call)) {
                    const value = this.evaluate(call, module);
                    this.routerFor(value);
                    if (isControllerSetup(value))
                        setups.push({ call, value, module });
                }
                this.event(call, module);
            }
        }
        for (const { call, value, module } of setups)
            this.controllerSetup(call, value, module);
        for (const router of this.routers)
            router.events.sort((a, b) => compareOrder(a.order, b.order));
    }
    /** The app a routing-controllers setup builds or configures, with its controllers, middlewares and error handling. */
    controllerSetup(call, value, module) {
        const created = this.routerFor(value);
        const apps = created ? [created] : branches(this.evaluate(call.arguments[0], module)).map((b) => this.routerFor(b));
        for (const app of apps) {
            if (app?.kind !== 'app')
                continue;
            applySetup(this, app, call, module, [app.site.module === module ? 0 : 1, call.start ?? 0]);
        }
    }
    /** A router the model adds for a structure Express builds from something else (a routing-controllers controller). */
    newRouter(site, variable) {
        const router = {
            id: this.routers.length,
            kind: 'router',
            site,
            ...locate(site),
            ...(variable ? { variable } : {}),
            events: [],
            mounts: []
        };
        this.routers.push(router);
        return router;
    }
    /** Records `<router>.use/route/set/...(...)` calls, including `router.route(path).get(...)` chains. */
    event(call, module) {
        if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression')
            return;
        const callee = call.callee;
        if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression')
            return;
        const method = propertyName(callee);
        if (!method || !ROUTER_METHODS.has(method) || method === 'route')
            return;
        const chain = this.routeChain(callee.object, module);
        const receiverValue = chain ? chain.receiver : this.evaluate(callee.object, module);
        const receivers = branches(receiverValue).filter((b) => this.routerFor(b));
        if (receivers.length === 0) {
            this.orphanUse(call, method, chain !== undefined, module);
            return;
        }
        for (const receiver of receivers)
            this.addEvent(call, method, chain, receiver, module);
    }
    orphanUse(call, method, inChain, module) {
        const args = call.arguments;
        if (method === 'use' && !inChain) {
            const handlers = args.flatMap((a) => this.handlers(this.evaluate(a, module), { module, node: a }));
            if (handlers.some((h) => h.kind === 'middleware' || (h.kind === 'function' && h.fn.params.length === 4)))
                this.orphanUses.push({ site: { module, node: call }, handlers });
        }
        if (method === 'set' || method === 'disable' || method === 'enable') {
            const name = literalPath(this.evaluate(args[0], module));
            if (name === undefined || !EXPRESS_SETTINGS.has(name))
                return;
            const value = method === 'set' ? this.evaluate(args[1], module) : { kind: 'literal', value: method === 'enable' };
            this.orphanSettings.push({ site: { module, node: call }, name, value });
        }
    }
    addEvent(call, method, chain, receiver, module) {
        const callee = call.callee;
        const router = this.routerFor(receiver);
        const args = call.arguments;
        const site = { module, node: call };
        // Code in the module that creates the router runs first; a module that imports it runs after.
        // Uses reached through a setup function run where that function is called.
        const via = receiver.via ?? [];
        const rank = (via[0]?.module ?? module) === router.site.module ? 0 : 1;
        const order = [rank, ...via.map((s) => s.node.start ?? 0), callee.property.start ?? call.start ?? 0];
        const base = { site, order, ...locate(site) };
        if (method === 'set' || method === 'disable' || method === 'enable') {
            const name = literalPath(this.evaluate(args[0], module));
            if (name === undefined)
                return;
            const value = method === 'set' ? this.evaluate(args[1], module) : { kind: 'literal', value: method === 'enable' };
            router.events.push({ ...base, type: method, handlers: [], setting: { name, value } });
            return;
        }
        const first = args[0] ? this.evaluate(args[0], module) : undefined;
        const written = chain ? chain.pathText : this.writtenFirst(args, method, first, module);
        const firstIsPath = first !== undefined &&
            (literalPath(first) !== undefined ||
                (written !== undefined && !chain) ||
                first.kind === 'regex' ||
                (first.kind === 'array' && method !== 'use') ||
                (first.kind === 'union' && branches(first).every((b) => literalPath(b) !== undefined)));
        const pathArg = chain ? chain.path : firstIsPath ? literalPath(first) : method === 'use' ? '/' : undefined;
        if (method === 'get' && !chain && args.length === 1) {
            const setting = literalPath(first);
            if (setting !== undefined)
                return; // app.get('setting') reads a setting
        }
        const handlerArgs = chain || !firstIsPath ? args : args.slice(1);
        if (!chain && method !== 'use' && handlerArgs.length === 0)
            return;
        const perElement = first?.kind === 'union' && !chain ? this.perElement(first, handlerArgs, module) : undefined;
        const parts = perElement ?? [
            { path: pathArg, handlers: handlerArgs.flatMap((a) => this.handlers(this.evaluate(a, module), { module, node: a })) }
        ];
        for (const { path, handlers } of parts) {
            const text = path === undefined && written !== undefined ? { pathText: written } : {};
            const event = {
                ...base,
                type: method === 'use' ? 'use' : 'route',
                ...(path !== undefined ? { path } : {}),
                ...text,
                handlers
            };
            if (method !== 'use')
                event.method = method;
            router.events.push(event);
            for (const h of handlers)
                if (h.kind === 'router')
                    h.router.mounts.push({ parent: router, event });
        }
    }
    /**
     * `routes.forEach((r) => router.use(r.path, r.route))`: the path and the handlers are unions over
     * the same list, so element i's path goes with element i's handlers (one event each).
     */
    perElement(paths, args, module) {
        const values = args.map((a) => ({ node: a, value: this.evaluate(a, module) }));
        if (values.length === 0 || !values.every(({ value }) => value.kind === 'union' && value.options.length === paths.options.length))
            return undefined;
        return paths.options.map((option, i) => {
            const path = literalPath(option);
            const handlers = values.flatMap(({ node, value }) => this.handlers(value.options[i], { module, node }));
            return { ...(path !== undefined ? { path } : {}), handlers };
        });
    }
    /** `router.route('/x').get(a).post(b)`: the router and path behind a chain of route calls. */
    routeChain(object, module) {
        let node = object;
        while (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
            const name = propertyName(node.callee);
            if (name === 'route') {
                const arg = node.arguments[0];
                const path = literalPath(this.evaluate(arg, module));
                const text = path === undefined && arg ? this.writtenPath(arg, module) : undefined;
                return {
                    receiver: this.evaluate(node.callee.object, module),
                    ...(path !== undefined ? { path } : {}),
                    ...(text !== undefined ? { pathText: text } : {})
                };
            }
            if (!name || !ROUTE_METHODS.has(name))
                return undefined;
            node = node.callee.object;
        }
        return undefined;
    }
    writtenPath(node, module) {
        return writtenPath(node, module, (n) => this.evaluate(n, module));
    }
    /**
     * A first argument that is a path the model cannot know, as written: text (`${base}/x`), or for a
     * route, whose first argument Express always takes as its path, any expression (`${paths.health}`).
     */
    writtenFirst(args, method, first, module) {
        const arg = args[0];
        if (!arg || !first || literalPath(first) !== undefined || ['regex', 'array', 'union', 'function'].includes(first.kind))
            return undefined;
        const text = this.writtenPath(arg, module);
        return text ?? (ROUTE_METHODS.has(method) && args.length >= 2 ? writtenExpression(arg, module) : undefined);
    }
    /**
     * What a value given to `.use()` or a route is. A call that wraps handlers (`asyncHandler(fn)`,
     * `catchAsync(controller.create)`, `wrap(factory())`) is the wrapper, then the handlers it wraps:
     * the wrapper runs first, the wrapped function answers.
     */
    handlers(value, site) {
        const resource = this.resourceRouter(value, site);
        if (resource)
            return [{ kind: 'router', router: resource, site: value.at ?? site }];
        const own = this.ownHandlers(value, site);
        return value.kind === 'call' && own.every((h) => h.kind !== 'router') ? [...own, ...this.wrappedHandlers(value, site)] : own;
    }
    /**
     * The handlers a call wraps: arguments that are handler-like functions of the app, factory calls
     * returning one, or wrapper calls around those. A package middleware with a known job is no
     * wrapper (`cors(delegate)` is CORS middleware).
     */
    wrappedHandlers(call, site) {
        const callee = call.callee;
        if (callee.kind === 'package' && (callee.name === 'express' || packageKind(callee.name) !== undefined))
            return [];
        if (this.wrapDepth > 3)
            return [];
        this.wrapDepth += 1;
        try {
            const module = call.at?.module ?? site.module;
            return call.args.flatMap((arg) => branches(this.evaluate(arg, module)).flatMap((v) => {
                const at = v.at ?? { module, node: arg };
                if (v.kind === 'function')
                    return looksLikeHandler(v.fn) ? [{ kind: 'function', fn: v.fn, site: at }] : [];
                if (v.kind !== 'call')
                    return [];
                if (v.callee.kind === 'function') {
                    const home = this.graph.moduleOf(v.callee.fn);
                    return returnsHandler(this.evaluator, v.callee.fn, home) ? this.handlers(v, at) : this.wrappedHandlers(v, at);
                }
                return this.wrappedHandlers(v, at);
            }));
        }
        finally {
            this.wrapDepth -= 1;
        }
    }
    /**
     * A router made by a package from an object of handler methods, in the way of
     * resource-router-middleware: `resource({ id: 'user', list({ query }, res) {...}, create({ body }, res) {...} })`
     * routes `list`/`index` as GET /, `create` as POST /, `read`/`update`/`modify`/`delete` on /:id.
     * Undefined when no method of the object names a route.
     */
    resourceRouter(value, site, depth = 0) {
        if (value.kind === 'call' && value.callee.kind === 'function' && value.callee.at && depth < 2) {
            // `api.use('/facets', facets({ config }))` where `facets = (deps) => resource({...})`.
            const module = value.callee.at.module;
            const returned = singleReturn(value.callee.fn);
            return returned ? this.resourceRouter(this.evaluate(returned, module), { module, node: returned }, depth + 1) : undefined;
        }
        if (value.kind !== 'call' || value.callee.kind !== 'package' || packageKind(value.callee.name) !== undefined)
            return undefined;
        const [first] = value.args;
        const module = value.at?.module ?? site.module;
        const object = first ? this.evaluate(first, module) : undefined;
        if (object?.kind !== 'object')
            return undefined;
        const node = (value.at ?? site).node;
        const known = this.resourceRouters.get(node);
        if (known)
            return known;
        const id = object.entries.find((e) => e.key === 'id');
        const idValue = id ? this.evaluate(id.node, object.at?.module ?? module) : undefined;
        const param = `/:${idValue?.kind === 'literal' && typeof idValue.value === 'string' ? idValue.value : 'id'}`;
        const routes = object.entries.flatMap(({ key, node: entry }) => {
            const verb = RESOURCE_VERBS[key];
            const fn = verb ? this.evaluate(entry, object.at?.module ?? module) : undefined;
            if (!verb || fn?.kind !== 'function' || !looksLikeHandler(fn.fn))
                return [];
            return [
                {
                    method: verb[0],
                    path: verb[1] === 'item' ? param : '/',
                    fn: fn.fn,
                    site: fn.at ?? { module: object.at?.module ?? module, node: entry }
                }
            ];
        });
        if (routes.length === 0)
            return undefined;
        const router = this.newRouter(value.at ?? site, undefined);
        this.resourceRouters.set(node, router);
        routes.forEach((r, i) => router.events.push({
            type: 'route',
            order: [node.start ?? 0, i],
            site: r.site,
            ...locate(r.site),
            method: r.method,
            path: r.path,
            handlers: [{ kind: 'function', fn: r.fn, site: r.site }]
        }));
        return router;
    }
    ownHandlers(value, site) {
        if (value.kind === 'array') {
            const module = value.at?.module ?? site.module;
            return value.elements.flatMap((e) => this.handlers(this.evaluate(e, module), { module, node: e }));
        }
        if (value.kind === 'conditional' || value.kind === 'fallback' || value.kind === 'union')
            return branches(value).flatMap((b) => this.handlers(b, site));
        const at = value.at ?? site;
        const router = this.routerFor(value);
        if (router)
            return [{ kind: 'router', router, site: at }];
        if (value.kind === 'call' && value.callee.kind === 'package') {
            const [first] = value.args;
            const module = value.at?.module ?? site.module;
            return [
                {
                    kind: 'middleware',
                    package: value.callee.name,
                    export: value.callee.path,
                    options: first ? this.evaluate(first, module) : undefined,
                    called: true,
                    site: at
                }
            ];
        }
        if (value.kind === 'call' && value.callee.kind === 'call' && value.callee.callee.kind === 'package') {
            return [
                {
                    kind: 'middleware',
                    package: value.callee.callee.name,
                    export: value.callee.callee.path,
                    options: undefined,
                    called: true,
                    site: at
                }
            ];
        }
        if (value.kind === 'package')
            return [{ kind: 'middleware', package: value.name, export: value.path, options: undefined, called: false, site: at }];
        if (value.kind === 'function')
            return [{ kind: 'function', fn: value.fn, site: at }];
        if (value.kind === 'call' && value.callee.kind === 'function') {
            const returned = value.callee.at ? this.returnedRouter(value.callee.fn, value.callee.at.module) : undefined;
            if (returned)
                return [{ kind: 'router', router: returned, site: at }];
            return [{ kind: 'factory', fn: value.callee.fn, args: value.args, site: at }];
        }
        return [{ kind: 'unknown', site: at }];
    }
    /** `module.exports = (passport) => { router.post(...); return router }`: the router a function returns. */
    returnedRouter(fn, module) {
        if (fn.body.type !== 'BlockStatement')
            return this.routerFor(this.evaluate(fn.body, module));
        for (const statement of fn.body.body) {
            if (statement.type === 'ReturnStatement' && statement.argument)
                return this.routerFor(this.evaluate(statement.argument, module));
        }
        return undefined;
    }
    /** Every route of an app with its full path and the handlers that run before it. */
    routesOf(app) {
        const routes = [];
        const visit = (router, prefix, inherited, seen) => {
            if (seen.has(router))
                return;
            const inScope = new Set([...seen, router]);
            const earlier = [];
            for (const event of router.events) {
                if (event.type === 'use') {
                    const mountPath = joinPaths(prefix, event.path ?? event.pathText ?? '/');
                    for (const handler of event.handlers) {
                        if (handler.kind === 'router')
                            visit(handler.router, mountPath, [...inherited, ...earlier], inScope);
                    }
                    const mount = event.path === undefined ? undefined : mountPath;
                    earlier.push(...event.handlers.filter((h) => h.kind !== 'router').map((handler) => ({ handler, event, mount })));
                }
                else if (event.type === 'route') {
                    const fullPath = joinPaths(prefix, event.path ?? event.pathText ?? '/');
                    const before = [
                        ...[...inherited, ...earlier]
                            .filter((e) => pathCovers(e.mount, fullPath))
                            .map(({ handler, event: e }) => ({ handler, event: e })),
                        ...event.handlers.slice(0, -1).map((handler) => ({ handler, event }))
                    ];
                    routes.push({ app, router, event, fullPath, before });
                }
            }
        };
        visit(app, '', [], new Set());
        return routes;
    }
    /** Middleware used anywhere under an app (its own and its mounted routers'), with the event. */
    middlewareOf(app) {
        const found = [];
        const visit = (router, seen) => {
            if (seen.has(router))
                return;
            seen.add(router);
            for (const event of router.events) {
                for (const handler of event.handlers) {
                    if (handler.kind === 'middleware')
                        found.push({ handler, event, router });
                    if (handler.kind === 'router')
                        visit(handler.router, seen);
                }
            }
        };
        visit(app, new Set());
        return found;
    }
    /** The value of `app.set(name, ...)`, last one wins; undefined when never set. */
    setting(app, name) {
        const event = [...app.events].reverse().find((e) => e.setting?.name === name);
        return event?.setting ? { value: event.setting.value, event } : undefined;
    }
    /** The function a node sits in, for handlers written inline. */
    enclosingFunction(site) {
        return enclosingFunction(site.module.index, site.node);
    }
}
function buildExpressModel(modules, mapImport) {
    return new ExpressModel(modules, mapImport);
}

// EXTERNAL MODULE: ./src/parse/compose.ts
var compose = __webpack_require__(6791);
// EXTERNAL MODULE: ./src/parse/dockerfile.ts + 1 modules
var dockerfile = __webpack_require__(5830);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/data/node-releases.ts

/**
 * The Node.js release schedule (https://github.com/nodejs/Release, schedule.json). From 27 on
 * there is one major a year, each LTS, ending 36 months after its April release; 27's dates are
 * the announced plan. Update this table when a new line is scheduled.
 */
const NODE_RELEASES = [
    { major: 0, end: '2016-12-31' },
    { major: 4, codename: 'argon', lts: '2015-10-12', end: '2018-04-30' },
    { major: 5, end: '2016-06-30' },
    { major: 6, codename: 'boron', lts: '2016-10-18', end: '2019-04-30' },
    { major: 7, end: '2017-06-30' },
    { major: 8, codename: 'carbon', lts: '2017-10-31', end: '2019-12-31' },
    { major: 9, end: '2018-06-30' },
    { major: 10, codename: 'dubnium', lts: '2018-10-30', end: '2021-04-30' },
    { major: 11, end: '2019-06-01' },
    { major: 12, codename: 'erbium', lts: '2019-10-21', end: '2022-04-30' },
    { major: 13, end: '2020-06-01' },
    { major: 14, codename: 'fermium', lts: '2020-10-27', end: '2023-04-30' },
    { major: 15, end: '2021-06-01' },
    { major: 16, codename: 'gallium', lts: '2021-10-26', end: '2023-09-11' },
    { major: 17, end: '2022-06-01' },
    { major: 18, codename: 'hydrogen', lts: '2022-10-25', end: '2025-04-30' },
    { major: 19, end: '2023-06-01' },
    { major: 20, codename: 'iron', lts: '2023-10-24', end: '2026-04-30' },
    { major: 21, end: '2024-06-01' },
    { major: 22, codename: 'jod', lts: '2024-10-29', end: '2027-04-30' },
    { major: 23, end: '2025-06-01' },
    { major: 24, codename: 'krypton', lts: '2025-10-28', end: '2028-04-30' },
    { major: 25, end: '2026-06-01' },
    { major: 26, lts: '2026-10-28', end: '2029-04-30' },
    { major: 27, lts: '2027-10-26', end: '2030-04-30' }
];
function findNodeRelease(major) {
    return NODE_RELEASES.find((r) => r.major === major);
}
/** The major of an LTS codename (`carbon` → 8), case-insensitive. */
function majorOfCodename(codename) {
    const name = codename.toLowerCase();
    return NODE_RELEASES.find((r) => r.codename === name)?.major;
}
/** Is this major past its end of life on `date` (YYYY-MM-DD)? Unknown majors are not. */
function isEndOfLife(major, date) {
    const end = findNodeRelease(major)?.end;
    return end !== undefined && end < date;
}
/** LTS lines in support on `date`, oldest first: what to move to. */
function supportedLtsMajors(date) {
    return NODE_RELEASES.filter((r) => r.lts !== undefined && r.lts <= date && date <= r.end).map((r) => r.major);
}
/**
 * The oldest end-of-life major that an `engines.node` range lets in, judged by the lowest version
 * of each `||` alternative. An open upper end (`>=22`) is not held against a range: it admits
 * the short-lived odd lines (23, 25) by arithmetic, not by intent. Undefined for an invalid range.
 */
function oldestEndOfLifeMajor(range, date) {
    let parsed;
    try {
        parsed = new (semver_default()).Range(range);
    }
    catch {
        return undefined;
    }
    const majors = parsed.set
        .map((comparators) => semver_default().minVersion(new (semver_default()).Range(comparators.map((c) => c.value).join(' ') || '*'))?.major)
        .filter((major) => major !== undefined && isEndOfLife(major, date));
    return majors.length > 0 ? Math.min(...majors) : undefined;
}

;// CONCATENATED MODULE: ./src/parse/image-ref.ts
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function parseImageRef(reference) {
    const [withoutDigest = '', digest] = reference.trim().split('@', 2);
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    const hasTag = colon > slash;
    const repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
    const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined;
    const parts = repository.split('/');
    const first = parts[0] ?? '';
    const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
    const path = (hasRegistry ? parts.slice(1) : parts).join('/');
    return {
        ...(hasRegistry ? { registry: first.toLowerCase() } : {}),
        path,
        name: path.split('/').at(-1) ?? path,
        ...(tag ? { tag } : {}),
        ...(digest ? { digest } : {})
    };
}
/** An image of Docker Hub's official library (`node`, `docker.io/library/node`, a `library/` mirror). */
function isOfficialImage(ref, name) {
    if (ref.path === `library/${name}` || ref.path.endsWith(`/library/${name}`))
        return true;
    return ref.path === name && (ref.registry === undefined || DOCKER_HUB.has(ref.registry));
}

;// CONCATENATED MODULE: ./src/model/docker/images.ts


/**
 * Base images that already run as a non-root user unless told otherwise: distroless `:nonroot` and
 * `:debug-nonroot`, Chainguard's images, and Gitpod's workspace images (user `gitpod`, UID 33333).
 */
const NON_ROOT_IMAGES = [
    /^gcr\.io\/distroless\/.+:(?:[^@]*-)?nonroot(?:@|$)/,
    /^cgr\.dev\/chainguard\//,
    /^(?:docker\.io\/)?chainguard\//,
    /^(?:docker\.io\/)?gitpod\/workspace-[^/:@]+(?:[:@]|$)/
];
/** Tags that move to a new release by themselves. */
const FLOATING_WORD = '(?:latest|lts|current|stable|mainline|edge|alpine|slim|nightly|rolling|main|master|nonroot|debug)';
const FLOATING_TAG = new RegExp(`^${FLOATING_WORD}(?:-${FLOATING_WORD})*$`);
/** Images named for a Node major: `gcr.io/distroless/nodejs22-debian12`, `ubi9/nodejs-20`. */
const VERSIONED_NODE_NAME = /^nodejs-?(\d+)(?:-|$)/;
function defaultsToNonRoot(image) {
    return NON_ROOT_IMAGES.some((re) => re.test(image));
}
function isOfficialNodeImage(ref) {
    return isOfficialImage(ref, 'node');
}
/** A Node.js runtime image: official `node`, distroless `nodejs*`, Chainguard/Bitnami/CircleCI `node`, UBI `nodejs-*`. */
function isNodeImage(image) {
    const { name } = parseImageRef(image);
    return name === 'node' || name === 'nodejs' || VERSIONED_NODE_NAME.test(name);
}
/** The Node major an image runs, when its name or tag says (`node:18-alpine`, `node:carbon`, `nodejs20-debian12`). */
function nodeMajorOf(image) {
    const ref = parseImageRef(image);
    const named = ref.name.match(VERSIONED_NODE_NAME)?.[1];
    if (named)
        return Number(named);
    if ((ref.name !== 'node' && ref.name !== 'nodejs') || !ref.tag)
        return undefined;
    const numeric = ref.tag.match(/^v?(\d+)(?:[.-]|$)/)?.[1];
    if (numeric)
        return Number(numeric);
    const codename = ref.tag.match(/^([a-z]+)(?:-|$)/)?.[1];
    return codename && isOfficialNodeImage(ref) ? majorOfCodename(codename) : undefined;
}
/**
 * Why a base image is not pinned, or undefined when it is: no tag (`:latest`), `:latest`, or a
 * tag that moves across releases (`lts-alpine`, `alpine`, `current`; for `node`, any tag without
 * a version or LTS codename, such as `bookworm`). A digest pins; a version in the image name
 * (`nodejs22-debian12:nonroot`) pins the release line as a version tag does.
 */
function floatingTag(image) {
    const ref = parseImageRef(image);
    if (ref.digest)
        return undefined;
    if (!ref.tag)
        return 'no tag, so :latest';
    if (ref.tag === 'latest')
        return ':latest';
    if (/\d/.test(ref.name))
        return undefined;
    if (FLOATING_TAG.test(ref.tag))
        return `:${ref.tag} moves to new releases`;
    const versioned = /^v?\d/.test(ref.tag) || majorOfCodename(ref.tag.split('-')[0] ?? '') !== undefined;
    return isOfficialNodeImage(ref) && !versioned ? `:${ref.tag} moves to new Node majors` : undefined;
}
/** The official `node` image in its full Debian variant (not `-slim`, `-alpine`); a bare digest says nothing. */
function isFullNodeImage(image) {
    const ref = parseImageRef(image);
    if (!isOfficialNodeImage(ref) || (ref.digest && !ref.tag))
        return false;
    return !/(?:^|-)(?:slim|alpine)/.test(ref.tag ?? '');
}

;// CONCATENATED MODULE: ./src/model/docker/runtime.ts


const NODE_COMMANDS = new Set([
    'node',
    'nodejs',
    'npm',
    'npx',
    'yarn',
    'pnpm',
    'pm2',
    'pm2-runtime',
    'nodemon',
    'ts-node',
    'tsx',
    'forever'
]);
function runtimeOf(model) {
    const final = (0,dockerfile/* finalStage */.BD)(model);
    if (!final)
        return undefined;
    const chain = (0,dockerfile/* stageChain */.ap)(model, final);
    const user = chain.find((s) => s.user)?.user;
    return { final, base: chain.at(-1) ?? final, ...(user ? { user } : {}) };
}
function isRootUser(user) {
    const name = user.trim().split(':')[0]?.trim() ?? '';
    return name === 'root' || name === '0' || name === '';
}
/** CMD and ENTRYPOINT instructions of the stage and the stages it is built FROM (it inherits theirs). */
function startInstructions(model, stage) {
    return (0,dockerfile/* stageChain */.ap)(model, stage)
        .flatMap((s) => s.instructions)
        .filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
}
/** Does the final stage run Node? Its base is a Node image, or it starts node/npm/yarn/pm2... */
function runsNode(model, runtime) {
    if (isNodeImage(runtime.base.image))
        return true;
    return startInstructions(model, runtime.final).some((i) => i.commands.some((c) => NODE_COMMANDS.has(c.words[0]?.split('/').at(-1) ?? '')));
}

;// CONCATENATED MODULE: ./src/model/docker/development.ts



/** `Dockerfile.dev`, `Dockerfile-development`, `dev.Dockerfile`, `api.dev.dockerfile`. */
const DEV_DOCKERFILE = /(?:^|[.-])(?:dev|develop|development)(?:[.-]|$)/i;
/** `docker-compose.dev.yml`, `compose.local.yaml`, `docker-compose.override.yml` (Compose's local-overrides file). */
const DEV_COMPOSE = /(?:^|[.-])(?:dev|develop|development|local|debug|override)(?:[.-]|$)/i;
/** Watchers and dev servers: a container that starts one serves a developer, not production. */
const DEV_SERVERS = new Set(['nodemon', 'ts-node-dev', 'tsnd', 'node-dev']);
const DEV_SUBCOMMANDS = { next: new Set(['dev']), nuxt: new Set(['dev']), nuxi: new Set(['dev']) };
const RUN_SCRIPT = new Set(['run', 'run-script']);
const DEV_SCRIPTS = new Set(['dev', 'develop', 'development', 'start:dev', 'dev:server', 'watch']);
function isDevelopmentComposeName(name) {
    return DEV_COMPOSE.test(name.replace(/\.ya?ml$/i, ''));
}
/** `nodemon app.js`, `ts-node-dev src/index.ts`, `next dev`, `npm run dev`, `yarn dev`, `node --watch app.js`. */
function startsDevServer(command) {
    const [program = '', sub, next] = command.words.map((w) => w.split('/').at(-1) ?? w);
    if (DEV_SERVERS.has(program))
        return true;
    if (DEV_SUBCOMMANDS[program]?.has(sub ?? ''))
        return true;
    if (program === 'npx' && sub !== undefined)
        return DEV_SERVERS.has(sub) || DEV_SUBCOMMANDS[sub]?.has(next ?? '') === true;
    if (program === 'node')
        return command.words.includes('--watch');
    if (program !== 'npm' && program !== 'yarn' && program !== 'pnpm' && program !== 'bun')
        return false;
    const script = sub !== undefined && RUN_SCRIPT.has(sub) ? next : program === 'npm' ? undefined : sub;
    return script !== undefined && DEV_SCRIPTS.has(script);
}
/**
 * Why a Dockerfile builds an image for development only, or undefined when it may ship: its name
 * (`Dockerfile.dev`), the Compose files that build it (only development ones: `docker-compose.dev.yml`),
 * or the command its final stage starts (nodemon, ts-node-dev, `next dev`, `npm run dev`).
 */
function developmentDockerfiles(docs) {
    const byComposeKind = new Map();
    for (const { path, model } of docs.composeFiles) {
        const dev = isDevelopmentComposeName(external_node_path_.posix.basename(path));
        for (const service of model.services) {
            const built = service.build && (0,compose/* buildDockerfilePath */.Kb)(path, service.build);
            if (!built)
                continue;
            const seen = byComposeKind.get(built) ?? { dev: false, prod: false };
            byComposeKind.set(built, dev ? { ...seen, dev: true } : { ...seen, prod: true });
        }
    }
    const result = new Map();
    for (const { path, model } of docs.dockerfiles) {
        const compose = byComposeKind.get(path);
        const runtime = runtimeOf(model);
        if (DEV_DOCKERFILE.test(external_node_path_.posix.basename(path)))
            result.set(path, 'named for development');
        else if (compose?.dev && !compose.prod)
            result.set(path, 'built only by a development Compose file');
        else if (runtime && startInstructions(model, runtime.final).some((i) => i.commands.some(startsDevServer)))
            result.set(path, 'starts a development server');
    }
    return result;
}

// EXTERNAL MODULE: ./src/rules/rule.ts
var rule = __webpack_require__(281);
;// CONCATENATED MODULE: ./src/model/app-uses.ts


const HTTP_PACKAGES = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2', 'spdy']);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);
/** Members of an app that serve nothing: listening, settings and their reads, template locals. */
const INERT_MEMBERS = new Set(['listen', 'set', 'enable', 'disable', 'enabled', 'disabled', 'locals', 'settings']);
/** The node an expression's value goes on to: the expression itself, or the one wrapping it in parentheses or a type cast. */
function outermost(node, module) {
    let n = node;
    let parent = module.index.parents.get(n);
    while (parent && unwrapExpression(parent) === unwrapExpression(n)) {
        n = parent;
        parent = module.index.parents.get(n);
    }
    return { node: n, parent };
}
/** Whether the app at `node` is used in a way that serves nothing: given to `http.createServer`, `app.listen()`, a setting. */
function isInertUse(express, node, module) {
    const { node: used, parent } = outermost(node, module);
    if (!parent)
        return false;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(used)) {
        const callee = express.evaluate(parent.callee, module);
        return (callee.kind === 'package' && HTTP_PACKAGES.has(callee.name) && SERVER_FACTORIES.has(callee.path[0] ?? '') && callee.path.length === 1);
    }
    if (parent.type !== 'MemberExpression' || parent.object !== used || parent.computed)
        return false;
    const member = propertyName(parent) ?? '';
    if (INERT_MEMBERS.has(member))
        return true;
    // `app.get('port')` reads a setting; with a handler it would be a route.
    const call = module.index.parents.get(parent);
    return member === 'get' && call?.type === 'CallExpression' && call.callee === parent && call.arguments.length === 1;
}
/**
 * Whether an app serves nothing but 404s: no middleware, routes or mounted routers, and every use
 * of it is understood (a server made of it, `listen`, settings) — as an app that only carries a
 * websocket server. An app exported, handed to a function or stored elsewhere may get its routes
 * where the model cannot see, so it is not one.
 */
function servesNothing(express, app) {
    if (app.kind !== 'app' || app.mounts.length > 0 || app.events.some((e) => e.type === 'use' || e.type === 'route'))
        return false;
    const { module, node } = app.site;
    const { parent } = outermost(node, module);
    if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier')
        return isInertUse(express, node, module);
    const declarator = parent;
    const name = parent.id.name;
    for (const n of nodesOf(module.index)) {
        if (n.type !== 'Identifier' || n.name !== name || n === declarator.id)
            continue;
        const p = module.index.parents.get(n);
        // Not a reference: a member's or a key's name.
        if ((p?.type === 'MemberExpression' || p?.type === 'OptionalMemberExpression') && p.property === n && !p.computed)
            continue;
        if ((p?.type === 'ObjectProperty' || p?.type === 'ObjectMethod' || p?.type === 'ClassMethod') && p.key === n && !p.computed) {
            if (p.type !== 'ObjectProperty' || !p.shorthand)
                continue;
        }
        const binding = lookup(module.index, name, n);
        if (binding?.kind !== 'var' || binding.declarator !== declarator)
            continue;
        if (!isInertUse(express, n, module))
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/model/security-headers.ts
/** What a browser needs from header middleware before the rest matters: the script policy and HTTPS-only. */
const REQUIRED_HEADERS = ['Content-Security-Policy', 'Strict-Transport-Security'];
/** helmet's single-header middlewares (names of helmet 3 to 8). */
const HELMET_EXPORTS = {
    contentSecurityPolicy: 'Content-Security-Policy',
    csp: 'Content-Security-Policy',
    hsts: 'Strict-Transport-Security',
    strictTransportSecurity: 'Strict-Transport-Security',
    noSniff: 'X-Content-Type-Options',
    xContentTypeOptions: 'X-Content-Type-Options',
    frameguard: 'X-Frame-Options',
    xFrameOptions: 'X-Frame-Options',
    xssFilter: 'X-XSS-Protection',
    xXssProtection: 'X-XSS-Protection',
    referrerPolicy: 'Referrer-Policy'
};
/** lusca's middlewares, which are also the option keys of `lusca({...})`. */
const LUSCA_EXPORTS = {
    csp: 'Content-Security-Policy',
    hsts: 'Strict-Transport-Security',
    nosniff: 'X-Content-Type-Options',
    xframe: 'X-Frame-Options',
    xssProtection: 'X-XSS-Protection',
    referrerPolicy: 'Referrer-Policy'
};
/** The packages helmet was split into, each setting one header. */
const SINGLE_HEADER_PACKAGES = {
    'helmet-csp': 'Content-Security-Policy',
    hsts: 'Strict-Transport-Security',
    'dont-sniff-mimetype': 'X-Content-Type-Options',
    frameguard: 'X-Frame-Options',
    'x-xss-protection': 'X-XSS-Protection',
    'referrer-policy': 'Referrer-Policy'
};
function isSingleHeaderPackage(name) {
    return Object.hasOwn(SINGLE_HEADER_PACKAGES, name);
}
function lookupHeader(table, name) {
    const header = name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
    return header ? [header] : [];
}
/** `lusca({ csp, hsts, xframe })`: the headers whose options are given and not `false`; all when the options cannot be read. */
function luscaOptions(evaluator, handler) {
    const options = handler.options;
    if (!options || options.kind !== 'object')
        return 'all';
    const headers = [];
    for (const [key, header] of Object.entries(LUSCA_EXPORTS)) {
        const value = evaluator.property(options, key);
        if (value.kind === 'unknown')
            return 'all';
        if (value.kind !== 'absent' && !(value.kind === 'literal' && (value.value === false || value.value === undefined)))
            headers.push(header);
    }
    return headers;
}
/**
 * The security headers a package middleware sets: `all` for helmet itself (its options are judged
 * by other rules) and for options that cannot be read, else the headers of a single-header
 * middleware (`helmet.noSniff()`, `lusca.xframe()`, `hsts()`). Undefined for anything else.
 */
function headersSet(evaluator, handler) {
    if (handler.kind !== 'middleware')
        return undefined;
    const [name] = handler.export;
    if (handler.package === 'helmet')
        return name === undefined ? 'all' : lookupHeader(HELMET_EXPORTS, name);
    if (handler.package === 'lusca')
        return name === undefined ? luscaOptions(evaluator, handler) : lookupHeader(LUSCA_EXPORTS, name);
    if (isSingleHeaderPackage(handler.package))
        return name === undefined ? lookupHeader(SINGLE_HEADER_PACKAGES, handler.package) : [];
    return undefined;
}

;// CONCATENATED MODULE: ./src/rules/express/helmet-missing.ts




/** Header middleware that does helmet's job (helmet, lusca). */
function isHeaderMiddleware(handler) {
    return isKind(handler, 'headers');
}
function describe(app) {
    return app.variable ? `Express app '${app.variable}'` : 'Express app';
}
/** The headers the app's header middleware sets together, or `all` when one of them is helmet itself (or unreadable). */
function headersOf(express, uses) {
    const headers = new Set();
    for (const handler of uses.flatMap((e) => e.handlers)) {
        const set = headersSet(express.evaluator, handler);
        if (set === 'all')
            return 'all';
        for (const header of set ?? [])
            headers.add(header);
    }
    return headers;
}
/** `helmet.noSniff()` and `helmet.frameguard()` alone: header middleware that leaves out the CSP or HSTS. */
function partialFinding(express, app, uses) {
    const headers = headersOf(express, uses);
    if (headers === 'all')
        return [];
    const missing = REQUIRED_HEADERS.filter((h) => !headers.has(h));
    const [first] = uses;
    if (missing.length === 0 || !first)
        return [];
    const sets = headers.size > 0 ? `sets only ${[...headers].join(' and ')}` : 'sets none of the security headers';
    return [
        {
            file: first.file,
            line: first.line,
            column: first.column,
            messageId: 'partial-headers',
            message: `${describe(app)}'s header middleware ${sets}: ${missing.map((h) => `no ${h}`).join(', ')}; use \`app.use(helmet())\`, which sets them all`
        }
    ];
}
function checkApp(express, app) {
    const uses = app.events.filter((e) => e.type === 'use' && e.handlers.some(isHeaderMiddleware));
    const [helmet] = uses;
    if (!helmet) {
        return [
            {
                file: app.file,
                line: app.line,
                column: app.column,
                messageId: 'no-helmet',
                message: `${describe(app)} has no helmet, so responses lack security headers (CSP, HSTS, X-Content-Type-Options, frameguard): add \`app.use(helmet())\` before the routes`
            }
        ];
    }
    // A CORS preflight route (`app.options('*', cors())`) renders nothing that headers would protect.
    const partial = partialFinding(express, app, uses);
    if (partial.length > 0)
        return partial;
    const exposed = express.routesOf(app).find((r) => r.event.method !== 'options' && !r.before.some((b) => isHeaderMiddleware(b.handler)));
    if (!exposed)
        return [];
    return [
        {
            file: helmet.file,
            line: helmet.line,
            column: helmet.column,
            messageId: 'helmet-after-routes',
            message: `helmet is registered after the route ${(exposed.event.method ?? 'all').toUpperCase()} ${exposed.fullPath} (${exposed.event.file}:${exposed.event.line}), which is served without its headers: move \`app.use(helmet())\` above the first route`
        }
    ];
}
/**
 * Per app that is not mounted into another: helmet on the app, before every route. Single-header
 * middleware (`helmet.noSniff()`, `lusca.xframe()`) counts only when together they set both the
 * Content-Security-Policy and Strict-Transport-Security. Helmet used on
 * something the model cannot tie to an app (an unresolved setup parameter) counts as covering:
 * unclear wiring gives fewer findings, never wrong ones. An app that serves nothing (no middleware
 * or routes, only made into a server, e.g. for a websocket server) needs no headers.
 */
/* harmony default export */ const helmet_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'helmet-missing',
        severity: 'high',
        category: 'express',
        description: 'An Express app with no helmet (or equivalent header middleware) in front of its routes.',
        fix: '`app.use(helmet())` right after creating the app, before any route',
        cwe: 'CWE-693',
        messages: {
            'no-helmet': 'an app with no helmet (or equivalent header middleware) at all',
            'partial-headers': 'header middleware that sets only some headers (`helmet.noSniff()`, `lusca.xframe()`), without CSP or HSTS',
            'helmet-after-routes': 'helmet is registered, but after a route that is served without its headers'
        }
    },
    needs: 'source',
    check({ express }) {
        if (express.orphanUses.some((u) => u.handlers.some(isHeaderMiddleware)))
            return [];
        // Setup code shared by two apps (`configure(app)`, `configure(testApp)`) is reported once, where it is written.
        const seen = new Set();
        return express.apps
            .filter((app) => !servesNothing(express, app))
            .flatMap((app) => checkApp(express, app))
            .filter((f) => !seen.has(`${f.file}:${f.line}:${f.column}`) && seen.add(`${f.file}:${f.line}:${f.column}`));
    }
}));

// EXTERNAL MODULE: ./src/common/secret-names.ts
var secret_names = __webpack_require__(3164);
;// CONCATENATED MODULE: ./src/model/session-options.ts


const PACKAGES = new Set(['express-session', 'cookie-session', 'cookie-parser']);
function isCookieMiddleware(handler) {
    return handler.kind === 'middleware' && PACKAGES.has(handler.package) && handler.export.length === 0 && handler.called;
}
/** `session()` with no argument has known (default) options; `session(a)(b)` and the like do not. */
function optionsOf(handler) {
    if (handler.options)
        return handler.options;
    const node = handler.site.node;
    const bare = (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && node.arguments.length === 0;
    return bare ? { kind: 'object', entries: [], spreads: [], at: handler.site } : { kind: 'unknown' };
}
/**
 * Each distinct call of a session or cookie middleware that an app, a router or an unresolved
 * receiver uses (a call stored in a variable and used twice counts once).
 */
function cookieMiddlewares(express, only) {
    const handlers = [
        ...express.routers.flatMap((r) => r.events.flatMap((e) => e.handlers)),
        ...express.orphanUses.flatMap((u) => u.handlers)
    ];
    const seen = new Set();
    const found = [];
    for (const handler of handlers) {
        if (!isCookieMiddleware(handler) || seen.has(handler.site.node))
            continue;
        seen.add(handler.site.node);
        const pkg = handler.package;
        if (only && !only.includes(pkg))
            continue;
        found.push({ package: pkg, handler, options: optionsOf(handler), location: locate(handler.site) });
    }
    return found;
}
function sessionMiddlewares(express, pkg) {
    return cookieMiddlewares(express, [pkg]);
}
/** An option of a value (objects, conditionals, fallbacks and spreads followed); `unknown` when it cannot be told. */
function session_options_option(express, value, name) {
    return express.evaluator.property(value, name);
}
/** Whether every value the option may take satisfies `test` (so an unknown branch makes it false). */
function always(value, test) {
    return branches(value).every(test);
}
/** Not written, or written as `undefined`: the package default applies. */
function session_options_isUnset(value) {
    return value.kind === 'absent' || (value.kind === 'literal' && value.value === undefined);
}
function isLiteral(value, expected) {
    return value.kind === 'literal' && value.value === expected;
}
/** Where to point for an option: the value where it is written, else the middleware call. */
function optionLocation(value, middleware) {
    return value.kind !== 'absent' && value.at ? locate(value.at) : middleware.location;
}
/** Where the cookie attributes live: express-session's `cookie` object, cookie-session's top level. */
function cookieOptions(express, middleware) {
    if (middleware.package !== 'express-session')
        return middleware.options;
    const cookie = session_options_option(express, middleware.options, 'cookie');
    return session_options_isUnset(cookie) ? { kind: 'object', entries: [], spreads: [], at: middleware.handler.site } : cookie;
}
/** A comparison such as `process.env.NODE_ENV === 'production'`: true in some environment. */
function isComparison(site) {
    const node = site?.node;
    return node?.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator);
}
/** `secure: true`, or a conditional that is true in some environment (`NODE_ENV === 'production'`, `isProd ? true : false`). */
function isSecureSometimes(value) {
    return branches(value).some((b) => isLiteral(b, true) || (b.kind === 'unknown' && isComparison(b.at)));
}
/**
 * express-session options that default to true and should be false (`resave`, `saveUninitialized`):
 * one finding per session() whose option is true or unset in every branch.
 */
function trueByDefault(express, name, consequence) {
    return sessionMiddlewares(express, 'express-session').flatMap((session) => {
        const value = session_options_option(express, session.options, name);
        if (!always(value, (v) => session_options_isUnset(v) || isLiteral(v, true)))
            return [];
        const unset = session_options_isUnset(value);
        const state = unset ? 'is unset, so it defaults to true' : 'is true';
        return [
            {
                ...optionLocation(value, session),
                messageId: unset ? 'unset' : 'set-true',
                message: `express-session \`${name}\` ${state}: ${consequence}: set \`${name}: false\``
            }
        ];
    });
}

;// CONCATENATED MODULE: ./src/rules/express/session-secret-hardcoded.ts





/** The options that sign cookies: express-session `secret`, cookie-session `secret`/`keys`, cookie-parser's argument. */
function secretValues(express, middleware) {
    if (middleware.package === 'cookie-parser')
        return [{ name: 'secret', value: middleware.options }];
    const names = middleware.package === 'cookie-session' ? ['secret', 'keys'] : ['secret'];
    return names.map((name) => ({ name, value: session_options_option(express, middleware.options, name) }));
}
/** Literal strings a secret may be: itself, a branch of `process.env.X || 'literal'`, or an array element. */
function literalSecrets(express, value, depth = 0) {
    return branches(value).flatMap((b) => {
        if (b.kind === 'literal' && typeof b.value === 'string' && b.value.trim() !== '' && b.at)
            return [{ value: b.value, at: b.at }];
        if (b.kind === 'array' && b.at && depth === 0) {
            const module = b.at.module;
            return b.elements.flatMap((e) => literalSecrets(express, express.evaluate(e, module), depth + 1));
        }
        return [];
    });
}
/** Where the code names the option (`secret: pkg.name`), for a value read out of a JSON file. */
function optionSite(middleware, name) {
    const options = middleware.options;
    if (options.kind !== 'object' || !options.at)
        return undefined;
    const entry = [...options.entries].reverse().find((e) => e.key === name);
    return entry ? { module: options.at.module, node: entry.node } : undefined;
}
function finding(middleware, name, secret) {
    const written = locate(secret.at);
    // A value read from a committed JSON file (`secret: require('./package.json').name`) is reported
    // where the code uses it, naming the file it comes from.
    const fromJson = written.file.endsWith('.json');
    const option = fromJson ? optionSite(middleware, name) : undefined;
    const where = fromJson ? (option ? locate(option) : middleware.location) : written;
    const source = fromJson ? `, the value at ${written.file}:${written.line}` : '';
    const call = middleware.location;
    const what = middleware.package === 'cookie-parser' ? 'cookie-parser secret' : `${middleware.package} \`${name}\``;
    const usedAt = call.file === where.file && call.line === where.line ? '' : `, used by the call at ${call.file}:${call.line}`;
    const env = middleware.package === 'cookie-parser'
        ? 'cookieParser(process.env.COOKIE_SECRET)'
        : name === 'keys'
            ? 'keys: [process.env.SESSION_KEY]'
            : 'secret: process.env.SESSION_SECRET';
    return {
        ...where,
        messageId: 'literal-secret',
        message: `${what} is a hardcoded literal (${(0,secret_names/* redact */.E$)(secret.value)}${source}${usedAt}), so anyone with the code can forge signed cookies: rotate it and read it from the environment with \`${env}\``
    };
}
/**
 * One finding per call, at its first literal secret (which may be in a config module); a literal
 * shared by several calls is reported once.
 */
/* harmony default export */ const session_secret_hardcoded = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'session-secret-hardcoded',
        severity: 'high',
        category: 'express',
        description: 'A session or cookie signing secret (express-session, cookie-session, cookie-parser) is a literal, or a literal fallback of `process.env`.',
        fix: '`secret: process.env.SESSION_SECRET` with no literal fallback; rotate the committed secret',
        cwe: 'CWE-798',
        messages: {
            'literal-secret': 'a session or cookie signing secret is a literal (or a literal fallback of process.env)'
        }
    },
    needs: 'source',
    check({ express }) {
        const seen = new Set();
        const findings = [];
        for (const middleware of cookieMiddlewares(express)) {
            const secrets = secretValues(express, middleware).flatMap(({ name, value }) => literalSecrets(express, value).map((secret) => ({ name, secret })));
            const first = secrets[0];
            if (!first || secrets.some(({ secret }) => seen.has(secret.at.node)))
                continue;
            for (const { secret } of secrets)
                seen.add(secret.at.node);
            findings.push(finding(middleware, first.name, first.secret));
        }
        return findings;
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/session-cookie-name-default.ts


const DEFAULT_NAME = 'connect.sid';
const isDefault = (v) => session_options_isUnset(v) || isLiteral(v, DEFAULT_NAME);
/**
 * express-session only: `name` (or its old alias `key`) unset or `connect.sid`. cookie-session's
 * default name `session` does not name the framework and is left alone.
 */
/* harmony default export */ const session_cookie_name_default = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'session-cookie-name-default',
        severity: 'low',
        category: 'express',
        description: 'express-session cookie name left at the default `connect.sid`, which tells every visitor the app runs on Express/Connect.',
        fix: "`name: 'sid'` (any neutral name) in the express-session options",
        cwe: 'CWE-200',
        messages: {
            'default-name': 'the express-session cookie name is unset or connect.sid'
        }
    },
    needs: 'source',
    check({ express }) {
        return sessionMiddlewares(express, 'express-session').flatMap((session) => {
            const name = session_options_option(express, session.options, 'name');
            const key = session_options_option(express, session.options, 'key');
            if (!always(name, isDefault) || !always(key, isDefault))
                return [];
            const written = session_options_isUnset(name) ? key : name;
            const state = session_options_isUnset(written) ? `is unset, so it is \`${DEFAULT_NAME}\`` : `is \`${DEFAULT_NAME}\``;
            return [
                {
                    ...optionLocation(written, session),
                    messageId: 'default-name',
                    message: `express-session cookie name ${state}, which fingerprints the app as Express: set a neutral name, e.g. \`name: 'sid'\``
                }
            ];
        });
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/session-resave.ts


/** express-session only: `resave` written as `true`, or left out (its default is true). */
/* harmony default export */ const session_resave = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'session-resave',
        severity: 'low',
        category: 'express',
        description: 'express-session with `resave` true or unset (it defaults to true): every request writes the session back, racing concurrent requests.',
        fix: '`resave: false` in the express-session options',
        cwe: 'CWE-362',
        messages: {
            unset: 'resave is unset, so it defaults to true',
            'set-true': 'resave is set to true'
        }
    },
    needs: 'source',
    check({ express }) {
        return trueByDefault(express, 'resave', "unchanged sessions are written back on every request, and concurrent requests overwrite each other's changes");
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/session-save-uninitialized.ts


/** express-session only: `saveUninitialized` written as `true`, or left out (its default is true). */
/* harmony default export */ const session_save_uninitialized = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'session-save-uninitialized',
        severity: 'low',
        category: 'express',
        description: 'express-session with `saveUninitialized` true or unset (it defaults to true): a session and cookie for every anonymous visitor.',
        fix: '`saveUninitialized: false` in the express-session options',
        cwe: 'CWE-384',
        messages: {
            unset: 'saveUninitialized is unset, so it defaults to true',
            'set-true': 'saveUninitialized is set to true'
        }
    },
    needs: 'source',
    check({ express }) {
        return trueByDefault(express, 'saveUninitialized', 'every anonymous visitor gets a stored session and a cookie before logging in, which fills the store and eases session fixation');
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/session-cookie-insecure.ts


const unsetOr = (...bad) => (v) => session_options_isUnset(v) || bad.some((b) => isLiteral(v, b));
/**
 * Both packages default `httpOnly` to true, so only `httpOnly: false` counts; `secure`, `sameSite`
 * and a lifetime have no safe default. `sameSite: 'none'` is a deliberate cross-site choice and is
 * left alone; a conditional (`secure: NODE_ENV === 'production'`) counts as set.
 */
const ATTRIBUTES = [
    { name: 'secure', missing: (e, c) => always(session_options_option(e, c, 'secure'), unsetOr(false)), fix: 'secure: true', risk: 'sent over plain HTTP' },
    {
        name: 'httpOnly',
        missing: (e, c) => always(session_options_option(e, c, 'httpOnly'), (v) => isLiteral(v, false)),
        fix: 'httpOnly: true',
        risk: 'readable by scripts'
    },
    {
        name: 'sameSite',
        missing: (e, c) => always(session_options_option(e, c, 'sameSite'), unsetOr(false)),
        fix: "sameSite: 'lax'",
        risk: 'sent with cross-site requests'
    },
    {
        name: 'maxAge',
        missing: (e, c) => always(session_options_option(e, c, 'maxAge'), unsetOr(null)) && always(session_options_option(e, c, 'expires'), unsetOr(null)),
        fix: 'maxAge: 60 * 60 * 1000',
        risk: 'no expiry of its own'
    }
];
function listed(names) {
    return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
function check(express, middleware) {
    const cookie = cookieOptions(express, middleware);
    const missing = ATTRIBUTES.filter((a) => a.missing(express, cookie));
    if (missing.length === 0)
        return [];
    const fixes = missing.map((a) => a.fix).join(', ');
    const fix = middleware.package === 'express-session' ? `\`cookie: { ${fixes} }\`` : `\`${fixes}\` in the cookie-session options`;
    const where = middleware.package === 'express-session'
        ? optionLocation(session_options_option(express, middleware.options, 'cookie'), middleware)
        : middleware.location;
    return [
        {
            ...where,
            messageId: 'attributes-missing',
            message: `${middleware.package} cookie lacks ${listed(missing.map((a) => a.name))} (${missing.map((a) => a.risk).join('; ')}): set ${fix}`
        }
    ];
}
/* harmony default export */ const session_cookie_insecure = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'session-cookie-insecure',
        severity: 'moderate',
        category: 'express',
        description: 'A session cookie (express-session, cookie-session) without `secure`, `httpOnly`, `sameSite` or a `maxAge`/`expires`; the message names which.',
        fix: "`cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 3600000 }`",
        cwe: 'CWE-614',
        messages: {
            'attributes-missing': 'the session cookie lacks secure, httpOnly, sameSite or an expiry (one finding names all that are missing)'
        }
    },
    needs: 'source',
    check({ express }) {
        return cookieMiddlewares(express, ['express-session', 'cookie-session']).flatMap((m) => check(express, m));
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/session-memory-store.ts


/** express-session only (cookie-session keeps the session in the cookie and has no store). */
/* harmony default export */ const session_memory_store = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'session-memory-store',
        severity: 'high',
        category: 'express',
        description: 'express-session without a `store`: the default MemoryStore leaks memory, loses every session on restart and is not shared between processes.',
        fix: '`store: new RedisStore({ client })` (or another production store) in the express-session options',
        cwe: 'CWE-400',
        messages: {
            'no-store': 'express-session has no store, so it uses the default MemoryStore'
        }
    },
    needs: 'source',
    check({ express }) {
        return sessionMiddlewares(express, 'express-session').flatMap((session) => {
            if (!always(session_options_option(express, session.options, 'store'), session_options_isUnset))
                return [];
            return [
                {
                    ...session.location,
                    messageId: 'no-store',
                    message: 'express-session has no `store`, so it uses the default MemoryStore, which leaks memory, loses sessions on restart and is not shared across instances (its docs say it is not for production): pass a production store, e.g. `store: new RedisStore({ client })` from connect-redis'
                }
            ];
        });
    }
}));

// EXTERNAL MODULE: ./src/parse/directive.ts
var directive = __webpack_require__(9674);
;// CONCATENATED MODULE: ./src/model/proxy/caddy.ts

function caddySites(configs) {
    return configs.flatMap((c) => c.kind === 'caddy' ? c.model.sites.map((site) => ({ file: c.path, site, globalOptions: c.model.globalOptions })) : []);
}
/** `reverse_proxy` directives of a site, also inside `handle`, `route` and imported snippets. */
function reverseProxies(site) {
    return (0,directive/* findDirectives */.i2)(site.directives, 'reverse_proxy');
}
/** Host and port of a site address without scheme and path: `example.com:8443` → [`example.com`, `8443`]. */
function hostAndPort(address) {
    const authority = address.replace(/^[a-z]+:\/\//, '').split('/')[0] ?? '';
    const match = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
    return [match?.[1] ?? '', match?.[2] ?? ''];
}
/**
 * Whether Caddy serves a site address over plain HTTP. Automatic HTTPS applies to addresses with a
 * host name (or IP, or `localhost`) unless the scheme is `http://`, the port is the HTTP port, or
 * `auto_https off` is set without a `tls` directive; an address with a port but no host (`:80`,
 * `:8080`) gets no certificate and is plain HTTP.
 */
function isPlainHttpAddress(address, site, globalOptions) {
    if (address.startsWith('http://'))
        return true;
    if (address.startsWith('https://'))
        return false;
    if ((0,directive/* lastDirective */.K5)(site.directives, 'tls'))
        return false;
    const [host, port] = hostAndPort(address);
    const httpPort = (0,directive/* lastDirective */.K5)(globalOptions, 'http_port')?.args[0] ?? '80';
    if (port === httpPort)
        return true;
    if (host === '')
        return true;
    return (0,directive/* lastDirective */.K5)(globalOptions, 'auto_https')?.args[0] === 'off';
}
const CADDY_UNITS = {
    '': 1,
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
    k: 1e3,
    m: 1e6,
    g: 1e9,
    t: 1e12,
    ki: 1024,
    mi: 1024 ** 2,
    gi: 1024 ** 3,
    ti: 1024 ** 4
};
/** A Caddy size (`10MB`, `1.5GiB`, `512`) in bytes, as go-humanize reads it; undefined when it is not one. */
function parseCaddySize(value) {
    const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value.trim());
    const unit = CADDY_UNITS[(match?.[2] ?? '').toLowerCase()];
    return match && unit !== undefined ? Math.round(Number(match[1]) * unit) : undefined;
}

// EXTERNAL MODULE: ./src/parse/nginx-includes.ts
var nginx_includes = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/model/proxy/nginx.ts


/** nginx's default for client_body_timeout, client_header_timeout, proxy_read_timeout and send_timeout. */
const NGINX_DEFAULT_TIMEOUT_MS = 60_000;
function nginxConfigs(configs) {
    return configs.flatMap((c) => (c.kind === 'nginx' ? [{ path: c.path, directives: c.directives }] : []));
}
/** The `http` blocks of a config; a file of server blocks (conf.d) has none. */
function httpBlocks(config) {
    return config.directives.filter((d) => d.name === 'http' && d.block);
}
function serverBlocks(directives) {
    return directives.filter((d) => d.name === 'server' && d.block);
}
/** nginx.conf includes `conf.d/*.conf` next to or below it; a config in another service's folder is unrelated. */
function isAtOrAbove(folder, path) {
    const own = (0,nginx_includes/* folderOf */.yS)(path);
    return folder === '' || own === folder || own.startsWith(`${folder}/`);
}
function serverOf(config, server, httpBlocks) {
    return { file: server.file ?? config, config, server, httpBlocks, http: httpBlocks.flatMap((h) => h.block ?? []) };
}
/**
 * HTTP `server` blocks, at top level (conf.d files) or inside `http`. `stream` and `mail` servers are
 * TCP/mail proxies and `server` lines inside `upstream` are backends, so neither is listed.
 */
function nginxServers(configs) {
    const inherited = (path) => configs.filter((c) => isAtOrAbove((0,nginx_includes/* folderOf */.yS)(c.path), path)).flatMap(httpBlocks);
    return configs.flatMap((config) => [
        ...serverBlocks(config.directives).map((server) => serverOf(config.path, server, inherited(config.path))),
        ...httpBlocks(config).flatMap((http) => serverBlocks(http.block ?? []).map((server) => serverOf(config.path, server, [http])))
    ]);
}
/** Every `proxy_pass` of a server, at any depth, with the blocks that enclose it. */
function proxyPasses(server) {
    const walk = (blocks) => (blocks.at(-1)?.block ?? []).flatMap((d) => {
        if (d.name === 'proxy_pass')
            return [{ directive: d, blocks }];
        return d.block ? walk([...blocks, d]) : [];
    });
    return walk([server]);
}
/**
 * The directive that sets `name` for a place in the config: the innermost of `blocks` that sets it,
 * else the http level. nginx rejects duplicates in one block, so the last one is as good as any.
 */
function effectiveDirective(name, blocks, http) {
    for (const block of [...blocks].reverse()) {
        const found = (0,directive/* lastDirective */.K5)(block.block ?? [], name);
        if (found)
            return found;
    }
    return (0,directive/* lastDirective */.K5)(http, name);
}
const SIZE_UNITS = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** An nginx size (`512`, `10k`, `8M`, `1g`) in bytes; undefined when it is not one (a variable, a typo). */
function parseNginxSize(value) {
    const match = /^(\d+)([kKmMgG]?)$/.exec(value.trim());
    if (!match)
        return undefined;
    return Number(match[1]) * (SIZE_UNITS[(match[2] ?? '').toLowerCase()] ?? 1);
}
const TIME_UNITS = {
    ms: 1,
    '': 1000,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
    M: 2_592_000_000,
    y: 31_536_000_000
};
/** An nginx time (`30s`, `500ms`, `1m30s`, `75` = seconds) in milliseconds; undefined when it is not one. */
function parseNginxTime(value) {
    const parts = value.trim().match(/\d+(?:ms|[smhdwMy])?/g);
    if (!parts || parts.join('') !== value.trim().replace(/\s+/g, ''))
        return undefined;
    return parts.reduce((total, part) => {
        const [, amount, unit] = /^(\d+)(\D*)$/.exec(part) ?? [];
        return total + Number(amount) * (TIME_UNITS[unit ?? ''] ?? 0);
    }, 0);
}

;// CONCATENATED MODULE: ./src/model/proxy/reverse-proxies.ts


/** A matcher (`/api/*`, `@name`, `*`) may precede reverse_proxy's upstreams; `to` lists more in its block. */
function caddyUpstreams(directive) {
    const inline = directive.args.filter((a, i) => !(i === 0 && /^[/@*]/.test(a)));
    const listed = (directive.block ?? []).filter((d) => d.name === 'to').flatMap((d) => d.args);
    return [...inline, ...listed];
}
/** nginx servers with a `proxy_pass` and Caddy sites with a `reverse_proxy`, outside tests and fixtures. */
function findReverseProxies(context) {
    const nginx = nginxServers(nginxConfigs(context.proxyConfigs)).flatMap(({ file, server }) => {
        const upstreams = proxyPasses(server).map((p) => p.directive.args[0] ?? '');
        return upstreams.length > 0 ? [{ file, line: server.line, proxy: 'nginx', upstreams }] : [];
    });
    const caddy = caddySites(context.proxyConfigs).flatMap(({ file, site }) => {
        const upstreams = reverseProxies(site).flatMap(caddyUpstreams);
        return reverseProxies(site).length > 0 ? [{ file, line: site.line, proxy: 'caddy', upstreams }] : [];
    });
    return [...nginx, ...caddy];
}
/** Whether the repository holds a proxy config that forwards to an upstream: the app then sits behind a proxy. */
function hasReverseProxy(context) {
    return findReverseProxies(context).length > 0;
}

;// CONCATENATED MODULE: ./src/rules/proxy/proxy-trust-missing.ts




/** The app and every router or sub-app mounted under it. */
function routersUnder(app) {
    const found = new Set();
    const visit = (router) => {
        if (found.has(router))
            return;
        found.add(router);
        for (const event of router.events)
            for (const h of event.handlers)
                if (h.kind === 'router')
                    visit(h.router);
    };
    visit(app);
    return [...found];
}
/** `app.set('trust proxy', x)` / `app.enable('trust proxy')` on the app or under it, with anything but `false`. */
function trustsProxy(express, app) {
    return routersUnder(app).some((router) => {
        const setting = express.setting(router, 'trust proxy');
        return setting !== undefined && literalOf(setting.value) !== false;
    });
}
/** A `trust proxy` setting on a receiver the model could not tie to an app: it may well be this app's. */
function trustsProxyUnresolved(express) {
    return express.orphanSettings.some((s) => s.name === 'trust proxy');
}
/** A cookie marked secure (in some environment) whose middleware does not trust `X-Forwarded-Proto` itself. */
function needsTrustProxy(express, middleware) {
    if (!isSecureSometimes(session_options_option(express, cookieOptions(express, middleware), 'secure')))
        return false;
    // express-session's own `proxy: true` trusts X-Forwarded-Proto whatever the app setting.
    return (middleware.package !== 'express-session' ||
        always(session_options_option(express, middleware.options, 'proxy'), (v) => session_options_isUnset(v) || isLiteral(v, false)));
}
/**
 * Per unmounted app that sits behind the repository's reverse proxy (an nginx `proxy_pass` or a
 * Caddy `reverse_proxy`): each session middleware under it with a secure cookie, while neither the
 * app nor its routers set `trust proxy`. Behind a TLS-terminating proxy `req.secure` is then false,
 * so express-session never sets the cookie and cookie-session throws.
 */
/* harmony default export */ const proxy_trust_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'proxy-trust-missing',
        severity: 'moderate',
        category: 'proxy',
        description: 'The app sits behind a reverse proxy and uses `secure` session cookies but never sets `trust proxy`, so the cookie is never sent.',
        fix: "`app.set('trust proxy', 1)` (the number of proxies in front of the app)",
        cwe: 'CWE-693',
        messages: {
            'secure-cookie-without-trust-proxy': 'behind a reverse proxy, a secure session cookie with no trust proxy setting'
        }
    },
    needs: 'source',
    check(context) {
        const { express } = context;
        if (!hasReverseProxy(context) || trustsProxyUnresolved(express))
            return [];
        const sessions = cookieMiddlewares(express, ['express-session', 'cookie-session']);
        const reported = new Set();
        return express.apps.flatMap((app) => {
            if (trustsProxy(express, app))
                return [];
            const under = new Set(express.middlewareOf(app).map((m) => m.handler.site.node));
            return sessions
                .filter((s) => under.has(s.handler.site.node) && !reported.has(s.handler.site.node) && needsTrustProxy(express, s))
                .map((s) => {
                reported.add(s.handler.site.node);
                return {
                    ...s.location,
                    messageId: 'secure-cookie-without-trust-proxy',
                    message: `${s.package} sets a \`secure\` cookie, but the app sits behind a reverse proxy and never sets \`trust proxy\`, so \`req.secure\` is false and the session cookie is never sent: add \`app.set('trust proxy', 1)\` (one trusted proxy hop)`
                };
            });
        });
    }
}));

;// CONCATENATED MODULE: ./src/model/limiters.ts






/** The rate-limit package value behind an expression: the package, a call or instance of it. */
function limiterPackage(value) {
    if (value.kind === 'package')
        return packageKind(value.name) === 'rate-limit' ? value : undefined;
    if (value.kind === 'call' || value.kind === 'new')
        return limiterPackage(value.callee);
    return undefined;
}
function isLimiterValue(value) {
    return limiterPackage(value) !== undefined;
}
function callee(node) {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression' && node.type !== 'NewExpression')
        return undefined;
    const target = node.callee;
    return target.type === 'V8IntrinsicIdentifier' || target.type === 'Super' || target.type === 'Import' ? undefined : target;
}
/** Whether evaluating a callee (or the object it is a method of) leads to a rate-limit package. */
function callsLimiter(express, target, module) {
    if (isLimiterValue(express.evaluate(target, module)))
        return true;
    const object = target.type === 'MemberExpression' || target.type === 'OptionalMemberExpression' ? target.object : undefined;
    return object !== undefined && isLimiterValue(express.evaluate(object, module));
}
const WRAPS_LIMITER = new CacheKey('functions that limit');
/**
 * An app function that limits: it calls a limiter (`limiter(req, res, next)`), a method of one
 * (`rateLimiter.consume(req.ip)`, `bruteforce.prevent(...)`) or makes one (`return rateLimit({...})`).
 */
function wrapsLimiter(express, fn) {
    const wraps = express.cache.once(WRAPS_LIMITER, () => new Map());
    const cached = wraps.get(fn);
    if (cached !== undefined)
        return cached;
    const module = express.graph.moduleOf(fn);
    let found = false;
    if (module) {
        (0,javascript/* walk */.GG)(fn, (node) => {
            if (found)
                return;
            const target = callee(node);
            if (target && callsLimiter(express, target, module))
                found = true;
        });
    }
    wraps.set(fn, found);
    return found;
}
/** Whether a handler limits the rate of requests, directly or through an app function. */
function isLimiterHandler(express, handler) {
    switch (handler.kind) {
        case 'middleware':
            return isKind(handler, 'rate-limit');
        case 'function':
        case 'factory':
            return wrapsLimiter(express, handler.fn);
        case 'unknown': {
            // `bruteforce.prevent`, `limiter.getMiddleware({...})`: a member of a limiter instance.
            const target = callee(handler.site.node) ?? handler.site.node;
            return callsLimiter(express, target, handler.site.module);
        }
        default:
            return false;
    }
}
/** Every limiter used under an app (its own events and its mounted routers'), in no particular order. */
function limitersOf(express, app) {
    const found = [];
    const visit = (router, seen) => {
        if (seen.has(router))
            return;
        seen.add(router);
        for (const event of router.events) {
            for (const handler of event.handlers) {
                if (handler.kind === 'router')
                    visit(handler.router, seen);
                else if (isLimiterHandler(express, handler))
                    found.push({ handler, event });
            }
        }
    };
    visit(app, new Set());
    return found;
}
/** A limiter used on something the model could not tie to an app: unclear wiring, so it may cover anything. */
function hasUnplacedLimiter(express) {
    return express.orphanUses.some((u) => u.handlers.some((h) => isLimiterHandler(express, h)));
}
/** Whether a limiter runs for a route: before it on its path, in its chain, or inside its handler. */
function isRouteLimited(express, route) {
    return route.before.some((b) => isLimiterHandler(express, b.handler)) || route.event.handlers.some((h) => isLimiterHandler(express, h));
}
/**
 * Whether a mount's path is not known: not a literal, or a computed first argument the model read
 * as an (unknown) handler, as in `app.use(config.apiPrefix, router)`.
 */
function isUncertainMount(express, event) {
    if (event.path === undefined)
        return true;
    const call = event.site.node;
    const first = call.type === 'CallExpression' || call.type === 'OptionalCallExpression' ? call.arguments[0] : undefined;
    if (!first || first.type === 'StringLiteral')
        return false;
    const value = express.evaluate(first, event.site.module);
    if (value.kind === 'literal')
        return false;
    return value.kind === 'env' || express.handlers(value, { module: event.site.module, node: first }).every((h) => h.kind === 'unknown');
}
/** A route whose full path went through a mount path the model does not know: its path may be anything. */
function hasUncertainPath(express, route) {
    if (route.event.path === undefined)
        return true;
    const seen = new Set();
    const uncertain = (router) => {
        if (router === route.app || seen.has(router))
            return false;
        seen.add(router);
        return router.mounts.some((m) => isUncertainMount(express, m.event) || uncertain(m.parent));
    };
    return uncertain(route.router);
}
const AUTH_WORDS = new Set([
    'login',
    'logon',
    'signin',
    'signup',
    'register',
    'registration',
    'auth',
    'authenticate',
    'authentication',
    'oauth',
    'password',
    'passwd',
    'pwd',
    'reset',
    'forgot',
    'token',
    'tokens',
    'otp',
    'totp',
    'mfa',
    '2fa',
    'verify',
    'verification',
    'session',
    'sessions'
]);
const AUTH_PREFIXES = ['login', 'logon', 'signin', 'signup', 'register', 'forgot', 'reset', 'password', 'verify'];
const LOGOUT_WORDS = new Set(['logout', 'signout', 'logoff']);
/** Methods that submit credentials or codes; GET/HEAD render forms and DELETE ends sessions. */
const AUTH_METHODS = new Set(['post', 'put', 'patch', 'all']);
function wordsOf(segment) {
    return segment
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}
/** `/api/auth/login`, `/forgotpw`, `/users/resetPassword`, `/v1/auth/refresh-tokens`; never `/authors` or `/auth/logout`. */
function isAuthPath(path) {
    // A part the model does not know (`${authBase}`, see path-text.ts) names a variable, not the path.
    const segments = path
        .replace(/\$\{[^}]*\}/g, '')
        .split('/')
        .filter((s) => s !== '' && !s.startsWith(':') && !s.startsWith('*'));
    const words = segments.map(wordsOf);
    if (words.flat().some((w) => LOGOUT_WORDS.has(w)))
        return false;
    return words.some((ws) => ws.some((w) => AUTH_WORDS.has(w)) || AUTH_PREFIXES.some((p) => ws.join('').startsWith(p)));
}
function isAuthRoute(route) {
    return AUTH_METHODS.has(route.event.method ?? '') && isAuthPath(route.fullPath);
}
function describeRoute(route) {
    return `${(route.event.method ?? 'all').toUpperCase()} ${route.fullPath}`;
}
function describeApp(app) {
    return app.variable ? `Express app '${app.variable}'` : 'Express app';
}
const CREATIONS = new CacheKey('rate limiter creations');
/** Every call or `new` of a rate-limit package's export in the app's modules, found once per model. */
function limiterCreations(express) {
    const cached = express.cache.get(CREATIONS);
    if (cached)
        return cached;
    // Set before it is filled, so that a lookup made while filling (through an evaluation) cannot recurse.
    const found = express.cache.set(CREATIONS, []);
    for (const module of express.graph.modules.values()) {
        for (const call of module.index.calls) {
            const target = callee(call);
            if (!target)
                continue;
            const value = express.evaluate(target, module);
            if (value.kind !== 'package' || packageKind(value.name) !== 'rate-limit')
                continue;
            const [first] = call.arguments;
            found.push({ package: value.name, export: value.path, options: express.evaluate(first, module), site: { module, node: call } });
        }
    }
    return found;
}
/** express-rate-limit's and express-slow-down's middleware factories (default or named export). */
function isOptionsLimiter(creation) {
    const [name, ...rest] = creation.export;
    if (rest.length > 0)
        return false;
    if (creation.package === 'express-rate-limit')
        return name === undefined || name === 'default' || name === 'rateLimit';
    if (creation.package === 'express-slow-down')
        return name === undefined || name === 'default' || name === 'slowDown';
    return false;
}
/** The site of an option as written (`keyGenerator: ...`), looking into spread objects. */
function limiters_optionSite(express, options, key, depth = 0) {
    if (options.kind !== 'object' || !options.at || depth > 5)
        return undefined;
    const module = options.at.module;
    const entry = [...options.entries].reverse().find((e) => e.key === key);
    if (entry)
        return { module, node: entry.node };
    for (const spread of [...options.spreads].reverse()) {
        const found = limiters_optionSite(express, express.evaluate(spread, module), key, depth + 1);
        if (found)
            return found;
    }
    return undefined;
}
/**
 * The request header an expression reads, given the request's name: `req.headers['x-forwarded-for']`,
 * `req.get('X-Real-IP')`, `req.header('x-api-key')`; with `via: 'headers'`, `req` names the headers
 * object itself (`({ headers }) => headers['x-forwarded-for']`). Returns the header name ('' when
 * not literal), or undefined when it reads none.
 */
function headerRead(root, req, via = 'request') {
    let header;
    (0,javascript/* walk */.GG)(root, (node, parent) => {
        if (header !== undefined || (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression'))
            return;
        if (node.object.type !== 'Identifier' || node.object.name !== req)
            return;
        const name = propertyName(node);
        if (via === 'headers') {
            header = name ?? '';
        }
        else if (name === 'headers') {
            const index = parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node
                ? propertyName(parent)
                : undefined;
            header = index ?? '';
        }
        else if ((name === 'get' || name === 'header') &&
            parent &&
            (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') &&
            parent.callee === node) {
            const [arg] = parent.arguments;
            header = arg?.type === 'StringLiteral' ? arg.value : '';
        }
    });
    return header;
}
/** The name of a function's first parameter when it is a plain identifier (`req`). */
function firstParamName(fn) {
    const [first] = fn.params;
    return first?.type === 'Identifier'
        ? first.name
        : first?.type === 'AssignmentPattern' && first.left.type === 'Identifier'
            ? first.left.name
            : undefined;
}
/** A call on a receiver declared in the code (a parameter, a variable), not on an undeclared global of a snippet. */
function hasDeclaredReceiver(site) {
    const call = site.node;
    if (call.type !== 'CallExpression' || (call.callee.type !== 'MemberExpression' && call.callee.type !== 'OptionalMemberExpression'))
        return false;
    const receiver = call.callee.object;
    return receiver.type !== 'Identifier' || lookup(site.module.index, receiver.name, receiver) !== undefined;
}
/** The repository's nginx (`limit_req`) or Caddy (`rate_limit`) config limits request rates in front of the app. */
function proxyLimits(configs) {
    return configs.some((c) => c.kind === 'nginx'
        ? (0,directive/* findDirectives */.i2)(c.directives, 'limit_req').length > 0
        : c.model.sites.some((site) => (0,directive/* findDirectives */.i2)(site.directives, 'rate_limit').length > 0));
}

;// CONCATENATED MODULE: ./src/rules/express/rate-limit-missing.ts


const ADD_LIMITER = '`app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }))` (express-rate-limit) before the routes';
const ENTRY_NAME = /(?:^|\/)(?:app|server|index|main)\.[cm]?[jt]sx?$/;
function exposure(routes) {
    const auth = routes.filter(isAuthRoute).slice(0, 3).map(describeRoute);
    const count = `${routes.length} route${routes.length === 1 ? '' : 's'}`;
    return auth.length > 0 ? `${count}; ${auth.join(', ')} can be brute-forced` : count;
}
/** The app a reader thinks of as "the app": most routes, then a conventional entry file name. */
function byImportance(a, b) {
    return (b.routes.length - a.routes.length ||
        Number(ENTRY_NAME.test(b.app.file)) - Number(ENTRY_NAME.test(a.app.file)) ||
        a.app.file.localeCompare(b.app.file));
}
function lateLimiterFinding(express, { app, routes }) {
    const [late] = limitersOf(express, app);
    // A route under a mount path the model does not know may well be behind the limiter.
    if (!late || routes.some((r) => hasUncertainPath(express, r)))
        return [];
    return [
        {
            file: late.event.file,
            line: late.event.line,
            column: late.event.column,
            messageId: 'limiter-after-routes',
            message: `this rate limiter runs before none of ${describeApp(app)}'s routes (it is registered after them or on a path they do not use): move it above the routes, e.g. ${ADD_LIMITER}`
        }
    ];
}
/** No app limits anything: one project-wide finding, at the main app's `express()`. */
function projectFinding(unlimited) {
    const [main, ...others] = [...unlimited].sort(byImportance);
    const more = others.length > 0
        ? ` (${others.length === 1 ? 'another app has' : `${others.length} other apps have`} none either: ${others
            .slice(0, 3)
            .map((o) => `${o.app.file}:${o.app.line}`)
            .join(', ')})`
        : '';
    return {
        file: main.app.file,
        line: main.app.line,
        column: main.app.column,
        messageId: 'no-limiter-anywhere',
        message: `no rate limiter anywhere: ${describeApp(main.app)} has none in front of its ${exposure(main.routes)}${more}: add ${ADD_LIMITER}`
    };
}
/** Some apps limit and this one does not: reported at its `express()`. */
function appFinding({ app, routes }) {
    return {
        file: app.file,
        line: app.line,
        column: app.column,
        messageId: 'app-without-limiter',
        message: `${describeApp(app)} has no rate limiter in front of its ${exposure(routes)}: add ${ADD_LIMITER}`
    };
}
/**
 * Per app with routes: at least one route must have a limiter in front of it (or inside its
 * handler). When no app has one, that is a project-wide absence: one finding, at the `express()`
 * of the main app (the one with the most routes). When other apps do limit, each app without is
 * reported at its `express()`; a limiter that runs before no route is reported where it is registered. A limiter used on
 * something the model cannot tie to an app counts as present: fewer findings, never wrong ones.
 * So does `limit_req` in the repository's nginx config (or Caddy's `rate_limit`): the proxy limits.
 */
/* harmony default export */ const rate_limit_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'rate-limit-missing',
        severity: 'moderate',
        category: 'express',
        description: "No rate limiter in front of the app's routes.",
        fix: '`app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }))` before the routes',
        cwe: 'CWE-770',
        messages: {
            'limiter-after-routes': "a limiter runs before none of the app's routes (registered after them or on another path)",
            'no-limiter-anywhere': 'no app of the project has a limiter (one project-wide finding)',
            'app-without-limiter': 'an app has no limiter while another app of the project has one'
        }
    },
    needs: 'source',
    check({ express, proxyConfigs }) {
        if (hasUnplacedLimiter(express) || proxyLimits(proxyConfigs))
            return [];
        const withRoutes = express.apps.map((app) => ({ app, routes: express.routesOf(app) })).filter((a) => a.routes.length > 0);
        const unlimited = withRoutes.filter((a) => !a.routes.some((r) => isRouteLimited(express, r)));
        const late = (0,rule/* uniqueByPlace */.C1)(unlimited.flatMap((a) => lateLimiterFinding(express, a)));
        const bare = unlimited.filter((a) => limitersOf(express, a.app).length === 0);
        if (bare.length === 0)
            return late;
        if (bare.length === withRoutes.length)
            return [...late, projectFinding(bare)];
        return [...late, ...bare.map(appFinding)];
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/rate-limit-auth-missing.ts


function where(uses) {
    const first = uses[0];
    if (!first)
        return '';
    const mount = first.event.path ?? first.event.pathText;
    const path = mount && mount !== '/' ? ` on ${mount}` : '';
    return ` (the limiter at ${first.event.file}:${first.event.line}${path} does not run before it)`;
}
function rate_limit_auth_missing_checkApp(express, app) {
    const uses = limitersOf(express, app);
    // No limiter at all is rate-limit-missing's finding, which names the login routes: one cause, one finding.
    if (uses.length === 0)
        return [];
    return express
        .routesOf(app)
        .filter((route) => isAuthRoute(route) && !hasUncertainPath(express, route) && !isRouteLimited(express, route))
        .map((route) => ({
        file: route.event.file,
        line: route.event.line,
        column: route.event.column,
        messageId: 'auth-route-unlimited',
        message: `${describeRoute(route)} accepts credentials or codes with no rate limiter in front of it${where(uses)}, so it can be brute-forced: put a strict limiter in its chain, e.g. \`rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 })\``
    }));
}
/**
 * Per app that has some limiter: each POST/PUT/PATCH/ALL route whose full path (mount prefixes
 * included) names login, signup, password reset, tokens, OTP or verification must have a limiter
 * before it on its path, in its chain or inside its handler. An app-wide limiter counts as
 * covering: how strict is enough is the team's call, not something the code shows.
 */
/* harmony default export */ const rate_limit_auth_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'rate-limit-auth-missing',
        severity: 'high',
        category: 'express',
        description: 'Login, signup, password-reset, token or OTP routes with no rate limiter in front of them.',
        fix: "a strict limiter in the auth route's chain: `router.post('/login', rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 }), login)`",
        cwe: 'CWE-307',
        messages: {
            'auth-route-unlimited': 'an auth route with no limiter in its chain, while the app has a limiter elsewhere'
        }
    },
    needs: 'source',
    check({ express }) {
        if (hasUnplacedLimiter(express))
            return [];
        return (0,rule/* uniqueByPlace */.C1)(express.apps.flatMap((app) => rate_limit_auth_missing_checkApp(express, app)));
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/rate-limit-memory-store.ts






const SHARED_STORE = 'a shared store, e.g. `store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) })` (rate-limit-redis)';
/** `store` unset, `undefined`, or the package's own `MemoryStore`; unknown options are not judged. */
function isMemoryStore(express, options) {
    if (options.kind === 'absent')
        return true;
    if (options.kind !== 'object')
        return false;
    const store = express.evaluator.property(options, 'store');
    return (store.kind === 'absent' ||
        (store.kind === 'literal' && literalOf(store) === undefined) ||
        (store.kind === 'new' && store.callee.kind === 'package' && store.callee.path.at(-1) === 'MemoryStore'));
}
function optionsFinding(express, creation) {
    if (!isOptionsLimiter(creation))
        return [];
    const options = branches(creation.options);
    if (options.length === 0 || !options.every((o) => isMemoryStore(express, o)))
        return [];
    return [
        {
            ...locate(creation.site),
            messageId: 'no-store',
            message: `${creation.package} limiter without \`store\` counts requests in process memory: counts reset on every restart and each instance limits separately: set ${SHARED_STORE}`
        }
    ];
}
/**
 * `insuranceLimiter: new RateLimiterMemory(...)` (directly or through a variable of the same module)
 * is the fallback of a shared limiter, not the limiter itself.
 */
function isInsurance(creation) {
    const { module, node } = creation.site;
    const parent = module.index.parents.get(node);
    if (parent?.type === 'ObjectProperty' && keyName(parent.key, parent.computed) === 'insuranceLimiter')
        return true;
    if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier')
        return false;
    const variable = parent.id.name;
    let insurance = false;
    (0,javascript/* walk */.GG)(module.index.program, (n) => {
        if (!insurance &&
            n.type === 'ObjectProperty' &&
            keyName(n.key, n.computed) === 'insuranceLimiter' &&
            n.value.type === 'Identifier' &&
            n.value.name === variable)
            insurance = true;
    });
    return insurance;
}
function instanceFinding(creation) {
    const name = creation.export.join('.');
    const memory = (creation.package === 'rate-limiter-flexible' && name === 'RateLimiterMemory') ||
        (creation.package === 'express-brute' && name === 'MemoryStore');
    if (!memory || creation.site.node.type !== 'NewExpression' || isInsurance(creation))
        return [];
    const fix = creation.package === 'express-brute'
        ? '`new RedisStore({...})` (express-brute-redis)'
        : '`new RateLimiterRedis({ storeClient: redisClient, ... })` (or another shared store)';
    return [
        {
            ...locate(creation.site),
            messageId: 'memory-class',
            message: `${creation.package}'s ${name} counts requests in process memory: counts reset on every restart and each instance limits separately: use ${fix}`
        }
    ];
}
/**
 * Every limiter made in the app's modules, used or not: express-rate-limit and express-slow-down
 * without `store` (or with their `MemoryStore`), rate-limiter-flexible's `RateLimiterMemory` (unless
 * it is a Redis limiter's `insuranceLimiter`) and express-brute's `MemoryStore`. Options the model
 * cannot read (a parameter, a spread of unknown) are not judged.
 */
/* harmony default export */ const rate_limit_memory_store = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'rate-limit-memory-store',
        severity: 'low',
        category: 'express',
        description: 'A rate limiter on the default in-memory store.',
        fix: 'a shared store: `rateLimit({ ..., store: new RedisStore({ sendCommand }) })`',
        cwe: 'CWE-770',
        messages: {
            'no-store': 'a limiter created without a store (or with MemoryStore)',
            'memory-class': "an in-memory limiter class (rate-limiter-flexible's RateLimiterMemory, express-brute's MemoryStore)"
        }
    },
    needs: 'source',
    check({ express }) {
        return limiterCreations(express).flatMap((c) => [...optionsFinding(express, c), ...instanceFinding(c)]);
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/rate-limit-bypassable.ts





const KEY_FIX = "key on `req.ip` with `app.set('trust proxy', 1)` (the number of proxies in front), or on the authenticated user";
function named(header) {
    return header ? `the \`${header}\` header` : 'a request header';
}
/** `app.set('trust proxy', true)` / `app.enable('trust proxy')` on an app that limits by client IP. */
function trustProxyFinding(express, app, unplaced) {
    const trust = express.setting(app, 'trust proxy');
    if (!trust || !branches(trust.value).some((b) => b.kind === 'literal' && b.value === true))
        return [];
    const limited = limitersOf(express, app).length > 0 || (unplaced && express.apps.length === 1);
    if (!limited)
        return [];
    return [
        {
            file: trust.event.file,
            line: trust.event.line,
            column: trust.event.column,
            messageId: 'trust-proxy-true',
            message: `${describeApp(app)} trusts every \`X-Forwarded-For\` hop ('trust proxy' true), so clients choose their own \`req.ip\` and get a fresh rate-limit bucket per request: set \`app.set('trust proxy', 1)\` (the number of proxies in front of the app)`
        }
    ];
}
/** The same setting on an app the model could not identify (an unresolved setup parameter), when the project limits. */
function orphanTrustFindings(express, unplaced) {
    const limited = unplaced || express.apps.some((app) => limitersOf(express, app).length > 0);
    if (!limited)
        return [];
    return express.orphanSettings
        .filter((s) => s.name === 'trust proxy' && hasDeclaredReceiver(s.site) && branches(s.value).some((b) => b.kind === 'literal' && b.value === true))
        .map((s) => ({
        ...locate(s.site),
        messageId: 'trust-proxy-true',
        message: `'trust proxy' true trusts every \`X-Forwarded-For\` hop, so clients choose their own \`req.ip\` and get a fresh rate-limit bucket per request: set \`app.set('trust proxy', 1)\` (the number of proxies in front of the app)`
    }));
}
/** express-rate-limit / express-slow-down `keyGenerator` reading a request header. */
function keyGeneratorFinding(express, creation) {
    if (!isOptionsLimiter(creation) || creation.options.kind !== 'object')
        return [];
    const generator = express.evaluator.property(creation.options, 'keyGenerator');
    if (generator.kind !== 'function')
        return [];
    const req = firstParamName(generator.fn);
    const body = generator.fn.body;
    const header = req !== undefined ? headerRead(body, req) : destructuredHeaders(generator.fn.params[0], body);
    if (header === undefined)
        return [];
    const site = limiters_optionSite(express, creation.options, 'keyGenerator') ?? generator.at ?? creation.site;
    return [
        {
            ...locate(site),
            messageId: 'key-generator-header',
            message: `the ${creation.package} keyGenerator keys clients on ${named(header)}, which the client sets freely, so each request can claim a fresh bucket: ${KEY_FIX}`
        }
    ];
}
/** `keyGenerator: ({ headers }) => headers['x-forwarded-for']`: any read of the destructured headers. */
function destructuredHeaders(param, body) {
    if (param?.type !== 'ObjectPattern')
        return undefined;
    const property = param.properties.find((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'headers');
    if (property?.type !== 'ObjectProperty')
        return undefined;
    return property.value.type === 'Identifier' ? (headerRead(body, property.value.name, 'headers') ?? '') : '';
}
/** rate-limiter-flexible: `limiter.consume(req.headers['x-forwarded-for'])` inside a middleware. */
function consumeFindings(express) {
    const findings = [];
    for (const module of express.graph.modules.values()) {
        for (const call of module.index.calls) {
            if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || propertyName(call.callee) !== 'consume')
                continue;
            const [key] = call.arguments;
            if (!key || !isLimiterValue(express.evaluate(call.callee.object, module)))
                continue;
            const fn = express.enclosingFunction({ module, node: call });
            const req = fn ? firstParamName(fn) : undefined;
            const header = req !== undefined ? headerRead(key, req) : undefined;
            if (header === undefined)
                continue;
            findings.push({
                ...locate({ module, node: call }),
                messageId: 'consume-header-key',
                message: `this limiter consumes points keyed on ${named(header)}, which the client sets freely, so each request can claim a fresh bucket: ${KEY_FIX}`
            });
        }
    }
    return findings;
}
/**
 * A limiter whose client key the client controls: 'trust proxy' `true` on an app that has a
 * limiter (express-rate-limit keys on `req.ip`, which then comes from the left-most
 * `X-Forwarded-For` entry), or a key read from a request header.
 */
/* harmony default export */ const rate_limit_bypassable = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'rate-limit-bypassable',
        severity: 'moderate',
        category: 'express',
        description: "The rate limiter's client key can be spoofed: `trust proxy` set to `true` or a key taken from a request header.",
        fix: "`app.set('trust proxy', 1)` (the number of proxies) and key on `req.ip` or the authenticated user",
        cwe: 'CWE-348',
        messages: {
            'trust-proxy-true': "'trust proxy' is true in a rate-limited app, so clients choose req.ip",
            'key-generator-header': 'a limiter keyGenerator keys clients on a request header',
            'consume-header-key': 'a limiter consume() call keys points on a request header'
        }
    },
    needs: 'source',
    check({ express }) {
        const unplaced = hasUnplacedLimiter(express);
        return (0,rule/* uniqueByPlace */.C1)([
            ...express.apps.flatMap((app) => trustProxyFinding(express, app, unplaced)),
            ...orphanTrustFindings(express, unplaced),
            ...limiterCreations(express).flatMap((c) => keyGeneratorFinding(express, c)),
            ...consumeFindings(express)
        ]);
    }
}));

;// CONCATENATED MODULE: ./src/model/cors-options.ts




/** Every cors middleware given to a use or route of any app or router, once per `cors(...)` call. */
function corsUses(express) {
    const found = new Map();
    const add = (handler, event) => {
        if (isKind(handler, 'cors') && handler.called && handler.export.length === 0 && !found.has(handler.site.node))
            found.set(handler.site.node, { handler, ...(event ? { event } : {}) });
    };
    for (const router of express.routers)
        for (const event of router.events)
            for (const handler of event.handlers)
                add(handler, event);
    for (const use of express.orphanUses)
        for (const handler of use.handlers)
            add(handler);
    return [...found.values()];
}
/** `app.options('*', cors())` answers preflights for the app's main `cors()`: one finding is enough. */
function isPreflightEcho(use, all) {
    return use.event?.method === 'options' && all.some((other) => other !== use && other.event?.method !== 'options');
}
const MATCH_ALL = new Set([
    '',
    '.*',
    '.+',
    '.',
    '.*?',
    '.+?',
    '(.*)',
    '(.+)',
    '[\\s\\S]*',
    '[\\s\\S]+',
    '[^]*',
    '[^]+',
    '\\S*',
    '\\S+',
    '[\\w\\W]*'
]);
/** `/.*\/`, `/^.+$/`, `/^https?:\/\/.*$/`: read, never run. */
function matchesEverything(pattern) {
    const body = pattern
        .replace(/^\^/, '')
        .replace(/\$$/, '')
        .replace(/^\(?https\?:?(?:\\\/|\/){2}\)?/, '');
    return MATCH_ALL.has(body);
}
function isNullLiteral(node) {
    return node?.type === 'NullLiteral' || (node?.type === 'Identifier' && node.name === 'undefined');
}
/**
 * `(origin, callback) => callback(null, true)` or `callback(null, origin)`: every call of the
 * callback allows, whatever the origin. A function that ever refuses (an error, `false`, a
 * computed answer) restricts.
 */
function allowsEveryOrigin(fn) {
    const [originParam, callbackParam] = fn.params;
    if (callbackParam?.type !== 'Identifier')
        return false;
    const origin = originParam?.type === 'Identifier' ? originParam.name : undefined;
    const answers = [];
    (0,javascript/* walk */.GG)(fn.body, (node) => {
        if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== callbackParam.name)
            return;
        const [error, allow] = node.arguments;
        const allows = isNullLiteral(error) && ((allow?.type === 'BooleanLiteral' && allow.value) || (allow?.type === 'Identifier' && allow.name === origin));
        answers.push(Boolean(allows));
    });
    return answers.length > 0 && answers.every(Boolean);
}
function openness(value) {
    switch (value.kind) {
        case 'absent':
            return 'default';
        case 'literal':
            return value.value === '*' ? 'wildcard' : value.value === true ? 'reflect' : undefined;
        case 'regex':
            return matchesEverything(value.pattern) ? 'regex' : undefined;
        case 'function':
            return allowsEveryOrigin(value.fn) ? 'function' : undefined;
        default:
            return undefined;
    }
}
/**
 * A conditional is open only when every branch is (a development-only `*` is common and fine);
 * a fallback is open when its default is (`process.env.CORS_ORIGIN || '*'`).
 */
function originOpenness(value) {
    if (value.kind === 'conditional') {
        const sides = [originOpenness(value.consequent), originOpenness(value.alternate)];
        return sides.every((s) => s !== undefined) ? sides[0] : undefined;
    }
    if (value.kind === 'fallback')
        return originOpenness(value.left) ?? originOpenness(value.right);
    return openness(value);
}
function isTrue(value) {
    const all = branches(value);
    return value.kind === 'fallback'
        ? all.some((b) => b.kind === 'literal' && b.value === true)
        : all.every((b) => b.kind === 'literal' && b.value === true);
}
/** What a `cors(options)` call allows; undefined for options the model cannot read (a delegate, a parameter). */
function assessCors(express, handler) {
    const options = handler.options;
    if (options === undefined || options.kind === 'absent')
        return { open: 'default', credentials: false };
    if (options.kind !== 'object')
        return undefined;
    const origin = express.evaluator.property(options, 'origin');
    const credentials = express.evaluator.property(options, 'credentials');
    const open = originOpenness(origin);
    const originSite = limiters_optionSite(express, options, 'origin');
    const credentialsSite = limiters_optionSite(express, options, 'credentials');
    return {
        ...(open ? { open } : {}),
        credentials: isTrue(credentials),
        ...(originSite ? { originSite } : {}),
        ...(credentialsSite ? { credentialsSite } : {})
    };
}
function describeOpen(open) {
    switch (open) {
        case 'default':
            return 'no `origin` (cors then allows `*`)';
        case 'wildcard':
            return 'origin `*`';
        case 'reflect':
            return 'origin `true` (reflects any request origin)';
        case 'function':
            return 'an origin function that allows every origin';
        case 'regex':
            return 'an origin regex that matches every origin';
    }
}

;// CONCATENATED MODULE: ./src/rules/express/cors-wildcard-credentials.ts



function cors_wildcard_credentials_check(express, use, all) {
    if (isPreflightEcho(use, all))
        return [];
    const verdict = assessCors(express, use.handler);
    if (!verdict?.open || !verdict.credentials)
        return [];
    const site = verdict.originSite ?? verdict.credentialsSite ?? use.handler.site;
    const consequence = verdict.open === 'default' || verdict.open === 'wildcard'
        ? "browsers refuse `*` with credentials, and the usual workaround (`origin: true`) lets every site read responses with the user's cookies"
        : "any website can make requests with the user's cookies and read the responses";
    return [
        {
            ...locate(site),
            messageId: 'credentials-any-origin',
            message: `cors allows credentials with ${describeOpen(verdict.open)}: ${consequence}: list the trusted origins, e.g. \`origin: ['https://app.example.com']\``
        }
    ];
}
/**
 * `cors({ credentials: true })` whose origin lets any site in: unset or `*`, `true`, a function
 * that allows every origin, or a regex that matches everything. Reported at the `origin` option
 * (or `credentials` when origin is unset); options the model cannot read are not judged.
 */
/* harmony default export */ const cors_wildcard_credentials = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'cors-wildcard-credentials',
        severity: 'high',
        category: 'express',
        description: 'CORS allows credentials together with any origin: `*`, `true`, a reflecting function or a regex matching everything.',
        fix: "an explicit allow-list: `cors({ origin: ['https://app.example.com'], credentials: true })`",
        cwe: 'CWE-942',
        messages: {
            'credentials-any-origin': 'cors allows credentials with any origin (*, true, a reflecting function or an all-matching regex)'
        }
    },
    needs: 'source',
    check({ express }) {
        const uses = corsUses(express);
        return uses.flatMap((use) => cors_wildcard_credentials_check(express, use, uses));
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/cors-permissive.ts



function cors_permissive_check(express, use, all) {
    if (isPreflightEcho(use, all))
        return [];
    const verdict = assessCors(express, use.handler);
    // With credentials it is cors-wildcard-credentials' (high) finding.
    if (!verdict?.open || verdict.credentials)
        return [];
    const what = verdict.open === 'default' && use.handler.options === undefined ? '`cors()` without options' : `cors with ${describeOpen(verdict.open)}`;
    return [
        {
            ...locate(use.handler.site),
            messageId: 'any-origin',
            message: `${what} lets every website read this app's responses from a visitor's browser: restrict it, e.g. \`cors({ origin: ['https://app.example.com'] })\``
        }
    ];
}
/**
 * `cors()` with no origin restriction (no options, no `origin`, `*`, `true`, an allow-everything
 * function or regex) and no credentials. Reported at the `cors()` call; the
 * `app.options('*', cors())` preflight echo of a main `cors()` is not reported twice.
 */
/* harmony default export */ const cors_permissive = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'cors-permissive',
        severity: 'moderate',
        category: 'express',
        description: '`cors()` with no origin restriction: every website may read the responses.',
        fix: "an explicit allow-list: `cors({ origin: ['https://app.example.com'] })`",
        cwe: 'CWE-942',
        messages: {
            'any-origin': 'cors lets every origin read responses (no origin restriction), without credentials'
        }
    },
    needs: 'source',
    check({ express }) {
        const uses = corsUses(express);
        return uses.flatMap((use) => cors_permissive_check(express, use, uses));
    }
}));

;// CONCATENATED MODULE: ./src/rules/docker/docker-root-user.ts



function dockerfileFinding({ path, model }) {
    const runtime = runtimeOf(model);
    if (!runtime)
        return undefined;
    const { final, base, user } = runtime;
    if (!user) {
        if (defaultsToNonRoot(base.image))
            return undefined;
        return {
            file: path,
            line: final.fromLine,
            messageId: 'no-user',
            message: `the final stage (FROM ${base.image}) never sets USER, so the app runs as root: ${isNodeImage(base.image)
                ? 'add `USER node` (official node images ship that user) after installing dependencies'
                : 'create an unprivileged user and switch to it with `USER` (a numeric UID such as `USER 10001` works on any image)'}`
        };
    }
    if (!isRootUser(user.value))
        return undefined;
    return {
        file: path,
        line: user.line, // in the final stage, or in the stage it is built FROM
        messageId: 'user-root',
        message: `the final stage runs as ${user.value === 'root' ? 'root' : `'${user.value}' (root)`}: switch to a non-root user with \`USER node\` or a numeric UID such as \`USER 10001\``
    };
}
function composeFindings({ path, model }) {
    return model.services.flatMap((service) => {
        const findings = [];
        if (service.user && isRootUser(service.user.value)) {
            findings.push({
                file: path,
                line: service.user.line,
                messageId: 'compose-user-root',
                message: `service \`${service.name}\` runs as \`user: ${service.user.value}\` (root): set a non-root user such as \`user: node\` or \`user: "10001"\`, or drop the line to keep the image's USER`
            });
        }
        if (service.privileged?.value) {
            findings.push({
                file: path,
                line: service.privileged.line,
                messageId: 'compose-privileged',
                message: `service \`${service.name}\` is \`privileged: true\`, which gives it root over the host's devices and kernel: remove it and grant only the capabilities it needs with \`cap_add\``
            });
        }
        return findings;
    });
}
/* harmony default export */ const docker_root_user = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-root-user',
        severity: 'high',
        category: 'docker',
        description: 'The final stage of the image runs as root: no USER, or the last USER is root or 0 (or a Compose service sets user: root or privileged: true).',
        fix: 'add `USER node` (or another non-root user) in the final stage, after installing dependencies',
        cwe: 'CWE-250',
        messages: {
            'no-user': 'the final stage never sets USER and its base image runs as root',
            'user-root': 'the last USER of the final stage is root (or UID 0)',
            'compose-user-root': 'a Compose service sets user: root (or 0)',
            'compose-privileged': 'a Compose service sets privileged: true'
        }
    },
    needs: 'project',
    check({ dockerfiles, composeFiles }) {
        return [...dockerfiles.flatMap((doc) => dockerfileFinding(doc) ?? []), ...composeFiles.flatMap(composeFindings)];
    }
}));

;// CONCATENATED MODULE: ./src/rules/docker/docker-unpinned-base.ts





/** A FROM that names a registry image: not `scratch`, not an earlier stage, not decided by a build argument. */
function namesImage(doc, stage) {
    return stage.imageKnown && stage.image.toLowerCase() !== 'scratch' && !(0,dockerfile/* parentStage */.vp)(doc.model, stage);
}
/** Tag words that float on their own (`lts`, `alpine`, `latest`); the others (`bookworm`, `slim`...) name a variant to keep. */
const FLOATING_WORDS = new Set(['latest', 'lts', 'current', 'stable', 'mainline', 'edge', 'nightly', 'rolling', 'main', 'master']);
/**
 * The image pinned, as the fix suggests it: its own name with a version placeholder, keeping its
 * variant (`node:lts-alpine` → `node:24-alpine`, `nginx` → `nginx:<version>`); never a
 * second tag after the one it has.
 */
function pinnedExample(image, today) {
    const ref = parseImageRef(image);
    // The official node image: the newest LTS line in support, so the example is a tag that exists.
    const version = (isOfficialNodeImage(ref) ? supportedLtsMajors(today).at(-1)?.toString() : undefined) ?? '<version>';
    const repository = ref.registry ? `${ref.registry}/${ref.path}` : ref.path;
    const variant = (ref.tag ?? '').split('-').filter((word) => word !== '' && !FLOATING_WORDS.has(word));
    return `${repository}:${[version, ...variant].join('-')}`;
}
/* harmony default export */ const docker_unpinned_base = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-unpinned-base',
        severity: 'moderate',
        category: 'docker',
        description: 'A Dockerfile stage is built FROM an untagged, `:latest` or otherwise floating image tag, so each build may get a different base.',
        fix: 'pin a version tag (`node:24.11-alpine`), or a digest (`node:24-alpine@sha256:…`) kept fresh by Renovate or Dependabot',
        cwe: 'CWE-1357',
        messages: {
            unpinned: 'a stage is built FROM an untagged, :latest or floating tag'
        }
    },
    needs: 'project',
    check({ dockerfiles, today }) {
        const findings = [];
        for (const doc of dockerfiles) {
            for (const stage of doc.model.stages) {
                const why = namesImage(doc, stage) ? floatingTag(stage.image) : undefined;
                if (!why)
                    continue;
                findings.push({
                    file: doc.path,
                    line: stage.fromLine,
                    messageId: 'unpinned',
                    message: `\`FROM ${stage.image}\` is not pinned (${why}), so rebuilds silently change the base: pin a version tag (\`${pinnedExample(stage.image, today)}\`), or a digest (\`${stage.image}@sha256:…\`)`
                });
            }
        }
        return findings;
    }
}));

;// CONCATENATED MODULE: ./src/rules/docker/docker-eol-node.ts




/** `node:24 or node:26`: the two newest LTS lines in support on the scan date. */
function upgradeTargets(today) {
    const majors = supportedLtsMajors(today).slice(-2);
    return majors.length > 0 ? majors.map((m) => `node:${m}`).join(' or ') : 'a supported LTS line';
}
/* harmony default export */ const docker_eol_node = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-eol-node',
        severity: 'high',
        category: 'docker',
        description: 'The image runs on a Node.js major that is past its end of life on the scan date, so it gets no security fixes.',
        fix: 'move the final stage to a supported LTS line (see the Node.js release schedule)',
        cwe: 'CWE-1104',
        messages: {
            'eol-node': "the final stage's base image runs a Node major past end of life"
        }
    },
    needs: 'project',
    check({ dockerfiles, today }) {
        const findings = [];
        for (const { path, model } of dockerfiles) {
            const base = runtimeOf(model)?.base;
            const major = base?.imageKnown ? nodeMajorOf(base.image) : undefined;
            if (!base || major === undefined || !isEndOfLife(major, today))
                continue;
            findings.push({
                file: path,
                line: base.fromLine,
                messageId: 'eol-node',
                message: `\`FROM ${base.image}\` runs Node ${major}, past end of life since ${findNodeRelease(major)?.end}: move to ${upgradeTargets(today)}`
            });
        }
        return findings;
    }
}));

// EXTERNAL MODULE: ./src/discovery/package-manager.ts
var package_manager = __webpack_require__(4844);
;// CONCATENATED MODULE: ./src/rules/docker/docker-npm-install.ts



/** Commands that run the command after them: `sudo npm i`, `env CI=1 npm i`, `su-exec node npm i`. */
const PREFIXES = {
    sudo: { valueOptions: ['-u', '-g', '-C', '-D'], operands: 0 },
    env: { valueOptions: ['-u', '-C'], operands: 0 },
    exec: { valueOptions: ['-a'], operands: 0 },
    nohup: { valueOptions: [], operands: 0 },
    time: { valueOptions: [], operands: 0 },
    command: { valueOptions: [], operands: 0 },
    'su-exec': { valueOptions: [], operands: 1 },
    gosu: { valueOptions: [], operands: 1 }
};
/** Options that take the next word as their value when written without `=`. */
const VALUE_OPTIONS = {
    npm: new Set([
        '--prefix',
        '-C',
        '--omit',
        '--include',
        '--only',
        '--also',
        '--registry',
        '--cache',
        '--userconfig',
        '--globalconfig',
        '--workspace',
        '-w',
        '--loglevel',
        '--location',
        '--tag',
        '--install-strategy'
    ]),
    yarn: new Set(['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex', '--registry']),
    pnpm: new Set(['--dir', '-C', '--filter', '-F', '--store-dir', '--reporter', '--registry']),
    bun: new Set(['--cwd', '--registry', '--backend'])
};
const INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const UPDATE = new Set(['update', 'up', 'upgrade', 'udpate']);
const FROZEN = {
    yarn: ['--frozen-lockfile', '--immutable'],
    pnpm: ['--frozen-lockfile', '--offline'],
    bun: ['--frozen-lockfile']
};
const FROZEN_FIX = {
    yarn: '`yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+)',
    pnpm: '`pnpm install --frozen-lockfile`',
    bun: '`bun install --frozen-lockfile`'
};
function dropPrefixes(words) {
    let rest = words;
    for (let prefix = PREFIXES[rest[0] ?? '']; prefix; prefix = PREFIXES[rest[0] ?? '']) {
        let i = 1;
        while (rest[i]?.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[i] ?? ''))
            i += prefix.valueOptions.includes(rest[i] ?? '') ? 2 : 1;
        rest = rest.slice(i + prefix.operands);
    }
    return rest;
}
function readCall(command, vars) {
    const [program, ...args] = dropPrefixes(command.words);
    const tool = program?.split('/').at(-1) ?? '';
    const valueOptions = VALUE_OPTIONS[tool];
    if (!valueOptions)
        return undefined;
    const call = { tool, options: [], operands: [] };
    for (let i = 0; i < args.length; i += 1) {
        const word = args[i];
        if (word.startsWith('-')) {
            call.options.push(word);
            if (valueOptions.has(word) && !word.includes('='))
                i += 1;
        }
        else if (call.subcommand === undefined)
            call.subcommand = word;
        // `pm2@$PM2_VERSION` with `ARG PM2_VERSION=5.4.2`: the version the build pins; an unset one stays as written.
        else
            call.operands.push((0,dockerfile/* substitute */.V2)(word, vars, []));
    }
    if (call.tool === 'yarn' && call.subcommand === 'global') {
        // `yarn global add pm2@5` is `add` with a global flag, as in the other tools.
        call.subcommand = call.operands.shift();
        call.options.push('--global');
    }
    return call;
}
/**
 * `pm2@5`, `@scope/pkg@^1.2`, a path, a tarball or a URL: a version is chosen by the Dockerfile, not
 * by the registry's newest. Build arguments are substituted before (`pkg@$PKG_VERSION` with a pinned
 * `ARG` default); one left unset stays as written and is not pinned.
 */
function isPinnedSpec(spec) {
    if (/^[./~]/.test(spec) || spec.includes(':'))
        return true;
    const at = spec.indexOf('@', 1);
    return at > 0 && /^[v=~^]?\d/.test(spec.slice(at + 1));
}
/** The package a spec names, without its tag or range: `pnpm@latest` → `pnpm`, `@scope/pkg@next` → `@scope/pkg`. */
function packageNameOf(spec) {
    const at = spec.indexOf('@', 1);
    return at > 0 ? spec.slice(0, at) : spec;
}
function isGlobal(call) {
    return call.options.some((o) => o === '-g' || o === '--global' || o === '--location=global');
}
/** The frozen install to suggest for a call of `tool`: the project's own flavour of yarn when it is a yarn project. */
function frozenFix(tool, project) {
    if (tool === 'npm')
        return '`npm ci`';
    if (tool === 'yarn' && project?.name === 'yarn')
        return (0,package_manager/* frozenInstallCommand */.Hu)(project);
    return FROZEN_FIX[tool] ?? '`npm ci`';
}
/**
 * What is wrong with a package manager call, or undefined when it installs from the lockfile or a pinned tool.
 * `project` is the project's manager (from its lockfile or `packageManager`): its frozen install is the one suggested.
 */
function problem(call, project) {
    const shown = [call.tool, call.subcommand].filter(Boolean).join(' ');
    const sub = call.subcommand;
    if (sub !== undefined && UPDATE.has(sub)) {
        return {
            messageId: 'update',
            message: `\`${shown}\` re-resolves dependencies and rewrites the lockfile at build time: build from the committed lockfile with ${frozenFix(call.tool, project)}`
        };
    }
    // A bare `yarn` installs; a bare npm, pnpm or bun prints help.
    const installs = sub === undefined ? call.tool === 'yarn' : INSTALL.has(sub);
    if (!installs)
        return undefined;
    if (call.operands.length > 0) {
        const loose = call.operands.filter((spec) => !isPinnedSpec(spec));
        if (loose.length === 0)
            return undefined;
        const global = isGlobal(call);
        const where = global ? 'installs whatever version is newest at build time' : 'adds packages outside the lockfile';
        return {
            messageId: global ? 'unpinned-global' : 'unpinned-package',
            message: `\`${shown}${global ? ' -g' : ''} ${loose.join(' ')}\` ${where}: pin each one (\`${packageNameOf(loose[0])}@<version>\`)${global ? '' : ', or add it to package.json and install from the lockfile'}`
        };
    }
    if (call.tool === 'npm' && project && project.name !== 'npm') {
        // A pnpm or yarn project: npm reads neither lockfile, so `npm install` resolves everything anew.
        return {
            messageId: 'npm-install',
            message: `\`${shown}\` ignores ${package_manager/* LOCKFILE_OF */.Y$[project.name]} and resolves versions again: install from it with ${(0,package_manager/* frozenInstallCommand */.Hu)(project)}`
        };
    }
    if (call.tool === 'npm') {
        return {
            messageId: 'npm-install',
            message: `\`${shown}\` resolves versions again instead of installing exactly what package-lock.json says: use \`npm ci\` (\`npm ci --omit=dev\` for production), committing package-lock.json if it is missing`
        };
    }
    if (call.options.some((o) => FROZEN[call.tool]?.includes(o)))
        return undefined;
    const pure = call.options.includes('--pure-lockfile') ? ' (`--pure-lockfile` only skips writing it; it does not fail on drift)' : '';
    return {
        messageId: 'not-frozen',
        message: `\`${call.tool} install\` without a frozen lockfile may resolve new versions at build time${pure}: use ${frozenFix(call.tool, project)}`
    };
}
/* harmony default export */ const docker_npm_install = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-npm-install',
        severity: 'low',
        category: 'docker',
        description: "A Dockerfile installs the app's dependencies with `npm install` (or a non-frozen yarn/pnpm/bun install, or an update) instead of from the lockfile.",
        fix: "install from the project's lockfile: `npm ci`, `pnpm install --frozen-lockfile`, `yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+); pin global tools (`npm install -g pm2@5`)",
        cwe: 'CWE-1357',
        messages: {
            update: 'an update command (npm update, yarn upgrade...) re-resolves dependencies at build time',
            'unpinned-global': 'a global install of a package without a pinned version',
            'unpinned-package': 'an install adds named packages without pinned versions, outside the lockfile',
            'npm-install': '`npm install` of the app instead of `npm ci`',
            'not-frozen': 'a yarn, pnpm or bun install without a frozen lockfile'
        }
    },
    needs: 'project',
    check({ dockerfiles, packageManager }) {
        const findings = [];
        for (const { path, model } of dockerfiles) {
            for (const instruction of model.stages.flatMap((s) => s.instructions)) {
                if (instruction.keyword !== 'RUN')
                    continue;
                for (const command of instruction.commands) {
                    const call = readCall(command, instruction.vars ?? new Map());
                    const found = call && problem(call, packageManager.detected);
                    if (found)
                        findings.push({ file: path, line: command.line, ...found });
                }
            }
        }
        return findings;
    }
}));

;// CONCATENATED MODULE: ./src/rules/docker/docker-non-slim-base.ts




/** `node:22-bookworm` → `node:22-bookworm-slim`; an untagged image gets a placeholder version. */
function slimVariant(image) {
    const { tag } = parseImageRef(image);
    return `node:${tag && tag !== 'latest' ? tag : '<version>'}-slim`;
}
/* harmony default export */ const docker_non_slim_base = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-non-slim-base',
        severity: 'low',
        category: 'docker',
        description: 'The final stage runs on the full Debian `node` image, with compilers and hundreds of packages the app does not need.',
        fix: 'run on `node:<version>-slim`, `-alpine` or distroless; build in a full stage if native modules need it',
        cwe: 'CWE-1104',
        messages: {
            'full-image': 'the final stage runs on the full Debian node image'
        }
    },
    needs: 'project',
    check({ dockerfiles }) {
        const findings = [];
        for (const { path, model } of dockerfiles) {
            const base = runtimeOf(model)?.base;
            if (!base?.imageKnown || !isFullNodeImage(base.image))
                continue;
            findings.push({
                file: path,
                line: base.fromLine,
                messageId: 'full-image',
                message: `the final stage runs on \`${base.image}\`, the full Debian image (compilers, git, hundreds of packages and their CVEs): use \`${slimVariant(base.image)}\` or \`-alpine\`, building in a full stage if native modules need it`
            });
        }
        return findings;
    }
}));

// EXTERNAL MODULE: ./src/parse/dockerignore.ts
var dockerignore = __webpack_require__(9309);
// EXTERNAL MODULE: ./src/parse/dotenv.ts
var dotenv = __webpack_require__(1909);
;// CONCATENATED MODULE: ./src/rules/docker/docker-dotenv-copied.ts




/** Sources that mean the whole build context. */
const WHOLE_CONTEXT = new Set(['.', './', '*', './*']);
function copiesWholeContext(instruction) {
    if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.heredocs.length > 0)
        return false;
    if (instruction.flags.some((f) => f.name === 'from'))
        return false;
    let paths;
    try {
        paths = instruction.args.trim().startsWith('[') ? JSON.parse(instruction.args) : undefined;
    }
    catch {
        paths = undefined;
    }
    const words = Array.isArray(paths) ? paths.map(String) : instruction.args.trim().split(/\s+/);
    return words.slice(0, -1).some((source) => WHOLE_CONTEXT.has(source));
}
/**
 * The build context of a Dockerfile and the ignore file that applies: `<Dockerfile>.dockerignore`
 * beside it, else the nearest `.dockerignore` from its folder up to the scan root (the context
 * is usually the Dockerfile's folder, or the repository root with `-f path/Dockerfile`).
 */
function buildContext(dockerfile, ignores) {
    const own = ignores.find((i) => i.path === `${dockerfile}.dockerignore`);
    const home = external_node_path_.posix.dirname(dockerfile);
    if (own)
        return { dir: home, ignore: own };
    for (let dir = home;; dir = external_node_path_.posix.dirname(dir)) {
        const ignore = ignores.find((i) => i.path === (dir === '.' ? '.dockerignore' : `${dir}/.dockerignore`));
        if (ignore)
            return { dir, ignore };
        if (dir === '.')
            return { dir: home };
    }
}
/** `.env`, `.env.local`, `.envrc`: not a template without real values (`.env.example`) or a licence sidecar (`.env.license`). */
function isLeakableEnvName(name) {
    return name.startsWith('.env') && !(0,dotenv/* isEnvTemplateName */.dg)(name) && !/\.license$/i.test(name);
}
/** `.env`, and every other env file in the context except templates, relative to the context. */
function envFilesIn(dir, files) {
    const inside = files
        .filter((f) => !f.test && isLeakableEnvName(external_node_path_.posix.basename(f.path)))
        .filter((f) => dir === '.' || f.path.startsWith(`${dir}/`))
        .map((f) => (dir === '.' ? f.path : f.path.slice(dir.length + 1)));
    return [...new Set(['.env', ...inside])];
}
function copyFinding(doc, instruction, context) {
    const build = buildContext(doc.path, context.dockerignores);
    const shown = `${instruction.keyword} ${instruction.args.trim()}`;
    if (!build.ignore) {
        return {
            file: doc.path,
            line: instruction.line,
            messageId: 'no-dockerignore',
            message: `\`${shown}\` copies the whole build context and there is no .dockerignore, so a local .env (and .git, node_modules) goes into the image: add a .dockerignore listing \`.env*\`, \`.git\` and \`node_modules\``
        };
    }
    const leaked = envFilesIn(build.dir, context.files).find((path) => !(0,dockerignore/* isIgnored */.p)(build.ignore?.patterns ?? [], path));
    if (leaked === undefined)
        return undefined;
    return {
        file: doc.path,
        line: instruction.line,
        messageId: 'env-not-ignored',
        message: `\`${shown}\` copies the build context, and ${build.ignore.path} does not exclude \`${leaked}\`, so its secrets go into the image: add \`.env*\` and \`**/.env*\` to ${build.ignore.path}`
    };
}
/* harmony default export */ const docker_dotenv_copied = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-dotenv-copied',
        severity: 'moderate',
        category: 'docker',
        description: 'A Dockerfile copies the whole build context (`COPY . .`, `ADD .`) while `.dockerignore` is missing or does not exclude `.env` files.',
        fix: 'add `.env*` and `**/.env*` to `.dockerignore` (with `.git` and `node_modules`)',
        cwe: 'CWE-538',
        messages: {
            'no-dockerignore': 'the whole context is copied and there is no .dockerignore at all',
            'env-not-ignored': 'the whole context is copied and the .dockerignore does not exclude a .env file'
        }
    },
    needs: 'project',
    check(context) {
        return context.dockerfiles.flatMap((doc) => doc.model.stages
            .flatMap((stage) => stage.instructions)
            .filter(copiesWholeContext)
            .flatMap((instruction) => copyFinding(doc, instruction, context) ?? []));
    }
}));

;// CONCATENATED MODULE: ./src/rules/docker/docker-secret-env.ts


/** `$VAR` and `${VAR}` are filled in at build or run time: not a literal (Compose's `$$` is a literal `$`). */
const REFERENCE = /(?:^|[^$])\$(?:\{|[A-Za-z_])/;
const NOT_A_SECRET = /^(?:true|false|yes|no|on|off|null|none|0|1)$/i;
/** What makes this value a committed secret, redacted, or undefined when it is not one. */
function secretIn(name, value) {
    if (value === null || value.trim() === '' || REFERENCE.test(value))
        return undefined;
    if ((0,secret_names/* isSecretName */.eh)(name) && !NOT_A_SECRET.test(value.trim()))
        return `a literal value (${(0,secret_names/* redact */.E$)(value)})`;
    const password = (0,secret_names/* urlPassword */.Ds)(value);
    return password ? `a URL with a literal password (${(0,secret_names/* redact */.E$)(password)})` : undefined;
}
function dockerfileFindings({ path, model }) {
    const declarations = [...model.globalArgs, ...model.stages.flatMap((s) => s.instructions)];
    return declarations.flatMap((instruction) => instruction.variables.flatMap((variable) => {
        const secret = secretIn(variable.name, variable.value);
        if (!secret)
            return [];
        const message = instruction.keyword === 'ENV'
            ? `\`ENV ${variable.name}\` holds ${secret}, baked into the image for anyone who can pull it (\`docker inspect\`): pass it at run time (\`docker run -e\`, an orchestrator secret) and revoke this one`
            : `\`ARG ${variable.name}\` has ${secret} as its default, kept in the image history: use \`RUN --mount=type=secret,id=${variable.name.toLowerCase()}\` at build time and revoke this one`;
        return [{ file: path, line: variable.line, messageId: instruction.keyword === 'ENV' ? 'env-literal' : 'arg-default', message }];
    }));
}
function docker_secret_env_composeFindings({ path, model }) {
    return model.services.flatMap((service) => [
        ...service.environment.map((entry) => ({ entry, where: 'environment' })),
        ...service.buildArgs.map((entry) => ({ entry, where: 'build arg' }))
    ].flatMap(({ entry, where }) => {
        const secret = secretIn(entry.name, entry.value);
        if (!secret)
            return [];
        return [
            {
                file: path,
                line: entry.line,
                messageId: where === 'environment' ? 'compose-environment' : 'compose-build-arg',
                message: `service \`${service.name}\` sets ${where} \`${entry.name}\` to ${secret} in a committed file: reference it as \`\${${entry.name}}\` from an untracked .env or use Compose \`secrets:\`, and revoke this one`
            }
        ];
    }));
}
/* harmony default export */ const docker_secret_env = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-secret-env',
        severity: 'high',
        category: 'docker',
        description: "A secret-looking ENV or ARG (or a Compose service's environment value) is a literal, committed with the Dockerfile and baked into the image.",
        fix: 'pass secrets at run time or with `RUN --mount=type=secret`; revoke the committed one',
        cwe: 'CWE-798',
        messages: {
            'env-literal': 'an ENV holds a literal secret (or a URL with a literal password)',
            'arg-default': 'an ARG has a literal secret (or a URL with a literal password) as its default',
            'compose-environment': 'a Compose service environment entry holds a literal secret',
            'compose-build-arg': 'a Compose service build arg holds a literal secret'
        }
    },
    needs: 'project',
    check({ dockerfiles, composeFiles }) {
        return [...dockerfiles.flatMap(dockerfileFindings), ...composeFiles.flatMap(docker_secret_env_composeFindings)];
    }
}));

// EXTERNAL MODULE: ./src/parse/shell.ts
var shell = __webpack_require__(1969);
;// CONCATENATED MODULE: ./src/rules/docker/docker-node-env.ts







const WHY = 'Express renders stack traces in error pages and skips view caching';
const docker_node_env_RUN_SCRIPT = new Set(['run', 'run-script', 'rum', 'urn']);
/** Compose files for development or tests, where NODE_ENV=development is the point. */
const docker_node_env_DEV_COMPOSE = /(?:^|[.-])(?:dev|development|local|test|tests|testing|ci|e2e|debug|override)(?:[.-]|$)/;
/** `NODE_ENV=production node x`, `env NODE_ENV=production ...`, `cross-env NODE_ENV=production ...`. */
function setsProduction(command) {
    if (command.assignments.some((a) => a.name === 'NODE_ENV' && a.value === 'production'))
        return true;
    return ['env', 'cross-env'].includes(command.words[0] ?? '') && command.words.includes('NODE_ENV=production');
}
/** The package.json script a start command runs: `npm start`, `npm run serve`, `yarn start`, `pnpm serve`. */
function scriptOf(command) {
    const [tool, sub, next] = command.words;
    if (tool !== 'npm' && tool !== 'yarn' && tool !== 'pnpm')
        return undefined;
    if (sub === 'start')
        return 'start';
    if (sub !== undefined && docker_node_env_RUN_SCRIPT.has(sub))
        return next;
    return tool === 'npm' ? undefined : sub;
}
/** The package.json beside the Dockerfile, else the root one: what `npm start` reads in the image. */
function manifestFor(dockerfile, packageJsons) {
    const dir = external_node_path_.posix.dirname(dockerfile);
    return (packageJsons.find((p) => p.path === (dir === '.' ? 'package.json' : `${dir}/package.json`)) ??
        packageJsons.find((p) => p.path === 'package.json'));
}
/** `CMD NODE_ENV=production node server.js`, or `CMD npm start` with a start script that sets it: enough for the process. */
function startsInProduction(doc, runtime, packageJsons) {
    const scripts = manifestFor(doc.path, packageJsons)?.manifest.data.scripts;
    const scriptText = (name) => {
        const text = typeof scripts === 'object' && scripts !== null ? scripts[name] : undefined;
        return typeof text === 'string' ? text : undefined;
    };
    return startInstructions(doc.model, runtime.final).some((i) => i.commands.some((command) => {
        if (setsProduction(command))
            return true;
        const script = scriptOf(command);
        const text = script === undefined ? undefined : scriptText(script);
        return text !== undefined && (0,shell/* parseShellScript */.N)(text).some(setsProduction);
    }));
}
function docker_node_env_dockerfileFinding(doc, { packageJsons }) {
    const { path, model } = doc;
    const runtime = runtimeOf(model);
    if (!runtime || !runsNode(model, runtime) || startsInProduction(doc, runtime, packageJsons))
        return undefined;
    const env = runtime.final.env.get('NODE_ENV');
    if (env?.value === 'production')
        return undefined;
    if (env) {
        return {
            file: path,
            line: env.line,
            messageId: 'env-not-production',
            message: `the final stage sets NODE_ENV to '${env.value}', so ${WHY}: set \`ENV NODE_ENV=production\` in the final stage`
        };
    }
    const buildOnly = (0,dockerfile/* stageChain */.ap)(model, runtime.final)
        .flatMap((s) => s.instructions)
        .some((i) => i.keyword === 'ARG' && i.variables.some((v) => v.name === 'NODE_ENV'));
    const message = buildOnly
        ? `\`ARG NODE_ENV\` only exists while the image builds, not when it runs, so ${WHY}: add \`ENV NODE_ENV=production\` to the final stage`
        : `the final stage never sets NODE_ENV=production, so ${WHY}: add \`ENV NODE_ENV=production\` to the final stage`;
    return { file: path, line: runtime.final.fromLine, messageId: buildOnly ? 'arg-only' : 'env-missing', message };
}
/**
 * Does a Dockerfile decide this service's environment? A scanned one has its own finding; a remote
 * or inline one cannot be seen, so the service is given the benefit of the doubt.
 */
function builtFromScannedDockerfile(composePath, service, dockerfiles) {
    if (!service.build)
        return false;
    const path = (0,compose/* buildDockerfilePath */.Kb)(composePath, service.build);
    return path === undefined || dockerfiles.some((d) => d.path === path);
}
function composeFinding(doc, service, dockerfiles) {
    const runsApp = service.build !== undefined || (service.image !== undefined && isNodeImage(service.image.value));
    if (!runsApp)
        return undefined;
    const entry = service.environment.findLast((e) => e.name === 'NODE_ENV');
    if (entry) {
        // No value passes the deploy environment's through; `${NODE_ENV}` is filled in from it.
        if (entry.value === null || entry.value === 'production' || entry.value.includes('$'))
            return undefined;
        return {
            file: doc.path,
            line: entry.line,
            messageId: 'compose-env-not-production',
            message: `service \`${service.name}\` sets NODE_ENV to '${entry.value}', so ${WHY}: set \`NODE_ENV: production\` (keep development values in a docker-compose.override.yml or .dev.yml)`
        };
    }
    if (service.envFiles.length > 0 || builtFromScannedDockerfile(doc.path, service, dockerfiles))
        return undefined;
    return {
        file: doc.path,
        line: service.line,
        messageId: 'compose-env-missing',
        message: `service \`${service.name}\` runs the app without NODE_ENV=production, so ${WHY}: add \`NODE_ENV: production\` under \`environment:\``
    };
}
function docker_node_env_composeFindings(doc, { dockerfiles }) {
    const name = external_node_path_.posix
        .basename(doc.path)
        .replace(/^(?:docker-)?compose/, '')
        .replace(/\.ya?ml$/, '');
    if (docker_node_env_DEV_COMPOSE.test(name))
        return [];
    return doc.model.services.flatMap((service) => composeFinding(doc, service, dockerfiles) ?? []);
}
/* harmony default export */ const docker_node_env = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'docker-node-env',
        severity: 'moderate',
        category: 'docker',
        description: 'The final stage of a Node image (or a Compose service running the app) does not set NODE_ENV=production, so Express serves stack traces.',
        fix: 'add `ENV NODE_ENV=production` to the final stage',
        cwe: 'CWE-209',
        messages: {
            'env-not-production': 'the final stage sets ENV NODE_ENV to a value other than production',
            'arg-only': 'NODE_ENV is only an ARG (build time), never an ENV of the final stage',
            'env-missing': 'the final stage never sets NODE_ENV',
            'compose-env-not-production': 'a Compose service running the app sets NODE_ENV to a value other than production',
            'compose-env-missing': 'a Compose service running the app sets no NODE_ENV (and no env_file or scanned Dockerfile does)'
        }
    },
    needs: 'project',
    check(context) {
        return [
            ...context.dockerfiles.flatMap((doc) => docker_node_env_dockerfileFinding(doc, context) ?? []),
            ...context.composeFiles.flatMap((doc) => docker_node_env_composeFindings(doc, context))
        ];
    }
}));

// EXTERNAL MODULE: ./src/common/lockfiles.ts
var common_lockfiles = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/discovery/gitignore.ts
var gitignore = __webpack_require__(9356);
;// CONCATENATED MODULE: ./src/rules/project/lockfile-missing.ts




/** The line of a `.gitignore` that ignores the lockfile, unless a later `!` line takes it back. */
function ignoringLine(text, lockfile) {
    let found;
    text?.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line.startsWith('!') && (0,gitignore/* gitignoreMatcher */.X)(line.slice(1))(lockfile))
            found = undefined;
        else if ((0,gitignore/* gitignoreMatcher */.X)(line)(lockfile))
            found = i + 1;
    });
    return found;
}
/* harmony default export */ const lockfile_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'lockfile-missing',
        severity: 'high',
        category: 'project',
        description: 'No lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml or yarn.lock): a frozen install and a reproducible audit are impossible.',
        fix: "run the package manager's install (`npm install`, `pnpm install`, `yarn install`) and commit the lockfile it writes",
        cwe: 'CWE-1357',
        messages: {
            'no-lockfile': 'package.json has no lockfile beside it'
        }
    },
    needs: 'project',
    check({ files, packageJsons, gitignores, packageManager }) {
        const atRoot = new Set(files.filter((f) => !f.path.includes('/')).map((f) => f.path));
        // Any lockfile counts, bun's too: its manager installs and audits from it.
        const lockfiles = [...package_manager/* LOCKFILE_MANAGERS */.jd.map(([f]) => f), ...Object.keys(common_lockfiles/* OTHER_LOCKFILES */.YF)];
        if (!atRoot.has('package.json') || lockfiles.some((f) => atRoot.has(f)))
            return [];
        // No lockfile: the manager package.json declares (`packageManager`), npm otherwise.
        const manager = packageManager.declared;
        const lockfile = package_manager/* LOCKFILE_OF */.Y$[manager?.name ?? 'npm'];
        const command = (0,package_manager/* installCommand */.Je)(manager);
        const message = `package.json has no lockfile beside it, so installs are not reproducible and dependencies cannot be audited: run \`${command}\` and commit ${lockfile}`;
        // The line that keeps the lockfile out of the repository is where the fix starts.
        const ignored = ignoringLine(gitignores.find((g) => g.path === '.gitignore')?.text, lockfile);
        if (ignored !== undefined)
            return [
                {
                    file: '.gitignore',
                    line: ignored,
                    messageId: 'no-lockfile',
                    message: `${message}; this line of .gitignore keeps ${lockfile} out of commits: remove it`
                }
            ];
        // What the lockfile would pin: the dependencies, when package.json lists any; else the file as a whole.
        const manifest = packageJsons.find((p) => p.path === 'package.json')?.manifest;
        const line = manifest ? (manifest.keyLine(['dependencies']) ?? manifest.keyLine(['devDependencies'])) : null;
        return [{ file: 'package.json', line, messageId: 'no-lockfile', message }];
    }
}));

;// CONCATENATED MODULE: ./src/rules/project/engines-eol-node.ts


/* harmony default export */ const engines_eol_node = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'engines-eol-node',
        severity: 'low',
        category: 'project',
        description: '`engines.node` in package.json admits a Node.js major that is past its end of life on the scan date.',
        fix: 'raise the lower bound of `engines.node` to a supported LTS line, e.g. `">=22"`',
        cwe: 'CWE-1104',
        messages: {
            'eol-node': 'engines.node admits a Node major past end of life'
        }
    },
    needs: 'project',
    check({ packageJsons, today }) {
        const root = packageJsons.find((p) => p.path === 'package.json');
        const engines = root?.manifest.data.engines;
        const range = typeof engines === 'object' && engines !== null ? engines.node : undefined;
        if (!root || typeof range !== 'string')
            return [];
        const major = oldestEndOfLifeMajor(range, today);
        if (major === undefined)
            return [];
        const floor = supportedLtsMajors(today)[0];
        const fix = floor === undefined ? 'raise it to a supported LTS line' : `raise the lower bound to a supported line, e.g. ">=${floor}"`;
        return [
            {
                file: root.path,
                line: root.manifest.keyLine(['engines', 'node']),
                messageId: 'eol-node',
                message: `\`engines.node\` "${range}" admits Node ${major}, past end of life since ${findNodeRelease(major)?.end}: ${fix}`
            }
        ];
    }
}));

// EXTERNAL MODULE: ./src/findings/suppression-meta.ts
var suppression_meta = __webpack_require__(1579);
;// CONCATENATED MODULE: ./src/rules/project/suppression-without-reason.ts


/**
 * An inline `hardening-ignore` comment with no reason. Suppressions are applied centrally, so the
 * policy (src/findings/policy.ts) reports these when it reads the comments and holds the meta;
 * this rule puts it in the catalog and reports nothing itself.
 */
/* harmony default export */ const suppression_without_reason = ((0,rule/* defineRule */.Km)({
    meta: suppression_meta/* SUPPRESSION_WITHOUT_REASON */.q,
    needs: 'project',
    check() {
        return [];
    }
}));

;// CONCATENATED MODULE: ./src/model/secrets/provider-formats.ts

/** The header of a PEM private key; the body after it must look like base64 for it to be a key. */
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_BODY = /^[\s\\n"'+]*(?:[A-Za-z0-9+/=]{16,}[\s\\n"'+]*){2,}/;
/** AWS's own documentation key and other published examples. */
const DOC_EXAMPLE = /EXAMPLE|XXXXXXXX|0{16}/;
/** Provider-format credentials and private keys in a text (a string literal, a key file). */
function findProviderSecrets(text) {
    const found = [];
    for (const format of secret_names/* TOKEN_FORMATS */.PR) {
        for (const match of text.matchAll(format.pattern)) {
            if (DOC_EXAMPLE.test(match[0]))
                continue;
            found.push({
                index: match.index ?? 0,
                messageId: 'provider-format',
                message: `hardcoded ${format.name} (${(0,secret_names/* redact */.E$)(match[0])}): ${format.revoke}, then load it from the environment or a secret manager`
            });
        }
    }
    for (const match of text.matchAll(PRIVATE_KEY)) {
        const end = (match.index ?? 0) + match[0].length;
        if (!KEY_BODY.test(text.slice(end, end + 400)))
            continue;
        const kind = (match[1] ?? '').trim();
        found.push({
            index: match.index ?? 0,
            messageId: 'private-key',
            message: `hardcoded ${kind ? `${kind} ` : ''}private key: replace the key pair (treat it as leaked) and mount the new key from a secret store at run time`
        });
    }
    return found.sort((a, b) => a.index - b.index);
}
/** The 1-based line of an offset in a text. */
function lineAt(text, index, firstLine = 1) {
    let line = firstLine;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1))
        line += 1;
    return line;
}

;// CONCATENATED MODULE: ./src/model/secrets/secret-values.ts
/**
 * Whether a literal assigned to a secret-looking name is a secret rather than a placeholder, a
 * label or a reference to one. Kept narrow on purpose: njsscan's `.*pass.*` rules flagged every
 * `password: 'Password is required'`; these checks keep such values quiet.
 */

/** Values that stand for a secret in docs, templates and forms rather than being one. */
const PLACEHOLDER = new RegExp('^(?:' +
    [
        '<[^>]*>',
        '\\[[^\\]]*\\]',
        '\\{\\{[^}]*\\}\\}',
        '\\$\\{[^}]*\\}',
        '\\$[A-Za-z_][A-Za-z0-9_]*',
        '%[A-Za-z_]+%',
        'x+',
        '\\*+',
        '\\.+',
        '-+',
        '_+',
        '#+',
        '0+',
        '1234(?:5(?:6(?:78?)?)?)?',
        'your[-_ ]?\\w*',
        'my[-_]?(?:secret|password|token|key)\\w*',
        'change[-_ ]?(?:me|it|this)\\w*',
        'replace[-_ ]?me\\w*',
        'placeholder',
        'example',
        'sample',
        'dummy',
        'fake',
        'test',
        'testing',
        'todo',
        'tbd',
        'none',
        'null',
        'undefined',
        'nil',
        'secret',
        'password',
        'passwd',
        'pass',
        'pwd',
        'token',
        'key',
        'apikey',
        'api[-_]key',
        'default',
        'required',
        'optional',
        'string',
        'hidden',
        'text',
        'current-password',
        'new-password',
        'bearer',
        'basic',
        'true',
        'false'
    ].join('|') +
    ')$', 'i');
/**
 * A value a program uses to refer to a secret, not the secret: `'JWT_SECRET'`, `'auth.password'`,
 * `'db:password'` (nconf), `'x-api-key'`, a column or field named like one (`'api_token'`), a path.
 */
function isReference(value) {
    return (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) || // an environment variable's name
        /^[a-z][a-zA-Z_]*(?:[.:][a-zA-Z_]+)+$/.test(value) || // an i18n or config key path
        (/^[a-z]+(?:_[a-z]+)+$/.test(value) && (0,secret_names/* isSecretName */.eh)(value)) || // a snake_case column, table or field name
        /^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(value) || // a header or field name
        /^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value) ||
        /\.(?:pem|key|crt|json|txt|p12)$/i.test(value)); // a path or URL
}
/** Password hashes (bcrypt, argon2, scrypt, PBKDF2, crypt's SHA): what a seed stores instead of a password. */
const PASSWORD_HASH = /^\$(?:2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|argon2(?:id|i|d)\$|scrypt\$|pbkdf2[-\w]*\$|[56]\$)/;
function isPasswordHash(value) {
    return PASSWORD_HASH.test(value.trim());
}
/** Bits per character; random keys are high, words and repeats low. */
function entropy(value) {
    const counts = new Map();
    for (const ch of value)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values())
        bits -= (n / value.length) * Math.log2(n / value.length);
    return bits;
}
/**
 * `sink`: the value is used as a key or password by a known API (`jwt.sign`, a DB connection), so
 * any non-placeholder counts, `'root'` included. `account`: the password of a login record (`{ user:
 * 'admin', password: '123456' }`), where a weak digit run is the password, not a placeholder. `name`: only a secret-looking name says it is one,
 * so the value must also look like a secret: no spaces, not a capitalised word (a form label), at
 * least 6 characters with some variety.
 */
function looksLikeSecret(value, strength, name) {
    const v = value.trim();
    if (strength === 'account' && /^\d{4,}$/.test(v) && !/^0+$/.test(v))
        return true;
    if (v.length < 3 || /\s/.test(v) || PLACEHOLDER.test(v) || isReference(v) || isPasswordHash(v))
        return false;
    // An enum of names: `RESET_PASSWORD: 'resetPassword'`, `token: 'TOKEN'`.
    const bare = (text) => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    if (name !== undefined && bare(v) === bare(name))
        return false;
    if (strength !== 'name')
        return true;
    return v.length >= 6 && !/^[A-Z]?[a-z]+$/.test(v) && entropy(v) >= 2.5;
}

;// CONCATENATED MODULE: ./src/model/secrets/source-secrets.ts









/** Option names known APIs take a secret under, whatever the words: passport-jwt `secretOrKey`. */
const SINK_NAMES = new Set(['secretOrKey', 'secretOrPrivateKey', 'clientSecret', 'consumerSecret', 'privateKey']);
/** Keys that make an object a connection or login config, where `password: 'root'` is the password. */
const ACCOUNT_KEYS = new Set(['user', 'username', 'userName', 'login', 'email', 'host', 'database', 'db']);
const PASSWORD_KEYS = new Set(['password', 'pass', 'passwd', 'pwd']);
/** Names the key-taking calls are written with, checked before evaluating a callee (most calls are not these). */
const SINK_FUNCTIONS = new Set(['sign', 'verify', 'createHmac', 'createCipheriv', 'createDecipheriv', 'Sequelize']);
/** `config.example.js`, `settings.sample.ts`: templates, not the running configuration. */
const TEMPLATE_FILE = /\.(?:example|sample|template|dist)\.[cm]?[jt]sx?$/;
/**
 * Code the browser runs (`public/js/app.js`, `static/`, `frontend/src/`): whatever it holds is public,
 * so a secret-looking name there holds a sentinel or a form value (`password: 'password'`), not a
 * server secret. Provider keys and private keys in it are still leaks, and still reported.
 */
const BROWSER_CODE = /(?:^|\/)(?:public|static|assets|www|wwwroot|frontend|client|browser)\//;
/** `config/env/test.js`, `config/testing.ts`: the test environment's settings, dummy credentials by design. */
const TEST_CONFIG = /(?:^|\/)(?:test|testing|ci|e2e)\.[cm]?[jt]s$/;
function envName(node) {
    if (node.type !== 'MemberExpression' || node.object.type !== 'MemberExpression')
        return undefined;
    const object = node.object;
    return object.object.type === 'Identifier' && object.object.name === 'process' && propertyName(object) === 'env'
        ? propertyName(node)
        : undefined;
}
/** `'literal'`, a template without expressions, or `process.env.X || 'literal'`. */
function literalIn(node) {
    if (!node)
        return undefined;
    if (node.type === 'StringLiteral')
        return { value: node.value, node };
    if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
        return { value: node.quasis[0]?.value.cooked ?? '', node };
    if (node.type === 'LogicalExpression' && node.operator !== '&&') {
        const env = envName(node.left);
        const fallback = literalIn(node.right);
        return env && fallback && !fallback.env ? { ...fallback, env } : undefined;
    }
    return undefined;
}
function keyOf(node) {
    if (node.type !== 'ObjectProperty' || node.computed)
        return undefined;
    return node.key.type === 'Identifier' ? node.key.name : node.key.type === 'StringLiteral' ? node.key.value : undefined;
}
/** A `password` next to a `user`/`host` key: a connection or account record. */
function isAccountPassword(module, property, name) {
    if (!PASSWORD_KEYS.has(name))
        return false;
    const object = module.index.parents.get(property);
    return object?.type === 'ObjectExpression' && object.properties.some((p) => ACCOUNT_KEYS.has(keyOf(p) ?? ''));
}
/** Names and values written together: declarations, object properties, assignments. */
function namedValue(node) {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init)
        return { name: node.id.name, value: node.init };
    if (node.type === 'ObjectProperty') {
        const name = keyOf(node);
        return name ? { name, value: node.value } : undefined;
    }
    if (node.type === 'AssignmentExpression' && node.operator === '=') {
        const name = node.left.type === 'Identifier' ? node.left.name : propertyName(node.left);
        return name ? { name, value: node.right } : undefined;
    }
    return undefined;
}
function envHint(name) {
    return `process.env.${(0,secret_names/* nameWords */.Lo)(name).join('_').toUpperCase()}`;
}
function nameFinding(module, name, literal) {
    const { file, line, column } = locate({ module, node: literal.node });
    const message = literal.env
        ? `\`${name}\` falls back to a hardcoded secret (${(0,secret_names/* redact */.E$)(literal.value)}) when \`${literal.env}\` is unset: remove the fallback so the app refuses to start without \`process.env.${literal.env}\`, and rotate the committed value`
        : `\`${name}\` is a hardcoded secret (${(0,secret_names/* redact */.E$)(literal.value)}): rotate it and read it from the environment or a secret manager, e.g. \`${envHint(name)}\``;
    return { file, line, column, messageId: literal.env ? 'env-fallback' : 'secret-name', message };
}
/** The list an object literal is a record of: `[{ user, password }, { user, password }]`. */
function recordList(module, property) {
    const object = module.index.parents.get(property);
    const list = object ? module.index.parents.get(object) : undefined;
    return object?.type === 'ObjectExpression' && list?.type === 'ArrayExpression' ? list : undefined;
}
/**
 * Secret-looking names with literal values, in one module, as a visitor of its nodes; records of
 * one list count once (a seed script's users).
 */
function namedSecrets(module, excluded) {
    const found = [];
    const counts = new Map();
    const visit = (node) => {
        const named = namedValue(node);
        if (!named)
            return;
        const literal = literalIn(named.value);
        if (!literal || excluded.has(literal.node))
            return;
        const words = (0,secret_names/* nameWords */.Lo)(named.name);
        if (words.includes('session') || words.includes('cookie'))
            return; // session-secret-hardcoded's
        const account = node.type === 'ObjectProperty' && isAccountPassword(module, node, named.name);
        if (!account && !SINK_NAMES.has(named.name) && !(0,secret_names/* isSecretName */.eh)(named.name))
            return;
        const strength = account ? 'account' : SINK_NAMES.has(named.name) ? 'sink' : 'name';
        if (!looksLikeSecret(literal.value, strength, named.name))
            return;
        const list = recordList(module, node);
        const group = list ? counts.get(list) : undefined;
        if (group) {
            group.count += 1;
            return;
        }
        const finding = nameFinding(module, named.name, literal);
        found.push(finding);
        if (list)
            counts.set(list, { finding, count: 1 });
    };
    const findings = () => {
        for (const { finding, count } of counts.values()) {
            if (count > 1)
                finding.message = finding.message.replace(/\): /, `; ${count - 1} more in this list): `);
        }
        return found;
    };
    return { visit, findings };
}
/** Literal strings a value can be, with where they are written. */
function literalsOf(value) {
    return branches(value).flatMap((b) => (b.kind === 'literal' && typeof b.value === 'string' && b.at ? [{ value: b.value, at: b.at }] : []));
}
/** Calls that take a key or password as an argument: `jwt.sign(payload, key)`, `new Sequelize(db, user, password)`. */
function sinkArgument(express, module, call) {
    if (call.type !== 'CallExpression' && call.type !== 'NewExpression')
        return undefined;
    const args = call.arguments;
    const written = call.callee.type === 'Identifier' ? call.callee.name : propertyName(call.callee);
    if (args.length < 2 || !SINK_FUNCTIONS.has(written ?? ''))
        return undefined;
    const callee = express.evaluate(call.callee, module);
    for (const b of branches(callee)) {
        if (b.kind !== 'package')
            continue;
        const fn = b.path.join('.');
        if (b.name === 'jsonwebtoken' && (fn === 'sign' || fn === 'verify') && args[1]) {
            return { node: args[1], what: `\`jwt.${fn}()\` uses a hardcoded key`, impact: 'anyone with the code can forge tokens' };
        }
        if ((b.name === 'crypto' || b.name === 'node:crypto') && ['createHmac', 'createCipheriv', 'createDecipheriv'].includes(fn) && args[1]) {
            return {
                node: args[1],
                what: `\`crypto.${fn}()\` uses a hardcoded key`,
                impact: 'anyone with the code can forge or decrypt its output'
            };
        }
        if (b.name === 'sequelize' && call.type === 'NewExpression' && (fn === '' || fn === 'Sequelize') && args.length >= 3 && args[2]) {
            return {
                node: args[2],
                what: '`new Sequelize()` connects with a hardcoded password',
                impact: 'anyone with the code can log in to the database'
            };
        }
    }
    return undefined;
}
function sinkSecrets(express, module, excluded) {
    return module.index.calls.flatMap((call) => {
        const sink = sinkArgument(express, module, call);
        if (!sink)
            return [];
        return literalsOf(express.evaluate(sink.node, module))
            .filter((l) => looksLikeSecret(l.value, 'sink') &&
            !excluded.has(l.at.node) &&
            !TEMPLATE_FILE.test(external_node_path_.posix.basename(l.at.module.path)) &&
            !TEST_CONFIG.test(l.at.module.path))
            .map((l) => {
            const { file, line, column } = locate(l.at);
            return {
                file,
                line,
                column,
                messageId: 'sink-key',
                message: `${sink.what} (${(0,secret_names/* redact */.E$)(l.value)}), so ${sink.impact}: rotate it and read it from the environment with no literal fallback`
            };
        });
    });
}
/** `mongodb://user:pass@host` in a string; provider formats and private keys in a string. */
function stringSecrets(module, node) {
    const text = node.type === 'StringLiteral' ? node.value : node.type === 'TemplateElement' ? (node.value.cooked ?? node.value.raw) : undefined;
    if (text === undefined || text.length < 12)
        return [];
    const start = locate({ module, node });
    const findings = findProviderSecrets(text).map((match) => ({
        file: start.file,
        line: lineAt(text, match.index, start.line),
        messageId: match.messageId,
        message: match.message
    }));
    const password = (0,secret_names/* urlPassword */.Ds)(text);
    if (password && looksLikeSecret(password, 'sink')) {
        const scheme = text.slice(0, text.indexOf('://'));
        findings.push({
            ...start,
            messageId: 'url-password',
            message: `a \`${scheme}://\` URL holds a hardcoded password (${(0,secret_names/* redact */.E$)(password)}): rotate it and build the URL from the environment, e.g. \`process.env.DATABASE_URL\``
        });
    }
    return findings;
}
/** One pass over a module's indexed nodes: strings first (a provider key wins its line), then names. */
function moduleSecrets(module, excluded) {
    const strings = [];
    const named = TEST_CONFIG.test(module.path) || BROWSER_CODE.test(module.path) ? undefined : namedSecrets(module, excluded);
    for (const node of nodesOf(module.index)) {
        if (node.type === 'StringLiteral' || node.type === 'TemplateElement')
            strings.push(...stringSecrets(module, node));
        else
            named?.visit(node);
    }
    return { strings, named: named?.findings() ?? [] };
}
/** Literal session and cookie secrets: session-secret-hardcoded reports those, this rule does not. */
function sessionSecretNodes(express) {
    const nodes = new Set();
    for (const middleware of cookieMiddlewares(express)) {
        const values = middleware.package === 'cookie-parser'
            ? [middleware.options]
            : ['secret', 'keys'].map((name) => session_options_option(express, middleware.options, name));
        for (const value of values) {
            for (const b of branches(value)) {
                if (b.at)
                    nodes.add(b.at.node);
                if (b.kind === 'array' && b.at)
                    for (const e of b.elements)
                        nodes.add(e);
            }
        }
    }
    return nodes;
}
/** Every secret written in the app's source: provider formats, URLs with passwords, sinks, secret-looking names. */
function findSourceSecrets(express) {
    const excluded = sessionSecretNodes(express);
    const modules = [...express.graph.modules.values()].filter((m) => !TEMPLATE_FILE.test(external_node_path_.posix.basename(m.path)));
    const walked = modules.map((m) => moduleSecrets(m, excluded));
    return [
        ...walked.flatMap((w) => w.strings),
        ...modules.flatMap((m) => sinkSecrets(express, m, excluded)),
        ...walked.flatMap((w) => w.named)
    ];
}

;// CONCATENATED MODULE: ./src/rules/secrets/hardcoded-secret.ts






/** `_authToken`, `_auth` (base64 user:password) and `_password`, bare or scoped to a registry (`//host/:_authToken`). */
const NPMRC_CREDENTIAL = /^(?:(\/\/.*):)?(_authToken|_auth|_password)$/;
/** Values that stand for a secret in docs and templates rather than being one. */
const hardcoded_secret_PLACEHOLDER = /^(?:<[^>]*>|x+|\*+|\.+|your[-_ ]?\w*|changeme|placeholder|token|secret)$/i;
/** A literal value, not a `${NPM_TOKEN}` reference that npm expands from the environment. */
function hardcoded_secret_isLiteral(value) {
    return value !== '' && !value.includes('${') && !hardcoded_secret_PLACEHOLDER.test(value);
}
function npmrcFinding(path, entry) {
    const match = NPMRC_CREDENTIAL.exec(entry.key);
    if (!match || !hardcoded_secret_isLiteral(entry.value))
        return undefined;
    const [, registry = '', field = ''] = match;
    const scope = registry ? ` for ${registry}` : '';
    return {
        file: path,
        line: entry.line,
        messageId: 'npmrc-credential',
        message: `\`.npmrc\` holds a literal \`${field}\`${scope} (${(0,secret_names/* redact */.E$)(entry.value)}): revoke it, and read it from the environment instead, e.g. \`${registry || '//registry.npmjs.org/'}:_authToken=\${NPM_TOKEN}\``
    };
}
const npmrcCredentials = ({ npmrcs }) => npmrcs.flatMap(({ path, entries }) => entries.flatMap((entry) => npmrcFinding(path, entry) ?? []));
/**
 * A key-named file (`jwt.key`, `master.key`, `id_ed25519`) holding one random-looking value rather
 * than a PEM block: a raw symmetric key or token. Certificates and public keys carry a `-----BEGIN`
 * header and are left to the PEM check; `*.pem` files are always PEM.
 */
function rawKeyFinding(path, text) {
    // PEM blocks, and OpenSSH public keys (`ssh-ed25519 AAAA... user@host`) under a private key's name.
    if (path.endsWith('.pem') || text.includes('-----BEGIN') || /^\s*(?:ssh|ecdsa|sk)-[\w@.-]+\s+AAAA/m.test(text))
        return undefined;
    const lines = text.split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const compact = lines
        .filter((l) => !l.trim().startsWith('#'))
        .join('')
        .replace(/\s+/g, '');
    if (compact.length < 16 || compact.length > 8192 || !/^[A-Za-z0-9+/=_.:-]+$/.test(compact))
        return undefined;
    if (entropy(compact) < 3 || !looksLikeSecret(compact, 'name'))
        return undefined;
    return {
        file: path,
        line: first + 1,
        messageId: 'key-file',
        message: `\`${external_node_path_.posix.basename(path)}\` holds a random-looking key (${(0,secret_names/* redact */.E$)(compact)}) in the repository: rotate it, remove the file from the repository and its history, and mount the key from a secret store at run time`
    };
}
/** Private keys and provider-format credentials in key files (`server.key`, `*.pem`, `id_rsa`), or a raw random key. */
const keyFileSecrets = ({ keyFiles }) => keyFiles.flatMap(({ path, text }) => {
    const found = findProviderSecrets(text).map((m) => ({
        file: path,
        line: lineAt(text, m.index),
        messageId: m.messageId,
        message: m.message
    }));
    const raw = found.length > 0 ? undefined : rawKeyFinding(path, text);
    return raw ? [raw] : found;
});
/** Source code: provider formats, URLs with passwords, `jwt.sign` keys, secret-looking names (session secrets excepted). */
const sourceSecrets = ({ express }) => findSourceSecrets(express);
const CHECKERS = [npmrcCredentials, keyFileSecrets, sourceSecrets];
/** One finding per line: a provider key assigned to `API_KEY` is one secret, not two. */
function onePerLine(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.file}:${f.line ?? ''}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
}
/* harmony default export */ const hardcoded_secret = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'hardcoded-secret',
        severity: 'high',
        category: 'secrets',
        description: 'A secret-looking literal (password, token, key, private key, provider key format) is committed in source or config; it is reported redacted.',
        fix: 'revoke the secret and read it from the environment or a secret manager',
        cwe: 'CWE-798',
        messages: {
            'npmrc-credential': 'an .npmrc holds a literal _authToken, _auth or _password',
            'provider-format': 'a string or key file holds a credential in a known provider format (AWS, GitHub, Stripe...)',
            'private-key': 'a string or key file holds a PEM private key',
            'key-file': 'a key-named file (`*.key`, `id_ed25519`) holds a random-looking raw key rather than a PEM block',
            'url-password': 'a connection URL in a string holds a literal password',
            'sink-key': 'a literal key or password is passed to jwt.sign/verify, crypto.createHmac/Cipheriv or new Sequelize',
            'secret-name': 'a secret-looking name (variable, property, assignment) or a key option such as secretOrKey is given a secret-looking literal',
            'env-fallback': 'a secret-looking name falls back to a literal when its process.env variable is unset'
        }
    },
    needs: 'source',
    check(context) {
        return onePerLine(CHECKERS.flatMap((checker) => checker(context)));
    }
}));

;// CONCATENATED MODULE: ./src/rules/secrets/env-file-committed.ts




const SHOWN_KEYS = 4;
function checkFile(file) {
    const name = (0,external_node_path_.basename)(file.path);
    if ((0,dotenv/* isEnvTemplateName */.dg)(name) || !file.committed)
        return undefined;
    const set = file.entries.filter((e) => e.value.trim() !== '');
    const first = set[0];
    if (!first)
        return undefined;
    const secretEntries = set.filter((e) => (0,secret_names/* isSecretName */.eh)(e.key));
    const secret = secretEntries.map((e) => e.key);
    const named = secret.length > 0
        ? `, ${secret.length === 1 ? 'one looks secret' : `${secret.length} look secret`}: ${secret
            .slice(0, SHOWN_KEYS)
            .map((k) => `\`${k}\``)
            .join(', ')}${secret.length > SHOWN_KEYS ? '…' : ''}`
        : '';
    return {
        file: file.path,
        line: (secretEntries[0] ?? first).line,
        messageId: 'env-file-committed',
        message: `\`${name}\` is in the repository with ${set.length === 1 ? 'a value' : `${set.length} values`}${named}: remove it (\`git rm --cached ${file.path}\`), add \`.env*\` to \`.gitignore\` and rotate what it held; commit a \`.env.example\` with empty values instead`
    };
}
/**
 * A `.env` file with values in the repository: tracked by git when the tree is a checkout (a
 * tracked file is committed whatever `.gitignore` says; an untracked one is a developer's own),
 * else not listed in a `.gitignore`. Templates (`.env.example`, `.sample`, `.template`, `.dist`, `.default`) and
 * files whose keys are all empty are fine. The finding points at the first secret-looking key with a value (else the first value); values
 * are never printed, only the names of keys that look secret.
 */
/* harmony default export */ const env_file_committed = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'env-file-committed',
        severity: 'high',
        category: 'secrets',
        description: 'A `.env` file with values is committed to the repository (`.env.example`/`.sample` excepted).',
        fix: '`git rm --cached .env`, add `.env*` to `.gitignore`, rotate its secrets; commit `.env.example` with empty values',
        cwe: 'CWE-538',
        messages: {
            'env-file-committed': 'a .env file with values is committed (tracked by git, or not gitignored without git; not a template)'
        }
    },
    needs: 'project',
    check({ envFiles }) {
        return envFiles.flatMap((file) => checkFile(file) ?? []);
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy/proxy-no-tls.ts




const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::|$)/;
/** `return 301 https://...`, `return https://...` or `rewrite ^ https://... permanent`. */
function isHttpsRedirect(d) {
    if (d.name === 'return') {
        const [first = '', second = ''] = d.args;
        return first.startsWith('https://') || (REDIRECT_CODES.has(first) && second.startsWith('https://'));
    }
    return d.name === 'rewrite' && (d.args[1] ?? '').startsWith('https://');
}
/** A block that redirects to HTTPS itself or in an `if` (`if ($scheme = http) { return 301 https://...; }`). */
function redirectsToHttps(block) {
    return (block.block ?? []).some((d) => isHttpsRedirect(d) || (d.name === 'if' && (d.block ?? []).some(isHttpsRedirect)));
}
function isRedirected(pass) {
    return pass.blocks.some(redirectsToHttps);
}
/** The port a `listen` address names, for messages: `80`, `[::]:8080` → `8080`, `${PORT}` as written. */
function listenPort(address) {
    if (/^\d+$/.test(address) || address.startsWith('$'))
        return address;
    const port = /:([^:\]]+)$/.exec(address)?.[1];
    return port ?? '80';
}
/** A `listen` that takes plain HTTP from the network: no `ssl`/`quic`, not a unix socket, not loopback only. */
function isPlainListen(listen) {
    const [address = '', ...params] = listen.args;
    if (address.startsWith('unix:') || LOOPBACK.test(address))
        return false;
    return !params.includes('ssl') && !params.includes('quic');
}
function nginxFinding({ file, server }) {
    const passes = proxyPasses(server);
    if (passes.length === 0 || passes.every(isRedirected))
        return undefined;
    if ((0,directive/* lastDirective */.K5)(server.block ?? [], 'ssl')?.args[0] === 'on')
        return undefined;
    const upstream = passes[0]?.directive.args[0] ?? 'the app';
    const listens = (server.block ?? []).filter((d) => d.name === 'listen');
    const redirect = 'make the port-80 server only `return 301 https://$host$request_uri;` and proxy from a `listen 443 ssl` server';
    if (listens.length === 0) {
        return {
            file,
            line: server.line,
            messageId: 'default-port-80',
            message: `server proxies to ${upstream} over plain HTTP on port 80 (it has no \`listen\`, so nginx's default) without redirecting to HTTPS: ${redirect}`
        };
    }
    const plain = listens.find(isPlainListen);
    if (!plain)
        return undefined;
    const port = listenPort(plain.args[0] ?? '');
    const alsoTls = listens.some((l) => l.args.includes('ssl'));
    const message = alsoTls
        ? `server proxies to ${upstream} on its TLS listener but also over plain HTTP on port ${port}, without redirecting to HTTPS: move \`listen ${plain.args.join(' ')}\` to a server that only does \`return 301 https://$host$request_uri;\``
        : `server proxies to ${upstream} over plain HTTP on port ${port} without redirecting to HTTPS: ${redirect}`;
    return { file: plain.file ?? file, line: plain.line, messageId: alsoTls ? 'plain-beside-tls' : 'plain-http', message };
}
/** An unconditional `redir https://...` answers every request before reverse_proxy runs. */
function redirectsAll(ref) {
    return ref.site.directives.some((d) => d.name === 'redir' && (d.args[0] ?? '').startsWith('https://'));
}
function caddyFinding(ref) {
    const proxies = reverseProxies(ref.site);
    if (proxies.length === 0 || redirectsAll(ref))
        return undefined;
    const plain = ref.site.addresses.find((a) => isPlainHttpAddress(a, ref.site, ref.globalOptions));
    if (plain === undefined)
        return undefined;
    return {
        file: ref.file,
        line: ref.site.line,
        messageId: 'caddy-plain-http',
        message: `site \`${plain}\` proxies to the app over plain HTTP, where Caddy's automatic HTTPS does not apply: address the site by its domain name (\`example.com {\`) so Caddy serves HTTPS and redirects HTTP to it`
    };
}
/* harmony default export */ const proxy_no_tls = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'proxy-no-tls',
        severity: 'moderate',
        category: 'proxy',
        description: 'A reverse proxy server that forwards to the app is reachable over plain HTTP without redirecting to HTTPS.',
        fix: 'redirect port 80 with `return 301 https://$host$request_uri;` and proxy only from a `listen 443 ssl` server',
        cwe: 'CWE-319',
        messages: {
            'default-port-80': 'an nginx server with no listen (so port 80) proxies to the app without redirecting to HTTPS',
            'plain-http': 'an nginx server listens only over plain HTTP and proxies to the app without redirecting',
            'plain-beside-tls': 'an nginx server proxies on a TLS listener but also on a plain HTTP one, without redirecting',
            'caddy-plain-http': 'a Caddy site addressed over plain HTTP (automatic HTTPS off) proxies to the app'
        }
    },
    needs: 'project',
    check({ proxyConfigs }) {
        const nginx = nginxServers(nginxConfigs(proxyConfigs)).map(nginxFinding);
        const caddy = caddySites(proxyConfigs).map(caddyFinding);
        return [...nginx, ...caddy].filter((f) => f !== undefined);
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy/proxy-body-size.ts




const LIMIT_BYTES = 50 * 1024 ** 2;
/** The problem with a body size, or undefined when it is within the limit (or not a size at all). */
function proxy_body_size_problem(bytes, setting, value) {
    if (bytes === undefined)
        return undefined;
    if (bytes === 0)
        return { messageId: 'unlimited', issue: `\`${setting} ${value}\` lifts the request body limit entirely` };
    if (bytes > LIMIT_BYTES)
        return { messageId: 'over-50mb', issue: `\`${setting} ${value}\` lets clients send request bodies over 50 MB` };
    return undefined;
}
function proxy_body_size_finding(file, directive, found, fix) {
    return found
        ? [{ file: directive.file ?? file, line: directive.line, messageId: found.messageId, message: `${found.issue}: ${fix}` }]
        : [];
}
/** A snippet included in several servers is one finding. */
function unique(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.file}:${f.line}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/* harmony default export */ const proxy_body_size = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'proxy-body-size',
        severity: 'moderate',
        category: 'proxy',
        description: 'The reverse proxy accepts unlimited request bodies (`client_max_body_size 0`) or bodies above 50 MB.',
        fix: 'set `client_max_body_size` to what the app needs (nginx defaults to 1m), raising it only in the upload location',
        cwe: 'CWE-770',
        messages: {
            unlimited: 'the body size limit is 0, which lifts it entirely',
            'over-50mb': 'the body size limit is above 50 MB'
        }
    },
    needs: 'project',
    check({ proxyConfigs }) {
        const nginx = nginxConfigs(proxyConfigs).flatMap(({ path, directives }) => (0,directive/* findDirectives */.i2)(directives, 'client_max_body_size').flatMap((d) => {
            const written = d.args[0] ?? '';
            return proxy_body_size_finding(path, d, proxy_body_size_problem(parseNginxSize(written), 'client_max_body_size', written), 'set it to what the app needs (nginx defaults to 1m), raised only in the location that takes uploads');
        }));
        const caddy = caddySites(proxyConfigs).flatMap(({ file, site }) => (0,directive/* findDirectives */.i2)(site.directives, 'request_body')
            .flatMap((rb) => (0,directive/* findDirectives */.i2)(rb.block ?? [], 'max_size'))
            .flatMap((d) => {
            const written = d.args[0] ?? '';
            return proxy_body_size_finding(file, d, proxy_body_size_problem(parseCaddySize(written), 'max_size', written), 'set `request_body { max_size 10MB }` to what the app needs, only on the upload route');
        }));
        return unique([...nginx, ...caddy]);
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy/proxy-server-tokens.ts



const FIX = 'add `server_tokens off;` to the `http` block';
function isOff(directives) {
    return (0,directive/* lastDirective */.K5)(directives, 'server_tokens')?.args[0] === 'off';
}
/** `server_tokens on;` or `build;` written anywhere in the file. */
function explicitlyOn(config) {
    const on = (0,directive/* findDirectives */.i2)(config.directives, 'server_tokens').find((d) => d.args[0] !== 'off');
    if (!on)
        return undefined;
    return {
        file: on.file ?? config.path,
        line: on.line,
        messageId: 'tokens-on',
        message: `\`server_tokens ${on.args.join(' ')}\` puts nginx's version in the \`Server\` header and on error pages: use \`server_tokens off;\``
    };
}
/** An `http` block that leaves the default (on), unless every server it governs turns it off itself. */
function httpLeftOn(config, servers) {
    const http = httpBlocks(config).find((h) => {
        const governed = servers.filter((s) => s.httpBlocks.includes(h));
        return !isOff(h.block ?? []) && !(governed.length > 0 && governed.every((s) => isOff(s.server.block ?? [])));
    });
    if (!http)
        return undefined;
    return {
        file: http.file ?? config.path,
        line: http.line,
        messageId: 'http-not-off',
        message: `\`server_tokens\` is not turned off, so nginx puts its version in the \`Server\` header and on error pages: ${FIX}`
    };
}
/** In a file of server blocks (conf.d), a server that neither turns it off nor inherits off from an `http` block. */
function serverLeftOn(config, servers) {
    if (httpBlocks(config).length > 0)
        return undefined;
    const left = servers.find((s) => s.config === config.path && !isOff(s.server.block ?? []) && !isOff(s.http));
    if (!left)
        return undefined;
    return {
        file: left.file,
        line: left.server.line,
        messageId: 'server-not-off',
        message: `this server leaves \`server_tokens\` on (no \`http\` block in its folder or above turns it off), so nginx puts its version in the \`Server\` header and on error pages: add \`server_tokens off;\` here or in the \`http\` block`
    };
}
/* harmony default export */ const proxy_server_tokens = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'proxy-server-tokens',
        severity: 'low',
        category: 'proxy',
        description: 'nginx discloses its version in the `Server` header and error pages: `server_tokens` is not `off`.',
        fix: 'add `server_tokens off;` to the `http` block',
        cwe: 'CWE-200',
        messages: {
            'tokens-on': 'a server_tokens directive turns it on (or to build, or anything but off)',
            'http-not-off': 'an http block does not turn server_tokens off (nor do all its servers)',
            'server-not-off': 'a server with no http block in its config leaves server_tokens on'
        }
    },
    needs: 'project',
    check({ proxyConfigs }) {
        const configs = nginxConfigs(proxyConfigs);
        const servers = nginxServers(configs);
        return configs.flatMap((config) => {
            const finding = explicitlyOn(config) ?? httpLeftOn(config, servers) ?? serverLeftOn(config, servers);
            return finding ? [finding] : [];
        });
    }
}));

;// CONCATENATED MODULE: ./src/rules/proxy/proxy-timeouts.ts


/** Client timeouts apply per server (http and server level); the upstream read timeout per proxying location. */
const CLIENT_TIMEOUTS = ['client_header_timeout', 'client_body_timeout'];
const UPSTREAM_TIMEOUT = 'proxy_read_timeout';
function isTightened(directive) {
    const ms = directive ? parseNginxTime(directive.args[0] ?? '') : undefined;
    return ms !== undefined && ms < NGINX_DEFAULT_TIMEOUT_MS;
}
/** `client_header_timeout unset` or `proxy_read_timeout 300s`, for the message. */
function proxy_timeouts_describe(name, directive) {
    return directive ? `${name} ${directive.args.join(' ')}` : `${name} unset`;
}
function proxy_timeouts_check({ file, server, http }) {
    const passes = proxyPasses(server);
    if (passes.length === 0)
        return undefined;
    const client = CLIENT_TIMEOUTS.map((name) => ({ name, directive: effectiveDirective(name, [server], http) }));
    const upstream = passes.map((p) => effectiveDirective(UPSTREAM_TIMEOUT, p.blocks, http));
    if (client.some((c) => isTightened(c.directive)) || upstream.every(isTightened))
        return undefined;
    const settings = [
        ...client.map((c) => proxy_timeouts_describe(c.name, c.directive)),
        proxy_timeouts_describe(UPSTREAM_TIMEOUT, upstream.find((d) => !isTightened(d)))
    ];
    return {
        file,
        line: server.line,
        messageId: 'default-timeouts',
        message: `server proxies to the app with every timeout at nginx's 60s default or longer (${settings.join(', ')}), so slow clients can hold connections open: set e.g. \`client_header_timeout 10s; client_body_timeout 10s;\` and a \`proxy_read_timeout\` that fits the app`
    };
}
/* harmony default export */ const proxy_timeouts = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'proxy-timeouts',
        severity: 'low',
        category: 'proxy',
        description: 'A proxying nginx server leaves the client body/header and upstream read timeouts at their 60-second defaults (or raises them).',
        fix: 'set `client_header_timeout` and `client_body_timeout` to about 10s and `proxy_read_timeout` to what the app needs',
        cwe: 'CWE-400',
        messages: {
            'default-timeouts': "a proxying server leaves every client and upstream timeout at nginx's 60s default or longer"
        }
    },
    needs: 'project',
    check({ proxyConfigs }) {
        return nginxServers(nginxConfigs(proxyConfigs)).flatMap((s) => proxy_timeouts_check(s) ?? []);
    }
}));

;// CONCATENATED MODULE: ./src/model/package-calls.ts

const PACKAGE_CALLS = new CacheKey('package calls');
/**
 * Every call of a package export in the scanned modules, found once per model. Options are judged
 * where the middleware is created, whichever app or router it ends up on (or none the model can tell).
 */
function packageCalls(express) {
    return express.cache.once(PACKAGE_CALLS, () => findPackageCalls(express));
}
function findPackageCalls(express) {
    const calls = [];
    for (const module of express.graph.modules.values()) {
        for (const call of module.index.calls) {
            if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression')
                continue;
            const callee = express.evaluate(call.callee, module);
            if (callee.kind !== 'package')
                continue;
            const [first] = call.arguments;
            const options = first && first.type !== 'SpreadElement' && first.type !== 'ArgumentPlaceholder'
                ? express.evaluate(first, module)
                : undefined;
            calls.push({ package: callee.name, path: callee.path, options, site: { module, node: call } });
        }
    }
    return calls;
}
/** Calls of one package, optionally of one export (`[]` is the package itself). */
function callsOf(express, name, path) {
    return packageCalls(express).filter((c) => c.package === name && (!path || (c.path.length === path.length && c.path.every((p, i) => p === path[i]))));
}

;// CONCATENATED MODULE: ./src/model/action-params.ts




const action_params_PACKAGE = 'routing-controllers';
/** `(req, res, next)`. */
const EXPRESS_ROLES = { request: 0, response: 1, parts: new Map() };
/** Decorators that inject a part of the request, with where it is and whether the name argument goes on the path. */
const PARTS = {
    Body: { source: 'body', named: false },
    BodyParam: { source: 'body', named: true },
    Params: { source: 'params', named: false },
    Param: { source: 'params', named: true },
    QueryParams: { source: 'query', named: false },
    QueryParam: { source: 'query', named: true }
};
function routingDecorators(express, param, module) {
    const list = param.decorators ?? [];
    return list.flatMap((d) => {
        const e = d.expression;
        if (e.type !== 'CallExpression')
            return [];
        const value = express.evaluate(e.callee, module);
        return value.kind === 'package' && value.name === action_params_PACKAGE && value.path.length === 1 && value.path[0]
            ? [{ name: value.path[0], args: e.arguments }]
            : [];
    });
}
/** The `validate` option of `@Body({ validate: true })`, if written. */
function validateOption(express, decorator, module) {
    const options = decorator.args.find((a) => a.type === 'ObjectExpression');
    const value = options ? express.evaluate(options, module) : undefined;
    if (value?.kind !== 'object' || !value.at)
        return undefined;
    const entry = value.entries.find((e) => e.key === 'validate');
    if (!entry)
        return undefined;
    const literal = literalOf(express.evaluate(entry.node, value.at.module));
    return literal === undefined ? true : Boolean(literal);
}
const VALIDATION_OFF = new CacheKey('routing-controllers validation: false');
/** `createExpressServer({ validation: false })` / `useExpressServer(app, { validation: false })`: validation is on unless so. */
function validationOff(express) {
    return express.cache.once(VALIDATION_OFF, () => packageCalls(express).some((call) => {
        if (call.package !== action_params_PACKAGE || !['createExpressServer', 'useExpressServer'].includes(call.path[0] ?? ''))
            return false;
        const node = call.site.node;
        const last = node.arguments.at(-1);
        const options = last ? express.evaluate(last, call.site.module) : undefined;
        if (options?.kind !== 'object' || !options.at)
            return false;
        const entry = options.entries.find((e) => e.key === 'validation');
        return entry !== undefined && literalOf(express.evaluate(entry.node, options.at.module)) === false;
    }));
}
/** The class a type annotation names, in this module or the one it imports it from. */
function namedClass(express, param, module) {
    const annotation = param.typeAnnotation;
    const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : undefined;
    if (type?.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier')
        return undefined;
    const binding = lookup(module.index, type.typeName.name, type.typeName);
    if (binding?.kind === 'class')
        return { node: binding.node, module };
    if (binding?.kind !== 'import')
        return undefined;
    const target = express.graph.resolve(binding.source, module.path);
    if (!('module' in target))
        return undefined;
    for (const node of nodesOf(target.module.index)) {
        if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') &&
            (node.id?.name === binding.imported || binding.imported === 'default'))
            return { node, module: target.module };
    }
    return undefined;
}
/** Whether a class declares class-validator constraints on its properties (`@IsString() name`). */
function hasConstraints(express, cls) {
    const body = cls.node.body.body;
    return body.some((member) => (member.decorators ?? []).some((d) => {
        const callee = d.expression.type === 'CallExpression' ? d.expression.callee : d.expression;
        const value = express.evaluate(callee, cls.module);
        return value.kind === 'package' && value.name === 'class-validator';
    }));
}
/** A number or boolean parameter: routing-controllers converts the text, so what arrives is no string. */
function isConverted(param) {
    const annotation = param.typeAnnotation;
    const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation.type : undefined;
    return type === 'TSNumberKeyword' || type === 'TSBooleanKeyword';
}
/** What each parameter of a handler is: Express's `(req, res)`, or a routing-controllers action's decorated ones. */
function paramRoles(express, fn, module) {
    if (fn.type !== 'ClassMethod')
        return EXPRESS_ROLES;
    const roles = { parts: new Map() };
    let decorated = false;
    fn.params.forEach((p, index) => {
        const param = (p.type === 'TSParameterProperty' ? p.parameter : p);
        for (const decorator of routingDecorators(express, p, module)) {
            decorated = true;
            if (decorator.name === 'Req' || decorator.name === 'Request')
                roles.request = index;
            else if (decorator.name === 'Res' || decorator.name === 'Response')
                roles.response = index;
            const part = PARTS[decorator.name];
            if (!part)
                continue;
            const name = part.named ? literalOf(express.evaluate(decorator.args[0], module)) : undefined;
            const path = typeof name === 'string' ? [part.source, name] : [part.source];
            const option = validateOption(express, decorator, module);
            const cls = namedClass(express, param, module);
            // routing-controllers validates a class-typed parameter only (what arrives must be an instance to check).
            const validated = isConverted(param) ||
                (cls !== undefined && (option === true || (option !== false && !validationOff(express) && hasConstraints(express, cls))));
            roles.parts.set(index, { path, validated });
        }
    });
    return decorated ? roles : EXPRESS_ROLES;
}

;// CONCATENATED MODULE: ./src/model/data-layer.ts


/** Packages whose models and collections run queries. */
const DATA_PACKAGES = new Set([
    'mongoose',
    'mongodb',
    'typeorm',
    'sequelize',
    '@prisma/client',
    'knex',
    'mysql',
    'mysql2',
    'pg',
    'sqlite3',
    'better-sqlite3',
    'monk',
    'mongojs',
    'mssql',
    'tedious',
    'oracledb',
    'postgres',
    'pg-promise',
    'objection',
    'bookshelf',
    'drizzle-orm',
    '@mikro-orm/core',
    'redbean-node',
    'nedb',
    'lowdb',
    'dynamoose',
    'cassandra-driver',
    'nano'
]);
/** Reads of an ODM or ORM: what they return comes from the database, whatever the filter was. */
const READ_METHODS = new Set([
    'find',
    'findOne',
    'findById',
    'findByPk',
    'findAll',
    'findAndCountAll',
    'findOrCreate',
    'findUnique',
    'findFirst',
    'findMany',
    'findOneBy',
    'findBy',
    'findOneAndUpdate',
    'findByIdAndUpdate',
    'countDocuments'
]);
/** The identifier a member chain or call chain starts from: `Joi` in `Joi.object({}).validate(x)`. */
function rootIdentifier(node) {
    let n = unwrapExpression(node);
    for (;;) {
        if (n.type === 'Identifier')
            return n;
        if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression')
            n = unwrapExpression(n.object);
        else if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression' || n.type === 'NewExpression')
            n = unwrapExpression(n.callee);
        else
            return undefined;
    }
}
/** The package a value comes from through calls and `new`: `Joi.object({...})` → `joi`. */
function packageOf(value, depth = 0) {
    if (depth > 8)
        return undefined;
    for (const branch of branches(value)) {
        if (branch.kind === 'package')
            return branch.name;
        if (branch.kind === 'call' || branch.kind === 'new') {
            const found = packageOf(branch.callee, depth + 1);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** The package the expression's call or member chain starts from, if any. */
function rootPackage(express, node, module) {
    const root = rootIdentifier(node);
    return root ? packageOf(express.evaluate(root, module)) : undefined;
}
/** A DAO the app constructs (`new MemosDAO(db)`) or a model or collection of a database package. */
function isDataLayer(express, receiver, module) {
    const value = express.evaluate(receiver, module);
    if (branches(value).some((b) => b.kind === 'new' && b.callee.kind === 'function'))
        return true;
    const pkg = rootPackage(express, receiver, module);
    return pkg !== undefined && DATA_PACKAGES.has(pkg);
}
/** The method names along a call chain: `User.findById(id).lean()` → findById, lean. */
function chainMethods(node) {
    const names = [];
    let n = unwrapExpression(node);
    for (;;) {
        if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression')
            n = unwrapExpression(n.callee);
        else if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
            names.push(propertyName(n) ?? '');
            n = unwrapExpression(n.object);
        }
        else
            return names;
    }
}
/** A fixed `SELECT ...` text, its values bound apart (`db.all('SELECT id FROM t WHERE page = ?', [slug])`). */
function isSelectQuery(node) {
    const n = node && unwrapExpression(node);
    const text = n?.type === 'StringLiteral'
        ? n.value
        : n?.type === 'TemplateLiteral' && n.expressions.length === 0
            ? n.quasis[0]?.value.cooked
            : undefined;
    return text !== undefined && /^\s*select\s/i.test(text);
}
/**
 * A call that reads from the database: `User.findById(id)`, `repo.findOne({ where })`, a query
 * of a database package. Its result is a stored record, not the request data in its filter.
 */
function isDatabaseRead(express, call, module) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression')
        return false;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression')
        return false;
    if (chainMethods(call).some((m) => READ_METHODS.has(m)))
        return true;
    if (isSelectQuery(call.arguments[0]))
        return true;
    const pkg = rootPackage(express, callee, module);
    return pkg !== undefined && DATA_PACKAGES.has(pkg);
}

;// CONCATENATED MODULE: ./src/model/request-data.ts







/** The parts of a request a client writes freely. */
const REQUEST_SOURCES = new Set(['body', 'query', 'params']);
/** Array methods whose callback's first parameter is an element (or key) of the receiver. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex']);
const FIXPOINT_ROUNDS = 6;
/** Whether an identifier node is a reference to a variable (not a property name or object key). */
function request_data_isReference(node, parent) {
    if (!parent)
        return true;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed)
        return false;
    if ((parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod') && parent.key === node && !parent.computed) {
        return parent.type === 'ObjectProperty' && parent.shorthand && parent.value === node;
    }
    return true;
}
/**
 * Visits the parts of an expression its value can come from, without entering nested functions:
 * the test of `a ? b : c` decides between values, it is not one.
 */
function walkExpression(root, visit) {
    const stack = [[root, undefined]];
    while (stack.length > 0) {
        const [node, parent] = stack.pop();
        if (isFunction(node))
            continue;
        const said = visit(node, parent);
        if (said === 'stop')
            return;
        if (said === 'skip')
            continue;
        for (const key in node) {
            if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra' || key.endsWith('Comments') || key === 'typeAnnotation')
                continue;
            if (key === 'test' && node.type === 'ConditionalExpression')
                continue;
            const value = node[key];
            const children = Array.isArray(value) ? value : [value];
            for (const child of children) {
                if (typeof child === 'object' && child !== null && typeof child.type === 'string')
                    stack.push([child, node]);
            }
        }
    }
}
/** `a.b` + ['c', '...', 'd'] → `a.b.c`: a rest element holds every other field, so the path stops there. */
function joinPath(base, more) {
    const parts = [base];
    for (const part of more) {
        if (part === '...' || part === '?')
            break;
        parts.push(String(part));
    }
    return parts.join('.');
}
/** `Object.keys(x)` / `Object.entries(x)` / `Object.values(x)`: which one, and `x`. */
function objectIteration(node) {
    const n = unwrapExpression(node);
    if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression')
        return undefined;
    const object = n.callee.object;
    const kind = propertyName(n.callee);
    const [of] = n.arguments;
    if (object.type !== 'Identifier' || object.name !== 'Object' || !of || of.type === 'SpreadElement')
        return undefined;
    return kind === 'keys' || kind === 'entries' || kind === 'values' ? { kind, of: of } : undefined;
}
class HandlerTaint {
    fn;
    module;
    roles;
    isStoredRecord;
    reads = [];
    validated;
    /** Variables that hold request data, with the fields they carry. */
    tainted = new Map();
    whole = new Set();
    /** Aliases of request data itself, not values computed from it. */
    direct = new Set();
    index;
    constructor(fn, module, roles, isStoredRecord) {
        this.fn = fn;
        this.module = module;
        this.roles = roles;
        this.isStoredRecord = isStoredRecord;
        this.index = module.index;
        this.validated = [...roles.parts.values()].filter((p) => p.validated).map((p) => p.path.join('.'));
        this.collect();
    }
    /** The binding a name has at a node, if it is the handler's own parameter number `n`. */
    param(name, at, n) {
        const binding = lookup(this.index, name, at);
        return binding?.kind === 'param' && binding.fn === this.fn && binding.index === n ? binding : undefined;
    }
    /** `req.body` / `req['query']` where `req` is the handler's request parameter. */
    isRead(node) {
        if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')
            return false;
        const object = unwrapExpression(node.object);
        if (object.type !== 'Identifier' || !REQUEST_SOURCES.has(propertyName(node) ?? '') || this.roles.request === undefined)
            return false;
        const binding = this.param(object.name, node, this.roles.request);
        return binding !== undefined && binding.path.length === 0;
    }
    /** A destructured request parameter (`body` in `({ body }, res) => ...`) or a decorated one (`@Body() dto`). */
    isRequestParam(binding) {
        if (binding?.kind !== 'param' || binding.fn !== this.fn)
            return false;
        if (this.roles.parts.has(binding.index))
            return true;
        return binding.index === this.roles.request && REQUEST_SOURCES.has(String(binding.path[0]));
    }
    /** The request path a request parameter's binding holds: `body` for `({ body })`, `body.name` for `@Body() { name }`. */
    paramPath(binding) {
        const part = this.roles.parts.get(binding.index);
        return part ? [...part.path, ...binding.path] : binding.path;
    }
    /** An identifier bound to request data: a tainted variable or a destructured `({ body })` parameter. */
    isTaintedName(node) {
        if (node.type !== 'Identifier')
            return undefined;
        const binding = lookup(this.index, node.name, node);
        if (!binding)
            return undefined;
        if (this.isRequestParam(binding))
            return { whole: this.paramPath(binding).length === 1 };
        if (this.tainted.has(binding))
            return { whole: this.whole.has(binding) };
        return undefined;
    }
    /** A database read whose receiver is not itself request data (`req.body.items.find(...)` is). */
    isOpaque(node) {
        if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression')
            return false;
        const root = rootIdentifier(node);
        return (root === undefined || this.isTaintedName(root) === undefined) && this.isStoredRecord(node);
    }
    /** The static member names read off a node: `.user.name` in `req.body.user.name`. */
    memberPath(node) {
        const names = [];
        let current = node;
        for (;;) {
            const parent = this.index.parents.get(current);
            if (!parent || (parent.type !== 'MemberExpression' && parent.type !== 'OptionalMemberExpression') || parent.object !== current)
                break;
            const name = propertyName(parent);
            const grandparent = this.index.parents.get(parent);
            const isMethod = (grandparent?.type === 'CallExpression' || grandparent?.type === 'OptionalCallExpression') && grandparent.callee === parent;
            if (name === undefined || isMethod)
                break;
            names.push(name);
            current = parent;
        }
        return names;
    }
    /** Visits the request data in an expression: `visit` gets each origin and may stop the walk. */
    scan(root, visit) {
        walkExpression(root, (n, parent) => {
            if (n !== root && this.isOpaque(n))
                return 'skip';
            if (this.isRead(n)) {
                return visit({ path: joinPath(propertyName(n) ?? '', this.memberPath(n)), read: n }) ? 'stop' : 'skip';
            }
            if (n.type !== 'Identifier' || !request_data_isReference(n, parent))
                return undefined;
            const binding = lookup(this.index, n.name, n);
            if (!binding)
                return undefined;
            if (this.isRequestParam(binding)) {
                const [source, ...rest] = this.paramPath(binding);
                const path = joinPath(String(source), [...rest, ...this.memberPath(n)]);
                return visit({ path, read: n }) ? 'stop' : undefined;
            }
            const origins = this.tainted.get(binding);
            if (!origins)
                return undefined;
            const more = this.direct.has(binding) ? this.memberPath(n) : [];
            for (const origin of origins)
                if (visit({ path: joinPath(origin.path, more), read: origin.read }))
                    return 'stop';
            return undefined;
        });
    }
    carries(node) {
        let found = false;
        this.scan(node, () => (found = true));
        return found;
    }
    origins(node) {
        const found = [];
        this.scan(node, (origin) => {
            found.push(origin);
            return false;
        });
        return found;
    }
    isWhole(node) {
        const n = unwrapExpression(node);
        return this.isRead(n) || this.isTaintedName(n)?.whole === true;
    }
    isRequestValue(node) {
        let n = unwrapExpression(node);
        if (n.type === 'LogicalExpression')
            return this.isRequestValue(n.left) || this.isRequestValue(n.right);
        while ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && !this.isRead(n))
            n = unwrapExpression(n.object);
        if (this.isRead(n))
            return true;
        if (n.type !== 'Identifier')
            return false;
        const binding = lookup(this.index, n.name, n);
        if (binding?.kind === 'param')
            return this.isRequestParam(binding);
        return binding !== undefined && this.direct.has(binding);
    }
    isRequest(node) {
        const n = unwrapExpression(node);
        return n.type === 'Identifier' && this.roles.request !== undefined && this.param(n.name, n, this.roles.request)?.path.length === 0;
    }
    isResponse(node) {
        const n = unwrapExpression(node);
        return n.type === 'Identifier' && this.roles.response !== undefined && this.param(n.name, n, this.roles.response) !== undefined;
    }
    text(node) {
        return this.module.text.slice(node.start ?? 0, node.end ?? 0);
    }
    /** Adds origins to the variables a pattern declares; whether anything new was learnt. */
    taint(pattern, at, origins, how = {}) {
        if (origins.length === 0)
            return false;
        let changed = false;
        for (const { name, path } of patternNames(pattern)) {
            const binding = lookup(this.index, name, at);
            if (!binding)
                continue;
            const known = this.tainted.get(binding) ?? [];
            const keys = new Set(known.map((o) => `${o.path}@${o.read.start}`));
            const added = origins
                .map((o) => (how.direct ? { path: joinPath(o.path, path), read: o.read } : o))
                .filter((o) => !keys.has(`${o.path}@${o.read.start}`) && (keys.add(`${o.path}@${o.read.start}`), true));
            if (added.length === 0 && this.tainted.has(binding))
                continue;
            this.tainted.set(binding, [...known, ...added]);
            if (how.whole && path.length === 0)
                this.whole.add(binding);
            if (how.direct)
                this.direct.add(binding);
            changed = true;
        }
        return changed;
    }
    /**
     * The keys of an object: request data unless the object is a literal the code wrote (its keys are
     * the code's own, even when its values come from the request).
     */
    keyOrigins(object) {
        let n = unwrapExpression(object);
        if (n.type === 'Identifier') {
            const binding = lookup(this.index, n.name, n);
            if (binding?.kind === 'var' && binding.path.length === 0 && binding.init)
                n = unwrapExpression(binding.init);
        }
        if (n.type === 'ObjectExpression' && n.properties.every((p) => p.type !== 'SpreadElement' || !this.carries(p.argument)))
            return [];
        return this.origins(object);
    }
    /** Taints what a loop or an element callback binds from `source`: keys, values or `[key, value]` pairs. */
    taintElements(pattern, at, source, keysOnly) {
        if (keysOnly)
            return this.taint(pattern, at, this.keyOrigins(source));
        const iteration = objectIteration(source);
        if (iteration?.kind === 'keys')
            return this.taint(pattern, at, this.keyOrigins(iteration.of));
        if (iteration?.kind === 'entries' && pattern.type === 'ArrayPattern') {
            const [key, value] = pattern.elements;
            const keys = key ? this.taint(key, at, this.keyOrigins(iteration.of)) : false;
            return (value ? this.taint(value, at, this.origins(iteration.of)) : false) || keys;
        }
        return this.taint(pattern, at, this.origins(source));
    }
    /** One pass over the handler: variables and callback parameters that receive request data. */
    propagate() {
        let changed = false;
        (0,javascript/* walk */.GG)(this.fn, (node) => {
            if (node.type === 'VariableDeclarator' && node.init) {
                const origins = this.origins(node.init);
                const how = { whole: node.id.type === 'Identifier' && this.isWhole(node.init), direct: this.isRequestValue(node.init) };
                changed = this.taint(node.id, node, origins, how) || changed;
            }
            else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') {
                changed = this.taint(node.left, node, this.origins(node.right)) || changed;
            }
            else if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
                const left = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left;
                if (left)
                    changed = this.taintElements(left, node.body, node.right, node.type === 'ForInStatement') || changed;
            }
            else if (node.type === 'CallExpression' &&
                node.callee.type === 'MemberExpression' &&
                ELEMENT_CALLBACKS.has(propertyName(node.callee) ?? '')) {
                const callback = node.arguments[0];
                const first = callback && isFunction(callback) ? callback.params[0] : undefined;
                if (first)
                    changed = this.taintElements(first, callback, node.callee.object, false) || changed;
            }
        });
        return changed;
    }
    /** A parameter as declared (`dto` in `create(@Body() dto)`, `body` in `({ body }) =>`), not a read of it. */
    isDeclaration(node, parent) {
        if (parent === this.fn)
            return true;
        return parent?.type === 'ObjectProperty' && this.index.parents.get(parent)?.type === 'ObjectPattern';
    }
    collect() {
        for (let round = 0; round < FIXPOINT_ROUNDS && this.propagate(); round += 1) {
            /* until nothing new is tainted */
        }
        (0,javascript/* walk */.GG)(this.fn, (node, parent) => {
            if (this.isRead(node))
                this.reads.push(node);
            else if (node.type === 'Identifier' && request_data_isReference(node, parent) && !this.isDeclaration(node, parent)) {
                if (this.isRequestParam(lookup(this.index, node.name, node)))
                    this.reads.push(node);
            }
        });
        this.reads.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    }
}
const REQUEST_DATA = new CacheKey('request data of handlers');
/** Request data in a handler; undefined when the function takes no request parameter. */
function readRequestData(express, handler) {
    const cache = express.cache.once(REQUEST_DATA, () => new Map());
    const cached = cache.get(handler.fn);
    if (cached !== undefined)
        return cached ?? undefined;
    const first = handler.fn.params[0];
    const usable = first !== undefined && (first.type === 'Identifier' || first.type === 'ObjectPattern') && handler.module.index.parents.has(handler.fn);
    const roles = paramRoles(express, handler.fn, handler.module);
    const data = usable
        ? new HandlerTaint(handler.fn, handler.module, roles, (call) => isDatabaseRead(express, call, handler.module))
        : undefined;
    cache.set(handler.fn, data ?? null);
    return data;
}
/**
 * The app functions a route or `use` handler runs: an inline or named function, or the functions
 * given to a wrapper of the app (`catchAsync(async (req, res) => ...)`).
 */
function handlerFunctions(express, handler) {
    if (handler.kind === 'function') {
        const module = express.graph.moduleOf(handler.fn);
        return module ? [{ fn: handler.fn, module }] : [];
    }
    if (handler.kind !== 'factory')
        return [];
    const wrapped = handler.args.flatMap((arg) => {
        const value = express.evaluate(arg, handler.site.module);
        return value.kind === 'function' && value.at ? [{ fn: value.fn, module: value.at.module }] : [];
    });
    if (wrapped.length > 0)
        return wrapped;
    const module = express.graph.moduleOf(handler.fn);
    const returned = returnedFunction(handler.fn);
    return module && returned ? [{ fn: returned, module }] : [];
}
/** The function a middleware factory returns: `() => (req, res) => ...` or `function () { return function (req, res) {...} }`. */
function returnedFunction(factory) {
    if (factory.body.type !== 'BlockStatement')
        return isFunction(factory.body) ? factory.body : undefined;
    const last = [...factory.body.body].reverse().find((s) => s.type === 'ReturnStatement');
    const argument = last?.type === 'ReturnStatement' ? last.argument : undefined;
    return argument && isFunction(argument) ? argument : undefined;
}
/** Every route of every app and router with its last handler's functions (also routers never mounted). */
function routeHandlers(express) {
    return express.routers.flatMap((router) => router.events
        .filter((event) => event.type === 'route' && event.handlers.length > 0)
        .flatMap((event) => handlerFunctions(express, event.handlers.at(-1)).map((handler) => ({ router, event, handler }))));
}
/** Every app function used as middleware or a route handler anywhere, once each. */
function allHandlerFunctions(express) {
    const seen = new Map();
    for (const router of express.routers) {
        for (const event of router.events) {
            for (const handler of event.handlers)
                for (const h of handlerFunctions(express, handler))
                    seen.set(h.fn, h);
        }
    }
    return [...seen.values()];
}

;// CONCATENATED MODULE: ./src/model/pollution.ts



const LODASH = {
    merge: { from: 1 },
    mergeWith: { from: 1 },
    defaultsDeep: { from: 1 },
    assign: { from: 1 },
    assignIn: { from: 1 },
    extend: { from: 1 },
    set: { at: 1 },
    setWith: { at: 1 },
    zipObjectDeep: { at: 0 }
};
/** Packages that are one merge function (`require('deep-extend')(target, source)`), or have one under a name. */
const MERGE_PACKAGES = {
    lodash: LODASH,
    'lodash-es': LODASH,
    underscore: { extend: { from: 1 }, extendOwn: { from: 1 } },
    'lodash.merge': { '': { from: 1 } },
    'lodash.mergewith': { '': { from: 1 } },
    'lodash.defaultsdeep': { '': { from: 1 } },
    'lodash.set': { '': { at: 1 } },
    'lodash.setwith': { '': { at: 1 } },
    'lodash.zipobjectdeep': { '': { at: 0 } },
    'deep-extend': { '': { from: 1 } },
    merge: { '': { from: 0 }, recursive: { from: 1 } },
    extend: { '': { from: 1 } },
    'just-extend': { '': { from: 1 } },
    'mixin-deep': { '': { from: 1 } },
    'merge-deep': { '': { from: 1 } },
    'defaults-deep': { '': { from: 1 } },
    'deep-assign': { '': { from: 1 } },
    'assign-deep': { '': { from: 1 } },
    jquery: { extend: { from: 1 } },
    'set-value': { '': { at: 1 } },
    'dot-prop': { set: { at: 1 } },
    'object-path': { set: { at: 1 } },
    dset: { dset: { at: 1 } },
    hoek: { merge: { from: 1 }, applyToDefaults: { from: 1 } },
    '@hapi/hoek': { merge: { from: 1 }, applyToDefaults: { from: 1 } }
};
function shortText(data, node) {
    const text = data.text(node).replace(/\s+/g, ' ');
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
/** How a call copies data: `Object.assign`, a lodash or merge-package function; undefined for other calls. */
function mergeOf(express, data, callee) {
    const c = unwrapExpression(callee);
    if (c.type === 'MemberExpression' &&
        c.object.type === 'Identifier' &&
        c.object.name === 'Object' &&
        propertyName(c) === 'assign' &&
        !lookup(data.module.index, 'Object', c))
        return { from: 1 };
    for (const value of branches(express.evaluate(c, data.module))) {
        if (value.kind !== 'package')
            continue;
        const table = MERGE_PACKAGES[value.name];
        return table?.[value.path.join('.')];
    }
    return undefined;
}
/** What makes a node a pollution point; undefined when it is not one. */
function pollutionAt(express, data, node) {
    const what = mergeAt(express, data, node);
    if (what)
        return { kind: 'merged', what };
    const view = viewLocalsAt(data, node);
    return view ? { kind: 'view-locals', what: view } : undefined;
}
/** `res.render(view, req.body)` or `res.render(view, { ...req.query })`: the client writes the view's locals. */
function viewLocalsAt(data, node) {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression')
        return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'render' || !data.isResponse(callee.object))
        return undefined;
    const locals = node.arguments[1];
    if (!locals || !isCopiedObject(data, locals))
        return undefined;
    return `\`${shortText(data, callee)}()\` takes request data (\`${shortText(data, locals)}\`) as the view's locals`;
}
function mergeAt(express, data, node) {
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
        const taking = mergeOf(express, data, node.callee);
        if (!taking)
            return undefined;
        const args = node.arguments;
        const picked = 'at' in taking ? [args[taking.at]] : args.slice(taking.from).filter((a) => !(a.type === 'BooleanLiteral'));
        const source = picked.find((a) => a !== undefined && ('at' in taking ? data.carries(a) : isCopiedObject(data, a)));
        if (!source)
            return undefined;
        const callee = shortText(data, node.callee);
        return 'at' in taking
            ? `\`${callee}()\` writes at a path taken from request data (\`${shortText(data, source)}\`)`
            : `\`${callee}()\` copies request data (\`${shortText(data, source)}\`) into an object`;
    }
    if (node.type !== 'AssignmentExpression' || node.operator !== '=')
        return undefined;
    const left = node.left;
    // `obj[key] = undefined` (or another primitive) under `__proto__` changes nothing; one level deeper it would.
    const primitive = isPrimitive(node.right) && !(left.type === 'MemberExpression' && left.object.type === 'MemberExpression' && left.object.computed);
    if (left.type === 'MemberExpression' &&
        left.computed &&
        data.carries(left.property) &&
        !isNumeric(left.property) &&
        !primitive) {
        return `\`${shortText(data, left)} = …\` writes under a key taken from request data (\`${shortText(data, left.property)}\`)`;
    }
    const right = unwrapExpression(node.right);
    if (right.type === 'ObjectExpression') {
        const target = data.text(left);
        const spreads = right.properties.filter((p) => p.type === 'SpreadElement');
        const source = spreads.find((p) => data.text(p.argument) !== target && data.isRequestValue(p.argument));
        if (source && spreads.some((p) => data.text(p.argument) === target)) {
            return `\`${shortText(data, node)}\` spreads request data (\`${shortText(data, source.argument)}\`) over an existing object`;
        }
    }
    return undefined;
}
/** Functions that copy an object leaving some keys out: a deny-list, which lets `__proto__` through. */
const DENY_LISTS = new Set(['omit', 'omitBy', 'without', 'except']);
/**
 * Request data as an object to copy from: `req.body`, `req.body.message`, an alias, `{ ...req.body }`,
 * or any of these with some keys left out (`_.omit(req.body, 'role')`).
 */
function isCopiedObject(data, node) {
    const n = unwrapExpression(node);
    if (n.type === 'ObjectExpression')
        return n.properties.some((p) => p.type === 'SpreadElement' && isCopiedObject(data, p.argument));
    if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression') {
        const callee = unwrapExpression(n.callee);
        const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
        const [first] = n.arguments;
        return DENY_LISTS.has(name ?? '') && first !== undefined && first.type !== 'SpreadElement' && isCopiedObject(data, first);
    }
    return data.isRequestValue(n);
}
function isPrimitive(node) {
    const n = unwrapExpression(node);
    if (n.type === 'Identifier')
        return n.name === 'undefined';
    return ['NullLiteral', 'BooleanLiteral', 'NumericLiteral', 'StringLiteral'].includes(n.type);
}
function isNumeric(node) {
    return (node.type === 'NumericLiteral' ||
        (node.type === 'CallExpression' && node.callee.type === 'Identifier' && ['Number', 'parseInt'].includes(node.callee.name)));
}

;// CONCATENATED MODULE: ./src/model/request-sinks.ts





const CODE_GLOBALS = new Set(['eval', 'Function', 'require']);
const CODE_PACKAGES = {
    child_process: 'any',
    'node:child_process': 'any',
    shelljs: 'any',
    execa: 'any',
    vm: 'any',
    'node:vm': 'any',
    mathjs: new Set(['eval', 'evaluate']),
    'safe-eval': 'any',
    'node-serialize': new Set(['unserialize'])
};
const COMMAND_PACKAGES = new Set(['child_process', 'node:child_process', 'shelljs', 'execa']);
const FILE_PACKAGES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);
const HTTP_CLIENTS = new Set([
    'needle',
    'axios',
    'request',
    'request-promise',
    'got',
    'node-fetch',
    'superagent',
    'undici',
    'http',
    'https',
    'node:http',
    'node:https',
    'phin',
    'bent'
]);
/** Lookups by an id that the ODM casts (an ObjectId, a primary key): not an injection point. */
const ID_LOOKUPS = new Set(['findById', 'findByPk', 'findByIdAndRemove', 'findByIdAndDelete', 'get', 'exists']);
/** Methods that take SQL text. */
const SQL_METHODS = new Set([
    'query',
    'raw',
    'execute',
    'exec',
    '$queryRawUnsafe',
    '$executeRawUnsafe',
    'whereRaw',
    'run',
    'all',
    'prepare'
]);
/** Fields whose value decides what a user may do. */
const PRIVILEGED = new Set([
    'role',
    'roles',
    'isadmin',
    'is_admin',
    'admin',
    'permissions',
    'permission',
    'superuser',
    'issuperuser',
    'accesslevel',
    'privileges'
]);
/** Methods that keep a value in a collection: `items.push(req.body)`, `cache.set(id, req.body)`. */
const STORE_METHODS = new Set(['push', 'unshift', 'set']);
/** A collection that outlives the request: imported, or declared at the top of a module. */
function isModuleState(data, receiver) {
    const n = unwrapExpression(receiver);
    if (n.type !== 'Identifier')
        return false;
    const binding = lookup(data.module.index, n.name, n);
    if (binding?.kind === 'import')
        return true;
    return binding?.kind === 'var' && enclosingFunction(data.module.index, binding.declarator) === undefined;
}
/** Logger methods (winston, pino, bunyan, debug-style loggers of the app). */
const LOG_METHODS = new Set(['log', 'debug', 'info', 'warn', 'warning', 'error', 'trace', 'verbose', 'silly', 'fatal', 'notice']);
function calleeText(data, call, callee) {
    const text = data.text(callee);
    return `\`${call.type === 'NewExpression' ? 'new ' : ''}${text.length > 40 ? `${text.slice(0, 40)}…` : text}()\``;
}
/** The package and export a value is, through conditionals: `cp.exec` → child_process ['exec']. */
function packageExport(value) {
    for (const branch of branches(value))
        if (branch.kind === 'package')
            return { name: branch.name, path: branch.path };
    return undefined;
}
/** Databases that take query operators in a filter object: a request value there can be `{ "$ne": null }`. */
const OPERATOR_DATABASES = new Set(['mongoose', 'mongodb', 'monk', 'mongojs']);
/** Query operators that run code or a regular expression. */
const DANGEROUS_OPERATORS = new Set(['$regex', '$where', '$function', '$accumulator', '$expr']);
/** Methods whose first object argument is a filter (what to find), not what is written. */
const FILTER_METHOD = /^(?:find|count|exists|where|delete|remove|destroy|distinct|update|replace|aggregate)/;
function packageSink(pkg, label, data, args) {
    const code = CODE_PACKAGES[pkg.name];
    if (code === 'any' || (code && code.has(pkg.path[0] ?? ''))) {
        if (!COMMAND_PACKAGES.has(pkg.name))
            return reach(`code evaluation (${label})`, data, args);
        // The options (`{ env, cwd }`) of a process are not part of its command line.
        return reach(`a shell command (${label})`, data, args.filter((a) => !isOptionsObject(data, a)));
    }
    if (FILE_PACKAGES.has(pkg.name))
        return reach(`a file path (${label})`, data, args);
    if (HTTP_CLIENTS.has(pkg.name))
        return reach(`an outbound request (${label})`, data, urlArguments(data, args));
    return undefined;
}
/** The sink when some of the expressions carry request data. */
function reach(what, data, candidates) {
    const via = candidates.filter((a) => data.carries(a));
    return via.length > 0 ? { what, via } : undefined;
}
/** The expression a node stands for: itself, or what the plain locals it names were initialised with (a few hops). */
function resolveLocal(data, node) {
    let n = unwrapExpression(node);
    for (let hops = 0; hops < 4; hops += 1) {
        const init = localInit(data.module.index, n);
        if (!init)
            break;
        n = unwrapExpression(init);
    }
    return n;
}
/** An object literal, or a variable initialised with one: a call's options. */
function isOptionsObject(data, node) {
    return resolveLocal(data, node).type === 'ObjectExpression';
}
/**
 * The URL an HTTP client is given: its first argument (the second after a method name, `needle('get', url)`),
 * or the `url` of an options object; a URL on a fixed host with request data only URI-encoded into it is safe.
 */
function urlArguments(data, args) {
    const [first, second] = args.map((a) => unwrapExpression(a));
    const urls = first?.type === 'StringLiteral' && second
        ? [second]
        : first?.type === 'ObjectExpression'
            ? first.properties.flatMap((p) => p.type === 'ObjectProperty' && ['url', 'uri', 'baseURL', 'host', 'hostname', 'path'].includes(propertyKey(p) ?? '')
                ? [p.value]
                : [])
            : first
                ? [first]
                : [];
    return urls.filter((url) => !isFixedHostUrl(data, url));
}
/** The pieces of a `+` chain or a template literal, in order; undefined for anything else. */
function stringPieces(node) {
    if (node.type === 'TemplateLiteral')
        return { texts: node.quasis.map((q) => q.value.cooked ?? ''), values: node.expressions };
    if (node.type !== 'BinaryExpression' || node.operator !== '+')
        return undefined;
    const operands = [];
    const flatten = (n) => {
        const u = unwrapExpression(n);
        if (u.type === 'BinaryExpression' && u.operator === '+') {
            flatten(u.left);
            flatten(u.right);
        }
        else
            operands.push(u);
    };
    flatten(node);
    const first = operands[0];
    return first?.type === 'StringLiteral' ? { texts: [first.value], values: operands.slice(1) } : { texts: [''], values: operands };
}
/** `https://api.example.com/search?q=${encodeURIComponent(q)}`: the host is the code's, the request only fills in encoded text. */
function isFixedHostUrl(data, node) {
    const n = resolveLocal(data, node);
    // `encodeURI(`https://api.example.com/users/${name}/repos`)`: the whole URL encoded, its host the code's.
    const encoded = n.type === 'CallExpression' && isGlobalCall(data, n, 'encodeURI') ? unwrapExpression(n.arguments[0]) : undefined;
    const pieces = stringPieces(encoded ?? n);
    if (!pieces || !/^[a-z][\w+.-]*:\/\/[^/?#]+[/?#]/i.test(pieces.texts[0] ?? ''))
        return false;
    return encoded !== undefined || pieces.values.every((v) => !data.carries(v) || isUriEncoded(data, v));
}
/**
 * `/articles/${id}`: a path on this site starting with a fixed segment. The request can only choose
 * what comes after it, never another host (`//evil.example` needs the second slash right at the start).
 */
function isLocalPath(data, node) {
    const pieces = stringPieces(resolveLocal(data, node));
    return pieces !== undefined && /^\/[^/\\]/.test(pieces.texts[0] ?? '');
}
function isUriEncoded(data, node) {
    const n = unwrapExpression(node);
    return n.type === 'CallExpression' && isGlobalCall(data, n, 'encodeURIComponent');
}
function isGlobalCall(data, call, name) {
    return call.callee.type === 'Identifier' && call.callee.name === name && !lookup(data.module.index, name, call.callee);
}
/** An object literal with a `where` key is a parameterised ORM query (Sequelize, TypeORM, Prisma). */
function isWhereQuery(node) {
    const n = unwrapExpression(node);
    return n.type === 'ObjectExpression' && n.properties.some((p) => p.type === 'ObjectProperty' && propertyKey(p) === 'where');
}
function propertyKey(p) {
    if (p.type !== 'ObjectProperty' && p.type !== 'ObjectMethod')
        return undefined;
    if (!p.computed && p.key.type === 'Identifier')
        return p.key.name;
    return p.key.type === 'StringLiteral' ? p.key.value : undefined;
}
function argumentsOf(call) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression' && call.type !== 'NewExpression')
        return [];
    return call.arguments.map((a) => (a.type === 'SpreadElement' ? a.argument : a));
}
/** Text put together from pieces: `'SELECT ... ' + login`, a template literal, or a variable initialised with one. */
function isBuiltString(data, node, depth = 0) {
    const n = unwrapExpression(node);
    if ((n.type === 'BinaryExpression' && n.operator === '+') || (n.type === 'TemplateLiteral' && n.expressions.length > 0))
        return true;
    if (n.type !== 'Identifier' || depth > 4)
        return false;
    const binding = lookup(data.module.index, n.name, n);
    return (binding?.kind === 'var' &&
        binding.path.length === 0 &&
        binding.init !== null &&
        binding.init !== n &&
        isBuiltString(data, binding.init, depth + 1));
}
/** `fn(req.query)` or `fn({ ...req.body })`: all of the client's input at once. */
function passesWhole(data, arg) {
    const n = unwrapExpression(arg);
    if (data.isWhole(n))
        return true;
    return n.type === 'ObjectExpression' && n.properties.some((p) => p.type === 'SpreadElement' && data.isWhole(p.argument));
}
/** A `$regex` or `$where` operator in a query object whose value is request data. */
function dangerousOperator(data, node, depth = 0) {
    const n = unwrapExpression(node);
    if (n.type !== 'ObjectExpression' || depth > 4)
        return undefined;
    for (const p of n.properties) {
        if (p.type !== 'ObjectProperty')
            continue;
        const key = propertyKey(p);
        if (key && DANGEROUS_OPERATORS.has(key) && data.carries(p.value))
            return key;
        const nested = dangerousOperator(data, p.value, depth + 1);
        if (nested)
            return nested;
    }
    return undefined;
}
/** A filter object with request data as a field's value (`{ username: req.body.username }`): the value may be an object of operators. */
function hasOperatorSlot(data, node) {
    const n = unwrapExpression(node);
    return n.type === 'ObjectExpression' && n.properties.some((p) => p.type === 'ObjectProperty' && data.isRequestValue(p.value));
}
/** What a call on the data layer does with the request data it takes. */
function dataLayerSink(express, data, member, method, label, args) {
    const first = args[0];
    const via = args.filter((a) => data.carries(a) && !(ID_LOOKUPS.has(method) && a === first) && !isWhereQuery(a));
    if (via.length === 0)
        return undefined;
    for (const arg of via) {
        const operator = dangerousOperator(data, arg);
        if (operator)
            return { what: `a \`${operator}\` query operator (${label})`, via: [arg] };
    }
    // Path parameters are always strings: as values of a query they can carry no operator, and the
    // data layer binds them as values.
    const stored = via.filter((a) => !onlyPathParameters(data, a));
    if (stored.length === 0)
        return undefined;
    const whole = stored.filter((a) => passesWhole(data, a));
    if (whole.length > 0)
        return { what: `the data layer (${label}) with every field the client sends (mass assignment)`, via: whole };
    const mongo = OPERATOR_DATABASES.has(rootPackage(express, member, data.module) ?? '');
    if (mongo && FILTER_METHOD.test(method) && first && stored.includes(first) && hasOperatorSlot(data, first))
        return {
            what: `a NoSQL query filter (${label}), where a request object such as \`{ "$ne": null }\` becomes a query operator`,
            via: [first]
        };
    return { what: `the data layer (${label})`, via: stored };
}
/** Whether all the request data an expression carries comes from `req.params` (strings, whatever the client sends). */
function onlyPathParameters(data, node) {
    const origins = data.origins(node);
    return origins.length > 0 && origins.every((o) => o.path === 'params' || o.path.startsWith('params.'));
}
/** An allow-list copy (`_.pick(req.body, 'title', 'body')`, `only(req.body, 'title body')`): the fix for mass assignment. */
function isAllowListCopy(data, node) {
    const call = resolveLocal(data, node);
    if (call.type !== 'CallExpression')
        return false;
    const callee = unwrapExpression(call.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
    return (name === 'pick' || name === 'only') && call.arguments.length >= 2;
}
function callSink(express, data, call) {
    const args = argumentsOf(call);
    if (!args.some((a) => data.carries(a)))
        return undefined;
    const callee = unwrapExpression(call.callee);
    const label = calleeText(data, call, callee);
    if (callee.type === 'Identifier' && !lookup(data.module.index, callee.name, callee)) {
        if (CODE_GLOBALS.has(callee.name))
            return reach(`code evaluation (${label})`, data, args);
        return callee.name === 'fetch' ? reach(`an outbound request (${label})`, data, urlArguments(data, args)) : undefined;
    }
    const member = callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression' ? callee : undefined;
    const method = member ? propertyName(member) : undefined;
    if (member && data.isResponse(member.object)) {
        if (method === 'redirect' || method === 'location')
            return reach(`a redirect (${label})`, data, args.filter((a) => !isLocalPath(data, a) && !isFixedHostUrl(data, a)));
        return method === 'sendFile' || method === 'download' ? reach(`a file path (${label})`, data, args) : undefined;
    }
    const value = express.evaluate(callee, data.module);
    const pkg = packageExport(value);
    if (pkg)
        return packageSink(pkg, label, data, args);
    if (member && method) {
        const first = args[0];
        if (SQL_METHODS.has(method) && first && data.carries(first) && isBuiltString(data, first))
            return { what: `a raw SQL query (${label})`, via: [first] };
        if (isDataLayer(express, member.object, data.module)) {
            const reached = dataLayerSink(express, data, member, method, label, args);
            if (reached)
                return reached;
        }
    }
    // `log.debug('body', req.body)`, `logger.info(...)`: a log line is no place the input can do harm.
    if (method && LOG_METHODS.has(method))
        return undefined;
    if (member && method && STORE_METHODS.has(method) && isModuleState(data, member.object)) {
        const whole = args.filter((a) => passesWhole(data, a));
        if (whole.length > 0)
            return { what: `a stored collection (${label}) with every field the client sends (mass assignment)`, via: whole };
    }
    const whole = args.filter((a) => passesWhole(data, a));
    if (whole.length > 0 && branches(value).some((b) => b.kind === 'function'))
        return { what: `${label} (all of the input at once)`, via: whole };
    if (call.type === 'NewExpression' && DATA_PACKAGES.has(rootPackage(express, callee, data.module) ?? '')) {
        return whole.length > 0
            ? { what: `a new record (${label}) with every field the client sends (mass assignment)`, via: whole }
            : reach(`a new record (${label})`, data, args.filter((a) => !isAllowListCopy(data, a)));
    }
    return undefined;
}
/** Names a query's filter goes by: `filter`, `match`, `where`, `query`, `criteria`, `conditions`, `selector`. */
const FILTER_NAME = /^(?:filters?|match|where|query|criteria|conditions?|selector|search)(?:[A-Z_]|$)/;
/** Whether an object literal is a query's filter (`User.find({ role })`, `{ where: { role } }`): it reads, it does not write. */
function isFilterObject(data, object) {
    const parents = data.module.index.parents;
    let parent = parents.get(object);
    if (parent?.type === 'ObjectProperty' && propertyKey(parent) === 'where')
        return true;
    // `const match = { ...(role && { role }), verified }`: a filter built up under a filter's name.
    let outer = object;
    while (parent &&
        (parent.type === 'LogicalExpression' ||
            parent.type === 'ConditionalExpression' ||
            parent.type === 'SpreadElement' ||
            parent.type === 'ObjectExpression' ||
            parent.type === 'ParenthesizedExpression')) {
        outer = parent;
        parent = parents.get(parent);
    }
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && FILTER_NAME.test(parent.id.name))
        return true;
    if (outer !== object)
        return isFilterObject(data, outer);
    if ((parent?.type !== 'CallExpression' && parent?.type !== 'OptionalCallExpression') || parent.arguments[0] !== object)
        return false;
    return FILTER_METHOD.test(propertyName(parent.callee) ?? '');
}
/** A variable of the handler that holds an object or array it built itself (`const out = {}`): not a stored record. */
function isFreshLocal(data, object) {
    const n = unwrapExpression(object);
    const init = n.type === 'Identifier' ? resolveLocal(data, n) : undefined;
    if (!init)
        return false;
    return (init.type === 'ObjectExpression' ||
        init.type === 'ArrayExpression' ||
        (init.type === 'NewExpression' && init.callee.type === 'Identifier' && ['Map', 'Set', 'Object', 'Array'].includes(init.callee.name)));
}
/** `user.role = req.body.role` or `{ isAdmin: req.body.isAdmin }` (not a query's filter). */
function privilegeSink(data, node) {
    // `user[req.params.provider] = undefined`, `for (k in body) record[k] = body[k]`: the client names the field written.
    if (node.type === 'AssignmentExpression' &&
        node.operator === '=' &&
        node.left.type === 'MemberExpression' &&
        node.left.computed &&
        data.carries(node.left.property) &&
        !isFreshLocal(data, node.left.object)) {
        return {
            what: `a field of \`${data.text(node.left.object)}\` that the client names (\`${data.text(node.left)}\`), so any stored field can be overwritten`,
            via: [node.left.property]
        };
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && data.carries(node.right)) {
        const name = propertyName(node.left);
        if (name && PRIVILEGED.has(name.toLowerCase()))
            return { what: `the privileged field \`${name}\``, via: [node.right] };
    }
    if (node.type === 'ObjectProperty' && !node.computed && data.carries(node.value)) {
        const name = propertyKey(node);
        const object = data.module.index.parents.get(node);
        if (object?.type === 'ObjectPattern')
            return undefined;
        if (name && PRIVILEGED.has(name.toLowerCase()) && !(object && isFilterObject(data, object)))
            return { what: `the privileged field \`${name}\``, via: [node.value] };
    }
    return undefined;
}
/**
 * The first place in the handler (nested callbacks included) where request data that no validation
 * covers reaches a sink. `skip` leaves out calls another rule reports (a lodash merge is prototype
 * pollution); `covers` says which fields the handler validated before a sink.
 */
function findSink(express, data, skip = () => false, covers = () => false) {
    const sinks = [];
    (0,javascript/* walk */.GG)(data.fn, (node) => {
        const isCall = node.type === 'CallExpression' || node.type === 'OptionalCallExpression' || node.type === 'NewExpression';
        const reached = isCall ? (skip(node) ? undefined : callSink(express, data, node)) : privilegeSink(data, node);
        if (!reached)
            return;
        const origins = reached.via
            .flatMap((v) => data.origins(v))
            .filter((o) => !covers(o, node))
            .sort((a, b) => (a.read.start ?? 0) - (b.read.start ?? 0));
        if (origins.length > 0)
            sinks.push({ node, what: reached.what, origins });
    });
    return sinks.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0))[0];
}

;// CONCATENATED MODULE: ./src/model/validators.ts






/** Schema and validation libraries: a call into one of them in the chain or the handler validates the input. */
const VALIDATION_PACKAGES = new Set([
    'express-validator',
    'celebrate',
    'joi',
    '@hapi/joi',
    'express-joi-validation',
    'express-validation',
    'zod',
    'yup',
    'ajv',
    'class-validator',
    'superstruct',
    '@sinclair/typebox',
    'fastest-validator',
    'valibot',
    'io-ts',
    'runtypes',
    '@vinejs/vine',
    'express-json-validator-middleware'
]);
/** An app's own validation function, by its name: `validate(schema)`, `validateSignup(...)`, `isValidUser(...)`. */
const VALIDATOR_FUNCTION = /^(?:validate|validator|isValid|sanitize|assertValid)(?:[A-Z_]\w*)?$|Validat(?:e|ion|or)$/;
/** Schema methods: `schema.validate(req.body)`, `schema.safeParse(input)`; not a DAO's `validateLogin()`. */
const VALIDATOR_METHODS = new Set(['validate', 'validateAsync', 'validateSync', 'safeParse', 'safeParseAsync', 'isValid', 'isValidSync']);

/** Whether a callee's name says it validates: a function named so, or a schema's validate method. */
function isValidatorName(callee) {
    if (callee.type === 'Identifier')
        return VALIDATOR_FUNCTION.test(callee.name);
    return VALIDATOR_METHODS.has(propertyName(callee) ?? '');
}
/** Whether a call (inside a handler or a middleware factory) validates input. */
function isValidationCall(express, call, module) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression' && call.type !== 'NewExpression')
        return false;
    const callee = call.callee;
    if (isValidatorName(callee))
        return true;
    const pkg = rootPackage(express, callee, module);
    return pkg !== undefined && VALIDATION_PACKAGES.has(pkg);
}
/** Whether a function's body (nested functions included) calls a validation library or helper. */
function bodyValidates(express, fn, module) {
    let found = false;
    (0,javascript/* walk */.GG)(fn, (node) => {
        if (!found && isValidationCall(express, node, module))
            found = true;
    });
    return found;
}
/** Whether a handler in a route's chain validates the request. */
function isValidatorHandler(express, handler) {
    const { module, node } = handler.site;
    switch (handler.kind) {
        case 'middleware':
        case 'unknown': {
            if (isKind(handler, 'validator'))
                return true;
            // express-validator chains (`body('email').isEmail()`) and celebrate(...) calls the model leaves unresolved
            const pkg = rootPackage(express, node, module);
            return pkg !== undefined && VALIDATION_PACKAGES.has(pkg);
        }
        case 'function': {
            const home = express.graph.moduleOf(handler.fn);
            return home !== undefined && bodyValidates(express, handler.fn, home);
        }
        case 'factory': {
            const call = node.type === 'CallExpression' ? node : undefined;
            if (call && isValidatorName(call.callee))
                return true;
            const home = express.graph.moduleOf(handler.fn);
            return ((home !== undefined && bodyValidates(express, handler.fn, home)) ||
                handler.args.some((a) => isFunction(a) && bodyValidates(express, a, module)));
        }
        default:
            return false;
    }
}
/** validator.js exports that check a string rather than convert it. */
const STRING_CHECKS = /^(?:is[A-Z]\w*|matches|contains|equals)$/;
/** Checks that answer true or false: `ObjectId.isValid(id)`, `mongoose.isValidObjectId(id)`, yup's `schema.isValid(x)`. */
const CHECK_METHODS = new Set(['isValid', 'isValidSync', 'isValidObjectId']);
/** Methods that apply a schema of a validation library to a value: zod `parse`, Joi `attempt`, superstruct `assert`. */
const APPLY_METHODS = new Set([
    ...VALIDATOR_METHODS,
    'parse',
    'parseAsync',
    'assert',
    'attempt',
    'check',
    'cast',
    'create',
    'validateOrReject'
]);
function validationKind(express, data, call) {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression')
        return undefined;
    const callee = unwrapExpression(call.callee);
    const name = callee.type === 'Identifier' ? callee.name : propertyName(callee);
    if (name === undefined)
        return undefined;
    for (const branch of branches(express.evaluate(callee, data.module))) {
        if (branch.kind !== 'package' || branch.name !== 'validator')
            continue;
        const exported = branch.path.at(-1)?.split('/').at(-1) ?? '';
        return STRING_CHECKS.test(exported) ? 'check' : undefined;
    }
    if (CHECK_METHODS.has(name) || (callee.type === 'Identifier' && /^isValid/.test(name)))
        return 'check';
    if (isValidatorName(callee))
        return 'schema';
    const pkg = rootPackage(express, callee, data.module);
    if (pkg === undefined || !VALIDATION_PACKAGES.has(pkg))
        return undefined;
    const args = call.arguments;
    return APPLY_METHODS.has(name) || args.some((a) => data.isRequest(a) || data.carries(a)) ? 'schema' : undefined;
}
/** Whether a statement leaves the handler: `return`, `throw`, `next(err)`, or a block that does. */
function exits(statement) {
    if (!statement)
        return false;
    if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement')
        return true;
    if (statement.type === 'BlockStatement')
        return statement.body.some((s) => exits(s));
    if (statement.type !== 'ExpressionStatement')
        return false;
    const call = unwrapExpression(statement.expression);
    return call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'next';
}
function within(node, outer) {
    return outer !== null && outer !== undefined && (node.start ?? 0) >= (outer.start ?? 0) && (node.end ?? 0) <= (outer.end ?? 0);
}
/**
 * An `if` acting on a check: what it guards is inside it, and after it when the failing branch leaves,
 * or when it records an error (`errors.push(...)`) that a later `if (errors.length) return ...` acts on.
 */
function ifGuard(data, statement) {
    const leavesAt = exits(statement.consequent) ? statement.end : laterExit(data, statement);
    return (at) => within(at, statement.consequent) || within(at, statement.alternate) || (leavesAt != null && (at.start ?? 0) >= leavesAt);
}
/** Where a later `if` testing the variable the branch records an error in leaves the handler. */
function laterExit(data, statement) {
    const index = data.module.index;
    const recorded = new Set();
    (0,javascript/* walk */.GG)(statement.consequent, (node) => {
        const target = node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'push'
            ? unwrapExpression(node.callee.object)
            : node.type === 'AssignmentExpression'
                ? node.left
                : undefined;
        if (target?.type === 'Identifier')
            recorded.add(lookup(index, target.name, target));
    });
    recorded.delete(undefined);
    if (recorded.size === 0)
        return undefined;
    let found;
    (0,javascript/* walk */.GG)(data.fn, (node) => {
        if (found !== undefined || node.type !== 'IfStatement' || (node.start ?? 0) < (statement.end ?? 0) || !exits(node.consequent))
            return;
        (0,javascript/* walk */.GG)(node.test, (n) => {
            if (n.type === 'Identifier' && recorded.has(lookup(index, n.name, n)))
                found = node.end ?? undefined;
        });
    });
    return found;
}
/** Expressions a check's answer goes through on its way to an `if`: `!`, `&&`, `=== false`, `await`. */
function isCondition(node) {
    return ((node.type === 'UnaryExpression' && node.operator === '!') ||
        node.type === 'LogicalExpression' ||
        (node.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(node.operator)) ||
        node.type === 'AwaitExpression' ||
        node.type === 'ParenthesizedExpression');
}
/** Where a check's answer decides what runs: the `if` it is tested in, directly or through a variable, or an `assert(...)`. */
function guardOf(data, call) {
    const parents = data.module.index.parents;
    let current = call;
    let parent = parents.get(current);
    while (parent && isCondition(parent)) {
        current = parent;
        parent = parents.get(current);
    }
    if (parent?.type === 'IfStatement' && parent.test === current)
        return ifGuard(data, parent);
    if (parent?.type === 'CallExpression' &&
        /^(?:assert|ok)$/.test(propertyName(parent.callee) ?? (parent.callee.type === 'Identifier' ? parent.callee.name : ''))) {
        const end = parent.end ?? 0;
        return (at) => (at.start ?? 0) >= end;
    }
    if (parent?.type !== 'VariableDeclarator' || parent.init !== current || parent.id.type !== 'Identifier')
        return undefined;
    const binding = lookup(data.module.index, parent.id.name, parent.id);
    const guards = [];
    (0,javascript/* walk */.GG)(data.fn, (node) => {
        if (node.type !== 'IfStatement')
            return;
        let tests = false;
        (0,javascript/* walk */.GG)(node.test, (n) => {
            if (n.type === 'Identifier' && binding && lookup(data.module.index, n.name, n) === binding)
                tests = true;
        });
        if (tests)
            guards.push(ifGuard(data, node));
    });
    return guards.length > 0 ? (at) => guards.some((g) => g(at)) : undefined;
}
/** Whether `path` is `validated` or a field inside it: validating `body` validates `body.email`. */
function isWithin(path, validated) {
    return path === validated || path.startsWith(`${validated}.`);
}
/**
 * The validation inside a handler, per field: `schema.parse(req.body)` validates the body,
 * `if (!validator.isEmail(email)) return next(err)` validates `email` after it, `ObjectId.isValid(id)`
 * validates `id` and nothing else.
 */
function handlerValidation(express, data) {
    const checks = [];
    if (data.validated.length > 0)
        checks.push({ paths: data.validated, holds: () => true });
    let all = false;
    (0,javascript/* walk */.GG)(data.fn, (node) => {
        const kind = validationKind(express, data, node);
        if (!kind)
            return;
        const args = node.arguments;
        const paths = args.flatMap((a) => data.origins(a).map((o) => o.path));
        if (kind === 'schema') {
            if (paths.length === 0 || args.some((a) => data.isRequest(a)))
                all = true;
            else
                checks.push({ paths, holds: () => true });
            return;
        }
        const holds = guardOf(data, node);
        if (holds && paths.length > 0)
            checks.push({ paths, holds });
    });
    return {
        all,
        covers: (origin, at) => checks.some((c) => c.holds(at) && c.paths.some((p) => isWithin(origin.path, p)))
    };
}

;// CONCATENATED MODULE: ./src/rules/express/validation-missing.ts







/** Per route event, how each app reaches it: full path and the handlers that run before its last one. */
function resolveRoutes(express) {
    const byEvent = new Map();
    for (const app of express.apps) {
        for (const route of express.routesOf(app)) {
            const list = byEvent.get(route.event) ?? [];
            list.push({ fullPath: route.fullPath, before: route.before.map((b) => b.handler) });
            byEvent.set(route.event, list);
        }
    }
    return byEvent;
}
/** The chain of a route no app mounts: its router's earlier uses and its own handlers before the last. */
function localChain({ router, event }) {
    const earlier = router.events
        .slice(0, router.events.indexOf(event))
        .filter((e) => e.type === 'use')
        .flatMap((e) => e.handlers);
    return [...earlier, ...event.handlers.slice(0, -1)];
}
function checkRoute(express, route, resolutions) {
    const data = readRequestData(express, route.handler);
    if (!data || data.reads.length === 0)
        return undefined;
    const chains = resolutions?.map((r) => r.before) ?? [localChain(route)];
    if (chains.some((chain) => chain.some((h) => isValidatorHandler(express, h))))
        return undefined;
    const validation = handlerValidation(express, data);
    if (validation.all)
        return undefined;
    // Merges are prototype-pollution's finding; the same line is not reported twice.
    const sink = findSink(express, data, (call) => pollutionAt(express, data, call) !== undefined, (origin, at) => validation.covers(origin, at));
    const origin = sink?.origins[0];
    if (!sink || !origin)
        return undefined;
    const { read } = origin;
    const { file, line, column } = locate({ module: data.module, node: read });
    const parent = data.module.index.parents.get(read);
    // `req.body` read by `const { password } = req.body` is shown as the field that reaches the sink: `req.body.password`.
    const shown = read.type === 'MemberExpression'
        ? `${data.text(read)}${origin.path.slice(origin.path.indexOf('.') < 0 ? origin.path.length : origin.path.indexOf('.'))}`
        : data.text(parent?.type === 'MemberExpression' && parent.object === read && !parent.computed ? parent : read);
    const where = `${(route.event.method ?? 'all').toUpperCase()} ${resolutions?.[0]?.fullPath ?? route.event.path ?? '(route)'}`;
    const sinkModule = express.graph.moduleOf(sink.node);
    const sinkLine = sinkModule && positionOf(sink.node, sinkModule).line;
    return {
        file,
        line,
        column,
        messageId: 'unvalidated-input',
        message: `${where} uses \`${shown}\` without validation and passes request data to ${sink.what}${sinkLine !== undefined && sinkLine !== line ? ` (line ${sinkLine})` : ''}: validate it in the route's chain first, e.g. express-validator \`body('email').isEmail()\`, celebrate/Joi or zod \`schema.parse(req.body)\``
    };
}
/**
 * Per route, the handler that answers it: when request data reaches a sink (code or shell execution,
 * a redirect, a file path, an outbound request, raw SQL, a NoSQL filter or operator, the data layer,
 * a privileged field, all of the input handed to a function) and neither the chain nor the handler
 * validates the fields that reach it, one finding at the read of the first such field. Validation
 * in the handler is per field: `ObjectId.isValid(id)` validates `id`, not `req.body`.
 */
/* harmony default export */ const validation_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'validation-missing',
        severity: 'moderate',
        category: 'express',
        description: 'A route uses req.body/req.query/req.params fields with no validation (express-validator, joi, celebrate, zod, yup, ajv...) in its chain or handler.',
        fix: "validate the input in the route's chain (express-validator, celebrate/Joi, zod) before using it",
        cwe: 'CWE-20',
        messages: {
            'unvalidated-input': 'a route passes request data to a sink with no validator in its chain or handler'
        }
    },
    needs: 'source',
    check({ express }) {
        const resolved = resolveRoutes(express);
        const seen = new Set();
        return routeHandlers(express).flatMap((route) => {
            const finding = checkRoute(express, route, resolved.get(route.event));
            if (!finding)
                return [];
            const key = `${finding.file}:${finding.line}`;
            return seen.has(key) ? [] : (seen.add(key), [finding]);
        });
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/prototype-pollution.ts





function checkHandler(express, data) {
    const findings = [];
    (0,javascript/* walk */.GG)(data.fn, (node) => {
        const pollution = pollutionAt(express, data, node);
        if (!pollution)
            return;
        const { file, line, column } = locate({ module: data.module, node });
        findings.push(pollution.kind === 'merged'
            ? {
                file,
                line,
                column,
                messageId: 'request-data-merged',
                message: `${pollution.what}, so a \`__proto__\` or \`constructor.prototype\` key in the request can pollute object prototypes: copy only known fields (\`const { name, email } = req.body\`) or validate against a schema that rejects unknown keys first; leaving keys out (\`omit\`, \`delete\`) is no fix`
            }
            : {
                file,
                line,
                column,
                messageId: 'view-options-injected',
                message: `${pollution.what}, where keys such as \`settings\`, \`layout\` or a template engine's options (ejs \`outputFunctionName\`, \`escapeFunction\`) are view options, not data: a client sending them can run code on the server; pass only known fields (\`res.render(view, { name, email })\`)`
            });
    });
    return findings;
}
/**
 * In every app function Express calls (routes and middleware), request data merged into an object:
 * `Object.assign`, lodash `merge`/`defaultsDeep`/`set`..., deep-extend and friends, `x = { ...x, ...req.body }`,
 * or `obj[req.body.key] = value`, also with keys left out first (`_.omit(req.body, 'role')`); and request
 * data as the locals of `res.render()`, whose keys are view options. Request data is the handler's own
 * `req.body/query/params` and local aliases.
 */
/* harmony default export */ const prototype_pollution = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'prototype-pollution',
        severity: 'high',
        category: 'express',
        description: 'Request data is merged into an object (Object.assign, spread, lodash merge/defaultsDeep/set, deep-extend...), used as a computed key, or handed to res.render() as the view locals.',
        fix: 'copy known fields only, or validate with a schema that rejects unknown keys, before merging',
        cwe: 'CWE-1321',
        messages: {
            'request-data-merged': 'request data is merged into an object, or used as a computed key, unfiltered',
            'view-options-injected': 'request data is handed to res.render() as the view locals, where keys are view options'
        }
    },
    needs: 'source',
    check({ express }) {
        return (0,rule/* uniqueByPlace */.C1)(allHandlerFunctions(express).flatMap((handler) => {
            const data = readRequestData(express, handler);
            return data && data.reads.length > 0 ? checkHandler(express, data) : [];
        }));
    }
}));

;// CONCATENATED MODULE: ./src/model/csp.ts


const SCRIPT_KEYS = ['scriptSrc', 'script-src'];
const DEFAULT_KEYS = ['defaultSrc', 'default-src'];
const BARE_SCHEME = /^[a-z][a-z0-9+.-]*:$/i;
const NONCE_OR_HASH = /^'(?:nonce-|sha256-|sha384-|sha512-)/i;
function literalBool(value) {
    return value?.kind === 'literal' && typeof value.value === 'boolean' ? value.value : undefined;
}
/**
 * Whether helmet merges its defaults: `useDefaults` when given, else by version (helmet 5 and later
 * merge; helmet-csp and helmet 4 do not). An unknown helmet version is taken to be a current one.
 */
function mergesDefaults(useDefaults, pkg, helmetMajor) {
    const given = literalBool(useDefaults);
    if (given !== undefined)
        return given;
    if (useDefaults.kind !== 'absent')
        return 'unknown';
    if (pkg !== 'helmet')
        return false;
    return helmetMajor === undefined || helmetMajor >= 5;
}
function fromOptions(express, call, label, options, helmetMajor) {
    const property = (v, name) => express.evaluator.property(v, name);
    if (options.kind === 'literal' && options.value === false && options.at)
        return { call, label, disabled: { site: options.at, how: 'disabled' }, mergesDefaults: false };
    if (options.kind !== 'object')
        return undefined;
    const reportOnly = property(options, 'reportOnly');
    const disabled = literalBool(reportOnly) === true && reportOnly.at ? { site: reportOnly.at, how: 'report-only' } : undefined;
    const directives = call.package === 'lusca' ? property(options, 'policy') : property(options, 'directives');
    return {
        call,
        label,
        ...(disabled ? { disabled } : {}),
        ...(directives.kind === 'object' ? { directives } : {}),
        mergesDefaults: call.package === 'lusca' ? false : mergesDefaults(property(options, 'useDefaults'), call.package, helmetMajor)
    };
}
/** Every CSP configuration in the app: `helmet({ contentSecurityPolicy })`, `helmet.contentSecurityPolicy()`, helmet-csp, lusca. */
function cspConfigs(express, helmetMajor) {
    const configs = [];
    for (const call of packageCalls(express)) {
        const options = call.options;
        if (!options)
            continue;
        const path = call.path.join('.');
        if (call.package === 'helmet' && path === '') {
            if (options.kind !== 'object')
                continue;
            const csp = express.evaluator.property(options, 'contentSecurityPolicy');
            const config = fromOptions(express, call, 'helmet()', csp, helmetMajor);
            if (config)
                configs.push(config);
        }
        else if ((call.package === 'helmet' && (path === 'contentSecurityPolicy' || path === 'csp')) ||
            (call.package === 'helmet-csp' && path === '')) {
            const config = fromOptions(express, call, call.package === 'helmet' ? `helmet.${path}()` : 'helmetCsp()', options, helmetMajor);
            if (config)
                configs.push(config);
        }
        else if (call.package === 'lusca' && (path === 'csp' || path === '')) {
            const csp = path === 'csp' ? options : options.kind === 'object' ? express.evaluator.property(options, 'csp') : undefined;
            const config = csp && fromOptions(express, call, path === 'csp' ? 'lusca.csp()' : 'lusca()', csp, helmetMajor);
            if (config)
                configs.push(config);
        }
    }
    return configs;
}
function createsNonce(fn) {
    let found = false;
    (0,javascript/* walk */.GG)(fn, (n) => {
        if ((n.type === 'StringLiteral' && n.value.includes('nonce-')) || (n.type === 'TemplateElement' && n.value.raw.includes('nonce-')))
            found = true;
    });
    return found;
}
/** The sources of a directive value: an array of strings and nonce functions, or one space-separated string. */
function directiveSources(express, value) {
    const site = value.at;
    if (!site)
        return undefined;
    if (value.kind === 'literal' && typeof value.value === 'string') {
        return value.value
            .split(/\s+/)
            .filter(Boolean)
            .map((text) => ({ text, nonce: false, site }));
    }
    if (value.kind !== 'array')
        return undefined;
    return value.elements.flatMap((element) => {
        const v = express.evaluate(element, site.module);
        const at = { module: site.module, node: element };
        if (v.kind === 'literal' && typeof v.value === 'string')
            return v.value
                .split(/\s+/)
                .filter(Boolean)
                .map((text) => ({ text, nonce: false, site: at }));
        if (v.kind === 'function')
            return [{ text: undefined, nonce: createsNonce(v.fn), site: at }];
        return [];
    });
}
/**
 * The directive that governs scripts and its value: script-src, or default-src when script-src is not
 * set; `none` when neither is set and helmet adds no defaults (scripts from anywhere run).
 */
function scriptDirective(express, config) {
    const directives = config.directives;
    if (!directives)
        return undefined;
    const find = (keys) => {
        for (const key of keys) {
            const value = express.evaluator.property(directives, key);
            if (value.kind === 'unknown')
                return 'unknown';
            if (value.kind !== 'absent')
                return { name: key, value };
        }
        return undefined;
    };
    const script = find(SCRIPT_KEYS);
    if (script === 'unknown')
        return undefined;
    if (script)
        return script;
    if (config.mergesDefaults !== false)
        return undefined; // helmet's default script-src 'self' applies
    const fallback = find(DEFAULT_KEYS);
    return fallback === 'unknown' ? undefined : (fallback ?? 'none');
}
/**
 * The sources that let injected script run. A nonce or hash makes browsers ignore `'unsafe-inline'`,
 * and `'strict-dynamic'` with one makes them ignore hosts, schemes and `*` (CSP level 3's
 * backward-compatible policy), so those are not weaknesses.
 */
function weakSources(sources) {
    const texts = sources.map((s) => s.text?.toLowerCase());
    const nonce = sources.some((s) => s.nonce || (s.text !== undefined && NONCE_OR_HASH.test(s.text)));
    const strictDynamic = nonce && texts.includes("'strict-dynamic'");
    return sources.filter((s) => {
        const text = s.text?.toLowerCase();
        if (text === undefined)
            return false;
        if (text === "'unsafe-eval'")
            return true;
        if (text === "'unsafe-inline'")
            return !nonce;
        return (text === '*' || BARE_SCHEME.test(text)) && !strictDynamic;
    });
}

;// CONCATENATED MODULE: ./src/model/env-guard.ts


const PRODUCTION_WORDS = new Set(['production', 'prod']);
const DEVELOPMENT_WORDS = new Set(['development', 'dev', 'develop', 'test', 'testing', 'local', 'debug']);
/** Names that hold the environment's name: `env`, `config.env`, `NODE_ENV`, `nodeEnv`, `settings.environment`, `BUILD_MODE`. */
const ENV_NAME = /^(?:(?:node|app|mode|current|runtime|deploy)?_?env(?:ironment)?|(?:build|run|app|node)?_?mode|stage)$/i;
const PRODUCTION_FLAG = /^(?:is_?)?prod(?:uction)?(?:_?mode|_?env)?$/i;
const DEVELOPMENT_FLAG = /^(?:is_?)?(?:dev(?:elopment)?|debug|local|test(?:ing)?)(?:_?mode|_?env)?$/i;
function nameOf(node) {
    const n = unwrapExpression(node);
    if (n.type === 'Identifier')
        return n.name;
    return propertyName(n);
}
/** `process.env.NODE_ENV`, `config.env`, `env`, `app.get('env')`, `app.settings.env`. */
function isEnvRead(node) {
    const n = unwrapExpression(node);
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && propertyName(n.callee) === 'get') {
        const [arg] = n.arguments;
        return arg?.type === 'StringLiteral' && arg.value === 'env';
    }
    if (n.type === 'MemberExpression' &&
        n.object.type === 'MemberExpression' &&
        propertyName(n.object) === 'env' &&
        n.object.object.type === 'Identifier' &&
        n.object.object.name === 'process') {
        return /ENV|STAGE|MODE/i.test(propertyName(n) ?? '');
    }
    const name = nameOf(n);
    return name !== undefined && ENV_NAME.test(name);
}
function sideOfWord(word) {
    const w = word.toLowerCase();
    return PRODUCTION_WORDS.has(w) ? 'production' : DEVELOPMENT_WORDS.has(w) ? 'development' : 'either';
}
function flip(side) {
    return side === 'production' ? 'development' : side === 'development' ? 'production' : 'either';
}
function comparison(test) {
    const negated = test.operator === '!=' || test.operator === '!==';
    if (!negated && test.operator !== '==' && test.operator !== '===')
        return undefined;
    const left = unwrapExpression(test.left);
    const right = unwrapExpression(test.right);
    const [read, word] = isEnvRead(left) ? [left, right] : isEnvRead(right) ? [right, left] : [undefined, undefined];
    if (!read || !word)
        return undefined;
    const side = word.type === 'StringLiteral' ? sideOfWord(word.value) : 'either';
    return negated ? flip(side) : side;
}
/** `['development', 'test'].includes(env)`. */
function inclusion(test) {
    if (test.callee.type !== 'MemberExpression' || propertyName(test.callee) !== 'includes')
        return undefined;
    const [arg] = test.arguments;
    if (!arg || !isEnvRead(arg) || test.callee.object.type !== 'ArrayExpression')
        return undefined;
    const sides = new Set(test.callee.object.elements.map((e) => (e?.type === 'StringLiteral' ? sideOfWord(e.value) : 'either')));
    return sides.size === 1 ? [...sides][0] : 'either';
}
/**
 * What a test being true says about the environment: `NODE_ENV !== 'production'` → development,
 * `isProd` → production; undefined when the test is not about the environment.
 */
function envTest(test) {
    const t = unwrapExpression(test);
    switch (t.type) {
        case 'BinaryExpression':
            return comparison(t);
        case 'CallExpression':
            return inclusion(t);
        case 'UnaryExpression': {
            if (t.operator !== '!')
                return undefined;
            const inner = envTest(t.argument);
            return inner && flip(inner);
        }
        case 'LogicalExpression': {
            const left = envTest(t.left);
            const right = envTest(t.right);
            if (left === undefined && right === undefined)
                return undefined;
            // `isDev && x` true means dev; `isDev || x` true says nothing certain.
            if (t.operator === '&&' && (left === undefined || right === undefined || left === right))
                return left ?? right;
            return 'either';
        }
        default: {
            const name = nameOf(t);
            if (name === undefined || (t.type !== 'Identifier' && t.type !== 'MemberExpression'))
                return undefined;
            return PRODUCTION_FLAG.test(name) ? 'production' : DEVELOPMENT_FLAG.test(name) ? 'development' : undefined;
        }
    }
}
/** Whether a statement always leaves its block: `return`, `throw`, or a block ending in one. */
function env_guard_exits(statement) {
    if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement')
        return true;
    if (statement.type === 'BlockStatement') {
        const last = statement.body.at(-1);
        return last !== undefined && env_guard_exits(last);
    }
    return false;
}
/** `if (isProd) return res.send('error')` before a statement: that statement runs only outside production. */
function earlyExitSide(block, child) {
    if (block.type !== 'BlockStatement' && block.type !== 'Program')
        return undefined;
    const body = block.body;
    for (const statement of body.slice(0, body.indexOf(child)).reverse()) {
        if (statement.type !== 'IfStatement' || statement.alternate || !env_guard_exits(statement.consequent))
            continue;
        const side = envTest(statement.test);
        if (side)
            return flip(side);
    }
    return undefined;
}
/** The environment side a child of a conditional runs on, if the conditional tests the environment. */
function branchSide(parent, child) {
    if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') {
        if (child === parent.test)
            return undefined;
        const side = envTest(parent.test);
        return side && (child === parent.consequent ? side : flip(side));
    }
    if (parent.type === 'LogicalExpression' && child === parent.right) {
        const side = envTest(parent.left);
        if (!side)
            return undefined;
        return parent.operator === '&&' ? side : parent.operator === '||' ? flip(side) : undefined;
    }
    return earlyExitSide(parent, child);
}
/**
 * The environment a node runs in, from the nearest environment test around it, looking outwards
 * no further than `boundary` (a handler function) or, without one, the enclosing function.
 */
function envSideOf(node, module, boundary) {
    let child = node;
    for (let parent = module.index.parents.get(node); parent; child = parent, parent = module.index.parents.get(parent)) {
        const side = branchSide(parent, child);
        if (side)
            return side;
        if (parent === boundary || (!boundary && isFunction(parent)))
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/model/handlers.ts





const SEND_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'write', 'render']);
/** Response methods that return the response, so `res.status(500).type('json').send(x)` is still `res`. */
const CHAIN_METHODS = new Set([
    'status',
    'type',
    'set',
    'header',
    'append',
    'vary',
    'location',
    'links',
    'contentType',
    'cookie',
    'clearCookie'
]);
const RESPONSE_NAMES = new Set(['res', 'response', 'resp']);
function asFunction(express, fn) {
    const home = express.graph.moduleOf(fn);
    if (!home)
        return undefined;
    return { fn, module: home, errorHandler: fn.params.length === 4 && fn.params.every((p) => p.type !== 'RestElement') };
}
/** Functions passed to a wrapper call: `asyncHandler(async (req, res) => ...)`, `catchAsync(controller.create)`. */
function wrappedFunctions(express, site) {
    const node = site.node;
    if (node.type !== 'CallExpression')
        return [];
    return node.arguments.flatMap((arg) => {
        const value = express.evaluate(arg, site.module);
        return value.kind === 'function' ? [value.fn] : [];
    });
}
/** The app's own functions among a handler: the function itself, or the functions a wrapper call is given. */
function functionsOf(express, handler) {
    if (handler.kind === 'function')
        return [asFunction(express, handler.fn)].filter((f) => f !== undefined);
    if (handler.kind === 'middleware' || handler.kind === 'factory') {
        const wrapped = wrappedFunctions(express, handler.site);
        // A factory given no function returns the handler: `router.get('/x', makeHandler())`.
        const returned = wrapped.length === 0 && handler.kind === 'factory'
            ? (factoryResults(express, handler) ?? []).flatMap((h) => (h.kind === 'function' ? [h.fn] : []))
            : [];
        return [...wrapped, ...returned].map((fn) => asFunction(express, fn)).filter((f) => f !== undefined);
    }
    return [];
}
/** Every app function used as middleware, route handler or error handler, once each. */
function handlers_handlerFunctions(express) {
    const seen = new Map();
    const add = (handler) => {
        for (const f of functionsOf(express, handler))
            if (!seen.has(f.fn))
                seen.set(f.fn, f);
    };
    for (const router of express.routers)
        for (const event of router.events)
            event.handlers.forEach(add);
    for (const orphan of express.orphanUses)
        orphan.handlers.forEach(add);
    return [...seen.values()];
}
/** What a factory of the app returns: `module.exports = () => router`, `() => (err, req, res, next) => ...`. */
function factoryResults(express, handler) {
    const module = express.graph.moduleOf(handler.fn);
    if (!module)
        return undefined;
    const body = handler.fn.body;
    const returned = body.type === 'BlockStatement' ? [] : [body];
    if (body.type === 'BlockStatement') {
        (0,javascript/* walk */.GG)(body, (node) => {
            if (node.type === 'ReturnStatement' && node.argument && ownFunction(module, node) === handler.fn)
                returned.push(node.argument);
        });
    }
    if (returned.length === 0)
        return undefined;
    return returned.flatMap((node) => express.handlers(express.evaluate(node, module), { module, node }));
}
function ownFunction(module, node) {
    for (let n = module.index.parents.get(node); n; n = module.index.parents.get(n))
        if (isFunction(n))
            return n;
    return undefined;
}
/** Packages whose exported middleware handles errors: `errorhandler()`, celebrate's `errors()`, Sentry's handler. */
const ERROR_MIDDLEWARE = {
    errorhandler: () => true,
    'express-error-handler': () => true,
    'strong-error-handler': () => true,
    'api-error-handler': () => true,
    'http-errors-express': () => true,
    celebrate: (path) => path[0] === 'errors',
    'express-validation': (path) => path[0] === 'errors',
    '@sentry/node': (path) => path.includes('errorHandler'),
    'express-winston': (path) => path[0] === 'errorLogger',
    // Its default error handler answers the errors of controller actions (see routing-controllers.ts).
    'routing-controllers': (path) => path[0] === 'defaultErrorHandler'
};
/** Common request middleware that never handles errors (static files, logging, auth, flash messages). */
const NOT_ERROR_MIDDLEWARE = new Set([
    'st',
    'serve-favicon',
    'morgan',
    'compression',
    'method-override',
    'passport',
    'connect-flash',
    'express-flash',
    'express-fileupload',
    'multer',
    'csurf',
    'response-time',
    'connect-history-api-fallback',
    'express-mongo-sanitize',
    'xss-clean',
    'hpp',
    'swagger-ui-express',
    'http-proxy-middleware',
    'express-http-proxy',
    'serve-index',
    'i18n'
]);
/** Whether a handler is error middleware: `yes`, `no`, or `unknown` when its value is not known. */
function isErrorMiddleware(express, handler, depth = 0) {
    switch (handler.kind) {
        case 'function':
            return handler.fn.params.length === 4 ? 'yes' : handler.fn.params.some((p) => p.type === 'RestElement') ? 'unknown' : 'no';
        case 'middleware':
            if (ERROR_MIDDLEWARE[handler.package]?.(handler.export))
                return 'yes';
            // A package of unknown job could be error middleware (`app.use(handleErrors)` from a shared kit).
            return handler.package === 'express' || middlewareKind(handler) !== undefined || NOT_ERROR_MIDDLEWARE.has(handler.package)
                ? 'no'
                : 'unknown';
        case 'factory': {
            const results = depth < 3 ? factoryResults(express, handler) : undefined;
            if (!results)
                return 'unknown';
            const answers = results.map((h) => isErrorMiddleware(express, h, depth + 1));
            return answers.includes('yes') ? 'yes' : answers.includes('unknown') ? 'unknown' : 'no';
        }
        case 'router':
            return 'no';
        default:
            return 'unknown';
    }
}
/** The routers a handler mounts: a router itself, or one returned by a factory (`require('./routes')(passport)`). */
function mountedRouters(express, handler) {
    if (handler.kind === 'router')
        return [handler.router];
    if (handler.kind !== 'factory')
        return [];
    const results = factoryResults(express, handler);
    if (!results)
        return undefined;
    const routers = results.flatMap((h) => (h.kind === 'router' ? [h.router] : []));
    return routers.length > 0 ? routers : results.some((h) => h.kind === 'unknown') ? undefined : [];
}
/** `res` in `res.status(500).json(x)`, when it is the handler's response parameter (or plainly named so). */
function responseRoot(callee) {
    let object = callee.type === 'MemberExpression' ? callee.object : undefined;
    while (object?.type === 'CallExpression' &&
        object.callee.type === 'MemberExpression' &&
        CHAIN_METHODS.has(propertyName(object.callee) ?? '')) {
        object = object.callee.object;
    }
    return object?.type === 'Identifier' ? object : undefined;
}
/** Whether `object` is the handler's response: its response parameter, or a variable plainly named so. */
function isResponse(handler, object) {
    const root = unwrapExpression(object);
    if (root.type !== 'Identifier')
        return false;
    const binding = lookup(handler.module.index, root.name, root);
    if (binding?.kind === 'param' && binding.fn === handler.fn)
        return binding.index === (handler.errorHandler ? 2 : 1) && binding.path.length === 0;
    return (binding === undefined || binding.kind === 'param') && RESPONSE_NAMES.has(root.name);
}
const HEADER_SETTERS = new Set(['setHeader', 'set', 'header', 'append']);
/** Every header the handler's own body writes or removes on its response, with names the evaluator knows. */
function headerWrites(express, handler) {
    const writes = [];
    (0,javascript/* walk */.GG)(handler.fn.body, (node) => {
        if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression')
            return;
        const method = propertyName(node.callee);
        if (!method || (!HEADER_SETTERS.has(method) && method !== 'removeHeader') || !isResponse(handler, node.callee.object))
            return;
        const [first, second] = node.arguments.filter((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder');
        if (!first)
            return;
        const named = express.evaluate(first, handler.module);
        if (named.kind === 'literal' && typeof named.value === 'string') {
            writes.push({ call: node, method, name: named.value, ...(second && method !== 'removeHeader' ? { value: second } : {}) });
        }
        else if (named.kind === 'object' && !second && method !== 'removeHeader') {
            for (const entry of named.entries)
                writes.push({ call: node, method, name: entry.key, value: entry.node });
        }
    });
    return writes;
}
/** Every body-sending response call inside `scope` (a handler, a catch block) on the handler's response. */
function responseSends(handler, scope) {
    const sends = [];
    (0,javascript/* walk */.GG)(scope, (node) => {
        if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression')
            return;
        const method = propertyName(node.callee);
        if (!method || !SEND_METHODS.has(method))
            return;
        const root = responseRoot(node.callee);
        if (!root || !isResponse(handler, root))
            return;
        const args = node.arguments;
        sends.push({ call: node, method, body: method === 'render' ? args.slice(1) : args });
    });
    return sends;
}
/** Whether a node runs only on a side of a `NODE_ENV` test (either side: the code chose per environment). */
function isEnvGuarded(node, module, boundary) {
    const side = envSideOf(node, module, boundary);
    return side === 'development' || side === 'either';
}

;// CONCATENATED MODULE: ./src/model/csp-header.ts



const HEADER = /^content-security-policy(-report-only)?$/i;
/** Stands for a computed part of a template literal (`'nonce-${nonce}'`, `${host}`). */
const COMPUTED = '<computed>';
/** `default-src 'self'; script-src 'self' cdn.example.com`: sources by directive, the first occurrence winning (as browsers do). */
function parsePolicy(text, site) {
    const directives = new Map();
    for (const part of text.split(';')) {
        const [name, ...sources] = part.trim().split(/\s+/);
        if (!name || directives.has(name.toLowerCase()))
            continue;
        directives.set(name.toLowerCase(), 
        // A computed source may be a nonce, which makes browsers ignore 'unsafe-inline'.
        sources.map((source) => ({ text: source, nonce: source.includes(COMPUTED), site })));
    }
    return directives;
}
function stringOf(value) {
    return value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}
/**
 * The policy text of a header value: a string the evaluator knows, or a template literal (directly or
 * through a local constant) whose computed parts are kept as placeholders.
 */
function policyText(express, handler, value, depth = 0) {
    const evaluated = express.evaluate(value, handler.module);
    const known = stringOf(evaluated);
    if (known !== undefined)
        return { text: known, site: evaluated.at ?? { module: handler.module, node: value }, partial: false };
    const node = unwrapExpression(value);
    if (node.type === 'Identifier') {
        const init = depth < 3 ? localInit(handler.module.index, node) : undefined;
        return init ? policyText(express, handler, init, depth + 1) : undefined;
    }
    if (node.type !== 'TemplateLiteral')
        return undefined;
    const parts = node.quasis.map((q, i) => {
        const expression = node.expressions[i];
        const computed = expression ? (stringOf(express.evaluate(expression, handler.module)) ?? COMPUTED) : '';
        return (q.value.cooked ?? q.value.raw) + computed;
    });
    return { text: parts.join(''), site: { module: handler.module, node }, partial: true };
}
function headersIn(express, handler) {
    return headerWrites(express, handler).flatMap(({ call, method, name, value }) => {
        const match = HEADER.exec(name);
        const policy = match && value && policyText(express, handler, value);
        if (!match || !policy)
            return [];
        return [
            {
                call: { module: handler.module, node: call },
                label: `res.${method}('${name}')`,
                reportOnly: match[1] !== undefined,
                site: policy.site,
                directives: parsePolicy(policy.text, policy.site),
                partial: policy.partial
            }
        ];
    });
}
/** Every Content-Security-Policy header the app's handlers set by hand, with a policy the model can read. */
function cspHeaders(express) {
    return handlers_handlerFunctions(express).flatMap((handler) => headersIn(express, handler));
}

;// CONCATENATED MODULE: ./src/rules/express/csp-weak.ts






/** The helmet major every package.json agrees on (lowest version its range admits), if any. */
function helmetMajor(packageJsons) {
    const majors = new Set();
    for (const { manifest } of packageJsons) {
        for (const field of ['dependencies', 'devDependencies']) {
            const range = manifest.data[field]?.helmet;
            if (typeof range !== 'string')
                continue;
            const version = semver_default().validRange(range) ? semver_default().minVersion(range) : null;
            if (version)
                majors.add(version.major);
        }
    }
    return majors.size === 1 ? [...majors][0] : undefined;
}
function disabledFinding(config) {
    if (!config.disabled)
        return [];
    const where = locate(config.disabled.site);
    const message = config.disabled.how === 'disabled'
        ? `${config.label} turns the Content-Security-Policy off, so injected scripts run unhindered: remove \`contentSecurityPolicy: false\` and tune \`directives\` instead`
        : `${config.label} sends the Content-Security-Policy as report-only, so nothing is blocked: drop \`reportOnly: true\` once the reports are clean`;
    const messageId = config.disabled.how === 'disabled' ? 'csp-disabled' : 'csp-report-only';
    return [{ file: where.file, line: where.line, column: where.column, messageId, message }];
}
/** One finding per policy: scripts from anywhere, or the weak sources of the directive that governs scripts. */
function scriptFinding(where, what, directive) {
    if (directive === 'none') {
        const at = locate(where);
        return [
            {
                file: at.file,
                line: at.line,
                column: at.column,
                messageId: 'no-script-policy',
                message: `${what} sets neither \`script-src\` nor \`default-src\`, so scripts load from anywhere: add \`default-src 'self'\` (and a \`script-src\` of \`'self'\` and trusted hosts)`
            }
        ];
    }
    const weak = weakSources(directive.sources);
    const [first] = weak;
    if (!first)
        return [];
    const at = locate(first.site);
    const list = [...new Set(weak.map((s) => s.text))].join(' ');
    const governs = /default/i.test(directive.name) ? ` (it governs scripts as there is no script-src)` : '';
    return [
        {
            file: at.file,
            line: at.line,
            column: at.column,
            messageId: 'unsafe-script-source',
            message: `CSP \`${directive.name}\` allows \`${list}\`${governs}, so an injected script can run: list only \`'self'\` and trusted hosts, and use nonces or hashes for inline scripts`
        }
    ];
}
function directiveFinding(express, config) {
    const directive = scriptDirective(express, config);
    if (directive === 'none')
        return scriptFinding(config.directives?.at ?? config.call.site, config.label, 'none');
    const sources = directive && directiveSources(express, directive.value);
    return directive && sources ? scriptFinding(config.call.site, config.label, { name: directive.name, sources }) : [];
}
/** A policy set by hand with `res.setHeader('Content-Security-Policy', '...')`: judged as helmet's directives are. */
function headerFindings(header) {
    if (header.reportOnly) {
        const at = locate(header.site);
        return [
            {
                file: at.file,
                line: at.line,
                column: at.column,
                messageId: 'csp-report-only',
                message: `${header.label} sends the policy as report-only, so nothing is blocked: send it as \`Content-Security-Policy\` once the reports are clean`
            }
        ];
    }
    // A computed part may add a script-src that the default-src would give way to.
    if (header.partial && !header.directives.has('script-src'))
        return [];
    const name = header.directives.has('script-src') ? 'script-src' : 'default-src';
    const sources = header.directives.get(name);
    if (!sources)
        return header.partial ? [] : scriptFinding(header.site, header.label, 'none');
    return scriptFinding(header.site, header.label, { name, sources });
}
/**
 * Each CSP the app configures (helmet, helmet-csp, lusca, or a `Content-Security-Policy` header set by
 * hand in a handler): turned off or report-only, no script-src nor default-src where helmet adds no
 * defaults, or a script-src (or, with no script-src and no helmet defaults, a default-src) that
 * admits inline script, eval, any host or a whole scheme.
 * Options that cannot be read, and policies set only outside production, give no finding.
 */
/* harmony default export */ const csp_weak = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'csp-weak',
        severity: 'moderate',
        category: 'express',
        description: "CSP disabled, or 'unsafe-inline'/'unsafe-eval'/*/a bare scheme in script-src (or default-src without script-src).",
        fix: "keep helmet's CSP on; script-src of `'self'`, trusted hosts and nonces only",
        cwe: 'CWE-693',
        messages: {
            'csp-disabled': 'helmet is configured with the Content-Security-Policy turned off',
            'csp-report-only': 'the Content-Security-Policy is report-only, so it blocks nothing',
            'unsafe-script-source': "script-src (or default-src without script-src) allows 'unsafe-inline', 'unsafe-eval', * or a bare scheme",
            'no-script-policy': 'a policy (without helmet defaults) that sets neither script-src nor default-src'
        }
    },
    needs: 'source',
    check({ express, packageJsons }) {
        const seen = new Set();
        const inProduction = (site) => envSideOf(site.node, site.module) !== 'development';
        const configured = cspConfigs(express, helmetMajor(packageJsons))
            .filter((config) => inProduction(config.call.site))
            .flatMap((config) => [...disabledFinding(config), ...directiveFinding(express, config)]);
        const byHand = cspHeaders(express)
            .filter((header) => inProduction(header.call))
            .flatMap(headerFindings);
        return [...configured, ...byHand].filter((f) => !seen.has(`${f.file}:${f.line}:${f.column}`) && seen.add(`${f.file}:${f.line}:${f.column}`));
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/x-powered-by.ts




/** A middleware written in the app that removes or overwrites the header: `res.removeHeader('X-Powered-By')`, `res.set('X-Powered-By', 'PHP')`. */
function functionRemovesHeader(express, handler) {
    return functionsOf(express, handler).some((fn) => headerWrites(express, fn).some((write) => write.name.toLowerCase() === 'x-powered-by' && write.method !== 'append'));
}
/**
 * helmet's main middleware (unless told `hidePoweredBy: false` / `xPoweredBy: false`) or its `hidePoweredBy()`, or
 * a middleware of the app that removes the header.
 */
function removesHeader(express, handler) {
    if (functionRemovesHeader(express, handler))
        return true;
    if (handler.kind !== 'middleware')
        return false;
    if (handler.package === 'hide-powered-by')
        return true;
    if (handler.package !== 'helmet')
        return false;
    const [name] = handler.export;
    if (name === 'hidePoweredBy' || name === 'xPoweredBy')
        return true;
    if (handler.export.length > 0)
        return false;
    const options = handler.options;
    if (!options || options.kind === 'absent')
        return true;
    if (options.kind !== 'object')
        return undefined;
    const off = ['hidePoweredBy', 'xPoweredBy'].map((k) => express.evaluator.property(options, k));
    if (off.some((v) => literalOf(v) === false))
        return false;
    return off.every((v) => v.kind === 'absent' || v.kind === 'object' || literalOf(v) === true) ? true : undefined;
}
/** `false` when the header is off (`disable('x-powered-by')`), `true` when on, undefined when unknown. */
function headerSetting(value) {
    const literal = literalOf(value);
    return typeof literal === 'boolean' ? literal : undefined;
}
function x_powered_by_checkApp(express, app) {
    const setting = express.setting(app, 'x-powered-by');
    if (setting) {
        const on = headerSetting(setting.value);
        if (on !== true)
            return [];
    }
    const removals = app.events
        .filter((e) => e.type === 'use')
        .flatMap((e) => e.handlers)
        .map((h) => removesHeader(express, h));
    if (removals.some((r) => r !== false))
        return [];
    const name = app.variable ? `Express app '${app.variable}'` : 'Express app';
    const how = setting ? `\`x-powered-by\` is enabled at ${setting.event.file}:${setting.event.line}` : 'nothing removes it';
    return [
        {
            file: app.file,
            line: app.line,
            column: app.column,
            messageId: setting ? 'enabled' : 'not-removed',
            message: `${name} sends \`X-Powered-By: Express\` (${how}), telling attackers what to target: add \`app.disable('x-powered-by')\` (helmet() also removes it)`
        }
    ];
}
/**
 * Per app that is not mounted into another: X-Powered-By is sent unless the app disables it or uses
 * helmet (which removes it). Helmet or the setting on something the model cannot tie to an app
 * counts as removing it everywhere: unclear wiring gives fewer findings. An app that serves nothing
 * (no middleware or routes, only made into a server) is left alone.
 */
/* harmony default export */ const x_powered_by = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'x-powered-by',
        severity: 'low',
        category: 'express',
        description: "`X-Powered-By: Express` is still sent: no helmet and no `app.disable('x-powered-by')`.",
        fix: "`app.disable('x-powered-by')` (or `app.use(helmet())`)",
        cwe: 'CWE-200',
        messages: {
            enabled: 'the app enables x-powered-by explicitly (app.enable or app.set true)',
            'not-removed': 'nothing removes the header: no helmet, no app.disable'
        }
    },
    needs: 'source',
    check({ express }) {
        if (express.orphanUses.some((u) => u.handlers.some((h) => removesHeader(express, h) !== false)))
            return [];
        if (express.orphanSettings.some((s) => s.name === 'x-powered-by' && headerSetting(s.value) !== true))
            return [];
        return express.apps.filter((app) => !servesNothing(express, app)).flatMap((app) => x_powered_by_checkApp(express, app));
    }
}));

;// CONCATENATED MODULE: ./src/model/error-flow.ts





const RANK = { message: 1, object: 2, stack: 3 };
/** Reads of an error that tell a known, client-facing error apart: `err.status`, `err instanceof HttpError`. */
const TYPE_PROPERTIES = new Set([
    'status',
    'statusCode',
    'code',
    'errorCode',
    'name',
    'isOperational',
    'isPublic',
    'expose',
    'type',
    'isJoi',
    'isBoom',
    'details'
]);
const STRING_METHODS = new Set([
    'toString',
    'split',
    'join',
    'slice',
    'substring',
    'substr',
    'trim',
    'replace',
    'toUpperCase',
    'toLowerCase',
    'concat'
]);
const error_flow_MAX_DEPTH = 8;
/** The expression inside type wrappers, parentheses and `await`: what a handler's error value is made of. */
function unwrap(node) {
    let n = unwrapExpression(node);
    while (n.type === 'AwaitExpression')
        n = unwrapExpression(n.argument);
    return n;
}
function max(...kinds) {
    return kinds.reduce((a, b) => (b && (!a || RANK[b] > RANK[a]) ? b : a), undefined);
}
/** An error object turned into a string keeps only `Name: message`. */
function stringified(kind) {
    return kind === 'object' ? 'message' : kind;
}
function isInside(module, node, ancestor) {
    for (let n = node; n; n = module.index.parents.get(n))
        if (n === ancestor)
            return true;
    return false;
}
class ErrorFlow {
    scope;
    /** Fields deleted from a local's object literal in every environment (`delete response.stack`). */
    omitted = new Map();
    constructor(scope) {
        this.scope = scope;
    }
    get module() {
        return this.scope.handler.module;
    }
    isError(node) {
        if (node.type !== 'Identifier' || node.name !== this.scope.name)
            return false;
        const binding = lookup(this.module.index, node.name, node);
        if (this.scope.fn)
            return binding?.kind === 'param' && binding.fn === this.scope.fn && binding.index === 0 && binding.path.length === 0;
        return !binding || !isInside(this.module, binding.kind === 'param' ? binding.fn : bindingNode(binding), this.scope.scope);
    }
    /** What of the error an expression carries, or undefined when none or when it depends on `NODE_ENV`. */
    classify(expression, depth = 0) {
        if (depth > error_flow_MAX_DEPTH)
            return undefined;
        const node = unwrap(expression);
        const next = (n) => (n ? this.classify(n, depth + 1) : undefined);
        switch (node.type) {
            case 'Identifier':
                if (this.isError(node))
                    return this.fieldsChangedPerEnv(node).size > 0 ? undefined : 'object';
                return this.variable(node, depth);
            case 'MemberExpression':
            case 'OptionalMemberExpression': {
                const name = propertyName(node);
                const target = unwrap(node.object);
                // `if (isProduction) delete err.stack` chooses the stack per environment, not the message.
                const ofError = target.type === 'Identifier' && this.isError(target);
                if (ofError && name && this.fieldsChangedPerEnv(target).has(name))
                    return undefined;
                const object = ofError ? 'object' : next(node.object);
                if (object !== 'object')
                    return undefined;
                return name === 'stack' ? 'stack' : name === 'message' ? 'message' : undefined;
            }
            case 'CallExpression':
                return this.call(node, depth);
            case 'TemplateLiteral':
                return stringified(max(...node.expressions.map((e) => next(e))));
            case 'BinaryExpression':
                return node.operator === '+' ? stringified(max(next(node.left), next(node.right))) : undefined;
            case 'ObjectExpression':
                return max(...node.properties.map((p) => p.type === 'ObjectProperty'
                    ? this.omitted.get(node)?.has(error_flow_propertyKey(p) ?? '')
                        ? undefined
                        : next(p.value)
                    : p.type === 'SpreadElement' && !this.isError(unwrap(p.argument))
                        ? next(p.argument)
                        : undefined));
            case 'ArrayExpression':
                return max(...node.elements.map((e) => (e && e.type !== 'SpreadElement' ? next(e) : undefined)));
            case 'ConditionalExpression': {
                if (envTest(node.test))
                    return undefined;
                const known = this.knownBranch(node.test);
                // The known (client-facing) error's message may be sent; its stack never.
                const branch = (n, isKnown) => {
                    const kind = next(n);
                    return isKnown && kind !== 'stack' ? undefined : kind;
                };
                return max(branch(node.consequent, known === 'consequent'), branch(node.alternate, known === 'alternate'));
            }
            case 'LogicalExpression':
                if (node.operator === '&&')
                    return envTest(node.left) ? undefined : next(node.right);
                return max(next(node.left), next(node.right));
            default:
                return undefined;
        }
    }
    call(node, depth) {
        const callee = unwrap(node.callee);
        const args = node.arguments.filter((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder');
        const argKind = max(...args.map((a) => this.classify(a, depth + 1)));
        if (callee.type === 'MemberExpression') {
            const method = propertyName(callee);
            if (method && STRING_METHODS.has(method))
                return stringified(this.classify(callee.object, depth + 1));
            if (method === 'stringify')
                return argKind;
            if (method === 'inspect')
                return argKind === 'object' ? 'stack' : argKind;
            if (method === 'format')
                return stringified(argKind);
            return undefined;
        }
        if (callee.type !== 'Identifier')
            return undefined;
        if (callee.name === 'String')
            return stringified(argKind);
        if (callee.name === 'inspect')
            return argKind === 'object' ? 'stack' : argKind;
        return callee.name === 'format' ? stringified(argKind) : undefined;
    }
    /** A local variable: what its declaration and assignments in this scope carry, unless one is environment-dependent. */
    variable(node, depth) {
        const binding = lookup(this.module.index, node.name, node);
        if (binding?.kind !== 'var' || !isInside(this.module, binding.declarator, this.scope.handler.fn))
            return undefined;
        const sources = [
            ...(binding.init ? [{ node: binding.init, path: binding.path }] : []),
            ...(this.module.index.assignments.get(node.name) ?? [])
                .filter((a) => isInside(this.module, a, this.scope.handler.fn))
                .map((a) => ({ node: a, path: [] }))
        ];
        if (sources.some((s) => envSideOf(s.node, this.module, this.scope.handler.fn) !== undefined))
            return undefined;
        // Fields deleted or set under an environment test were chosen per environment; the others go out everywhere.
        const perEnv = this.fieldsChangedPerEnv(node);
        const writes = this.memberWrites(node);
        const init = binding.init && unwrap(binding.init);
        if (init?.type === 'ObjectExpression')
            this.omitted.set(init, new Set([...writes.deleted, ...perEnv]));
        return max(...sources.map((s) => follow(this.classify(s.node, depth + 1), s.path)), ...writes.added.map((value) => this.classify(value, depth + 1)));
    }
    /**
     * The fields of a local deleted or set under an environment test (`delete response.stack`,
     * `response.stack = err.stack`): what they carry was chosen per environment.
     */
    fieldsChangedPerEnv(id) {
        const binding = lookup(this.module.index, id.name, id);
        const fields = new Set();
        (0,javascript/* walk */.GG)(this.scope.handler.fn.body, (n) => {
            const target = n.type === 'UnaryExpression' && n.operator === 'delete' ? n.argument : n.type === 'AssignmentExpression' ? n.left : undefined;
            if (!target || (target.type !== 'MemberExpression' && target.type !== 'OptionalMemberExpression'))
                return;
            const object = unwrap(target.object);
            if (object.type !== 'Identifier' || object.name !== id.name || lookup(this.module.index, object.name, object) !== binding)
                return;
            const field = propertyName(target);
            if (field && envSideOf(n, this.module, this.scope.handler.fn) !== undefined)
                fields.add(field);
        });
        return fields;
    }
    /**
     * Outside any environment test: the fields a local's object loses for good (`delete response.stack`)
     * and the values it gains (`body.detail = err.message`).
     */
    memberWrites(id) {
        const binding = lookup(this.module.index, id.name, id);
        const deleted = new Set();
        const added = [];
        (0,javascript/* walk */.GG)(this.scope.handler.fn.body, (n) => {
            const deletion = n.type === 'UnaryExpression' && n.operator === 'delete';
            const target = deletion ? n.argument : n.type === 'AssignmentExpression' && n.operator === '=' ? n.left : undefined;
            if (target?.type !== 'MemberExpression')
                return;
            const object = unwrap(target.object);
            if (object.type !== 'Identifier' || lookup(this.module.index, object.name, object) !== binding)
                return;
            if (envSideOf(n, this.module, this.scope.handler.fn) !== undefined)
                return;
            const field = propertyName(target);
            if (deletion && field)
                deleted.add(field);
            if (n.type === 'AssignmentExpression')
                added.push(n.right);
        });
        return { deleted, added };
    }
    /** Whether the send sits where the error is a known kind: `if (err.status)`, `if (err instanceof HttpError)`. */
    isTypeChecked(send) {
        let child = send;
        for (let parent = this.module.index.parents.get(send); parent && child !== this.scope.scope; child = parent, parent = this.module.index.parents.get(parent)) {
            if (parent.type !== 'IfStatement' && parent.type !== 'ConditionalExpression')
                continue;
            const known = this.knownBranch(parent.test);
            if ((known === 'consequent' && child === parent.consequent) || (known === 'alternate' && child === parent.alternate))
                return true;
        }
        return false;
    }
    /**
     * The branch of a test on the error's kind where the error is a known, client-facing one:
     * `err.isOperational ? ...`, `statusCode < 500 ? ...` (the consequent), `statusCode >= 500 ? ...`
     * (the alternate); undefined when the test does not read the error's kind.
     */
    knownBranch(test) {
        if (!this.readsType(test))
            return undefined;
        return isServerErrorTest(test) ? 'alternate' : 'consequent';
    }
    readsType(test) {
        let found = false;
        (0,javascript/* walk */.GG)(test, (n) => {
            if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') &&
                TYPE_PROPERTIES.has(propertyName(n) ?? '') &&
                this.isError(unwrap(n.object)))
                found = true;
            if (n.type === 'BinaryExpression' && n.operator === 'instanceof' && this.isError(unwrap(n.left)))
                found = true;
            if (n.type === 'Identifier' && this.isTypeVariable(n))
                found = true;
        });
        return found;
    }
    /** `const statusCode = err.statusCode || 500`, `const { status } = err`: a local holding the error's kind. */
    isTypeVariable(node) {
        const binding = lookup(this.module.index, node.name, node);
        if (binding?.kind !== 'var' || !binding.init || !isInside(this.module, binding.declarator, this.scope.handler.fn))
            return false;
        const init = unwrap(binding.init);
        if (binding.path.length > 0)
            return this.isError(init) && TYPE_PROPERTIES.has(String(binding.path[0]));
        let found = false;
        (0,javascript/* walk */.GG)(init, (n) => {
            if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && TYPE_PROPERTIES.has(propertyName(n) ?? ''))
                found ||= this.isError(unwrap(n.object));
        });
        return found;
    }
    /** The node inside `expression` that carries `kind` into the response: `stack: err.stack`, not the whole body. */
    carrier(expression, kind, depth = 0) {
        const node = unwrap(expression);
        if (depth > error_flow_MAX_DEPTH || this.classify(node) !== kind)
            return undefined;
        const inner = (n) => (n ? this.carrier(n, kind, depth + 1) : undefined);
        switch (node.type) {
            case 'ObjectExpression':
                for (const p of node.properties) {
                    const value = p.type === 'ObjectProperty' ? p.value : p.type === 'SpreadElement' ? p.argument : undefined;
                    const found = inner(value);
                    if (found)
                        return p.type === 'ObjectProperty' && unwrap(p.value) === found ? p : found;
                }
                return node;
            case 'ArrayExpression':
                return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? inner(e) : undefined)).find(Boolean) ?? node;
            case 'ConditionalExpression':
                return inner(node.consequent) ?? inner(node.alternate) ?? node;
            case 'LogicalExpression':
                return inner(node.left) ?? inner(node.right) ?? node;
            case 'Identifier': {
                const binding = this.isError(node) ? undefined : lookup(this.module.index, node.name, node);
                const init = binding?.kind === 'var' && binding.path.length === 0 ? binding.init : undefined;
                if (binding?.kind !== 'var')
                    return node;
                const added = this.memberWrites(node).added.find((value) => inner(value));
                return ((init && isInside(this.module, init, this.scope.handler.fn) && inner(init)) ||
                    (added && this.module.index.parents.get(added)) ||
                    node);
            }
            default:
                return node;
        }
    }
}
/** `status >= 500`, `statusCode > 499`, `err.status === 500`: true for server errors, whose messages are internal. */
function isServerErrorTest(test) {
    const t = unwrapExpression(test);
    if (t.type !== 'BinaryExpression')
        return false;
    const right = unwrapExpression(t.right);
    const bound = right.type === 'NumericLiteral' ? right.value : undefined;
    if (bound === undefined)
        return false;
    if (t.operator === '>=')
        return bound >= 500;
    if (t.operator === '>')
        return bound >= 499;
    return ['===', '=='].includes(t.operator) && bound >= 500;
}
function error_flow_propertyKey(property) {
    if (property.computed)
        return property.key.type === 'StringLiteral' ? property.key.value : undefined;
    return property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined;
}
function bindingNode(binding) {
    return binding.kind === 'var' ? binding.declarator : binding.node;
}
/** `const { message } = err`: the error object followed by a destructuring path. */
function follow(kind, path) {
    if (path.length === 0 || kind !== 'object')
        return path.length === 0 ? kind : undefined;
    return path.length === 1 ? (path[0] === 'stack' ? 'stack' : path[0] === 'message' ? 'message' : undefined) : undefined;
}
/** The places an error is in scope in a handler: its error parameter, `catch (err)` blocks, `.catch(err => ...)` callbacks. */
function errorScopes(handler) {
    const scopes = [];
    const [first] = handler.fn.params;
    if (handler.errorHandler && first?.type === 'Identifier')
        scopes.push({ handler, scope: handler.fn, name: first.name, fn: handler.fn });
    if (handler.errorHandler)
        return scopes;
    (0,javascript/* walk */.GG)(handler.fn.body, (node) => {
        if (node.type === 'CatchClause' && node.param?.type === 'Identifier')
            scopes.push({ handler, scope: node, name: node.param.name });
        if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression')
            return;
        const method = propertyName(node.callee);
        const callback = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined;
        if (callback && isFunction(callback)) {
            const param = callback.params[0];
            if (param?.type === 'Identifier')
                scopes.push({ handler, scope: callback, name: param.name, fn: callback });
        }
    });
    return scopes;
}
/**
 * Responses that send an error's stack, the error object or its message, outside a `NODE_ENV` test.
 * A message or object sent where the error was checked to be a known kind (`err.status`,
 * `instanceof`) is meant for the client; a stack never is.
 */
function errorLeaks(scope) {
    const flow = new ErrorFlow(scope);
    const body = scope.scope.type === 'CatchClause' ? scope.scope.body : scope.scope;
    const leaks = [];
    for (const send of responseSends(scope.handler, body)) {
        const kind = max(...send.body.map((arg) => flow.classify(arg)));
        if (!kind || isEnvGuarded(send.call, scope.handler.module, scope.handler.fn))
            continue;
        if (kind !== 'stack' && flow.isTypeChecked(send.call))
            continue;
        const node = send.body.map((arg) => flow.carrier(arg, kind)).find(Boolean) ?? send.call;
        leaks.push({ send, kind, scope, node });
    }
    return leaks;
}

;// CONCATENATED MODULE: ./src/model/debug-error-pages.ts

/** Error middleware from a package that answers with the stack trace: `errorhandler()`, `strongErrorHandler({ debug: true })`. */
function showsStacks(express, handler) {
    if (handler.kind !== 'middleware' || handler.export.length > 0)
        return false;
    if (handler.package === 'errorhandler')
        return true;
    if (handler.package !== 'strong-error-handler' || handler.options?.kind !== 'object')
        return false;
    const debug = express.evaluator.property(handler.options, 'debug');
    return debug.kind === 'literal' && debug.value === true;
}
/**
 * `app.use(errorhandler())` mounted outside a development-only test: the package's page, with the
 * stack trace, answers every error in production too.
 */
function debugErrorMiddleware(express) {
    const uses = [...express.routers.flatMap((r) => r.events.filter((e) => e.type === 'use')), ...express.orphanUses];
    return uses.flatMap((use) => use.handlers
        .filter((h) => showsStacks(express, h))
        .filter(() => !isEnvGuarded(use.site.node, use.site.module))
        .map((h) => ({ site: use.site, package: h.package })));
}

;// CONCATENATED MODULE: ./src/rules/express/error-leak.ts





// The reason's key per leak kind, for the rule tests.
const MESSAGE_ID = { stack: 'stack', object: 'error-object', message: 'error-message' };
const WHAT = {
    stack: 'the stack trace',
    object: 'the error object',
    message: 'the raw error message'
};
function error_leak_describe(leak) {
    const where = locate({ module: leak.scope.handler.module, node: leak.node });
    const place = leak.scope.handler.errorHandler ? 'error handler' : 'route catch block';
    const name = leak.scope.name;
    const fix = leak.kind === 'stack'
        ? `log \`${name}.stack\` server-side and send a generic message; show stacks only under \`if (process.env.NODE_ENV !== 'production')\``
        : `send a generic message (\`res.status(500).json({ error: 'Internal Server Error' })\`) and log \`${name}\` server-side, or guard it with \`process.env.NODE_ENV !== 'production'\``;
    return {
        file: where.file,
        line: where.line,
        column: where.column,
        messageId: MESSAGE_ID[leak.kind],
        message: `${place} sends ${WHAT[leak.kind]} to the client with \`res.${leak.send.method}()\`, leaking internals (paths, queries, library versions): ${fix}`
    };
}
function describeDebugMiddleware({ site, package: name }) {
    const where = locate(site);
    return {
        file: where.file,
        line: where.line,
        column: where.column,
        messageId: 'debug-middleware',
        message: `\`${name}\` is mounted for every environment, so every error answers with its stack trace and message: mount it only under \`if (process.env.NODE_ENV === 'development')\` and end production with a handler that sends a generic message`
    };
}
/**
 * Error handlers (four parameters) and route catch blocks (`catch (err)`, `.catch(err => ...)`) whose
 * response carries the error's stack, the error object or its message, outside a `NODE_ENV` test.
 * Messages of errors checked to be a known kind (`err.status`, `instanceof`) are meant for clients.
 * Also `errorhandler()` (a development error page) mounted outside a development-only test.
 */
/* harmony default export */ const error_leak = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'error-leak',
        severity: 'high',
        category: 'express',
        description: 'An error handler (or route catch) sends `err.stack`, or `err.message`/the error object, without a production guard.',
        fix: "log the error, send a generic message; details only when `NODE_ENV !== 'production'`",
        cwe: 'CWE-209',
        messages: {
            stack: 'a response sends the error stack trace',
            'error-object': 'a response sends the error object',
            'error-message': 'a response sends the raw error message',
            'debug-middleware': '`errorhandler()` (a stack-trace error page) mounted outside a development-only test'
        }
    },
    needs: 'source',
    check({ express }) {
        const seen = new Set();
        return handlers_handlerFunctions(express)
            .flatMap(errorScopes)
            .flatMap(errorLeaks)
            .filter((leak) => !seen.has(leak.send.call) && seen.add(leak.send.call))
            .map(error_leak_describe)
            .concat(debugErrorMiddleware(express).map(describeDebugMiddleware));
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/error-handler-missing.ts



/** Error middleware registered only outside production (`if (env === 'development')`) handles nothing in production. */
function productionErrorMiddleware(express, handler, event) {
    const answer = isErrorMiddleware(express, handler);
    if (answer !== 'yes')
        return answer;
    return envSideOf(event.site.node, event.site.module) === 'development' ? 'no' : 'yes';
}
/** Enclosing function (or module) of an event: events in the same one run in the order written. */
function scopeOf(express, event) {
    return express.enclosingFunction(event.site) ?? event.site.module;
}
/**
 * Routes after error middleware leave the app open, unless the two were registered in different
 * functions: a setup function called from a callback (`connect().then(() => configure(app))`) may
 * run after code written below it, so the order is not certain.
 */
function reopen(express, walk, event) {
    if (walk.state !== 'handled' || !walk.errorEvent)
        return 'open';
    return scopeOf(express, walk.errorEvent) === scopeOf(express, event) ? 'open' : 'unknown';
}
function afterHandler(express, walk, handler, event, seen) {
    const error = productionErrorMiddleware(express, handler, event);
    if (error === 'yes') {
        if (walk.state !== 'none')
            walk.state = 'handled';
        walk.errorEvent = event;
        return;
    }
    const routers = mountedRouters(express, handler);
    if (routers === undefined || error === 'unknown') {
        if (walk.state === 'open' || walk.state === 'handled')
            walk.state = 'unknown';
        return;
    }
    for (const router of routers) {
        const inner = walkRouter(express, router, seen);
        // A router's own final error middleware handles its routes; otherwise they fall through to the app's.
        if (inner === 'open')
            walk.state = reopen(express, walk, event);
        else if (inner === 'unknown' && walk.state !== 'open')
            walk.state = 'unknown';
    }
}
function walkRouter(express, router, seen) {
    if (seen.has(router))
        return 'unknown';
    seen.add(router);
    const walk = { state: 'none' };
    for (const event of router.events) {
        if (event.type === 'route')
            walk.state = reopen(express, walk, event);
        else if (event.type === 'use')
            for (const handler of event.handlers)
                afterHandler(express, walk, handler, event, seen);
    }
    seen.delete(router);
    return walk.state;
}
function error_handler_missing_checkApp(express, app) {
    if (walkRouter(express, app, new Set()) !== 'open')
        return [];
    const name = app.variable ? `Express app '${app.variable}'` : 'Express app';
    return [
        {
            file: app.file,
            line: app.line,
            column: app.column,
            messageId: 'no-error-handler',
            message: `${name} has routes but no error-handling middleware after them, so errors reach Express's default handler (stack traces unless NODE_ENV=production): end with \`app.use((err, req, res, next) => { log(err); res.status(500).json({ error: 'Internal Server Error' }) })\``
        }
    ];
}
/**
 * Per app that is not mounted into another: some route (its own, or a mounted router's without a
 * final error handler of its own) with no four-argument error middleware registered after it.
 * Unreadable handlers after the routes (they may be error middleware) and error middleware on
 * receivers the model cannot tie to an app give no finding.
 */
/* harmony default export */ const error_handler_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'error-handler-missing',
        severity: 'low',
        category: 'express',
        description: 'An Express app with routes but no final four-argument error middleware.',
        fix: '`app.use((err, req, res, next) => ...)` after all routes, sending a generic message',
        cwe: 'CWE-209',
        messages: {
            'no-error-handler': 'an app with routes and no production error middleware after them'
        }
    },
    needs: 'source',
    check({ express }) {
        if (express.orphanUses.some((u) => u.handlers.some((h) => isErrorMiddleware(express, h) === 'yes')))
            return [];
        return express.apps.flatMap((app) => error_handler_missing_checkApp(express, app));
    }
}));

;// CONCATENATED MODULE: ./src/model/body-parsers.ts


const PARSER_EXPORTS = new Set(['json', 'urlencoded', 'raw', 'text']);
const UNIT = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };
/** The `bytes` package's format, which body-parser uses: `'100kb'`, `'1.5MB'`, `'1048576'`. */
const BYTES = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|pb)?\s*$/i;
const body_parsers_MAX_DEPTH = 8;
function parserKind(call) {
    const [name] = call.path;
    if (call.package === 'express' && call.path.length === 1 && name && PARSER_EXPORTS.has(name))
        return { label: `express.${name}()`, upload: false };
    if (call.package === 'body-parser') {
        if (call.path.length === 0)
            return { label: 'bodyParser()', upload: false };
        if (call.path.length === 1 && name && PARSER_EXPORTS.has(name))
            return { label: `bodyParser.${name}()`, upload: false };
    }
    if (call.path.length === 0 && call.package === 'express-fileupload')
        return { label: 'fileUpload()', upload: true };
    if (call.path.length === 0 && call.package === 'multer')
        return { label: 'multer()', upload: true };
    return undefined;
}
/** Body-parser's reading of a limit: a number of bytes or a `bytes` string. */
function parseBytes(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? value : undefined;
    const match = BYTES.exec(value);
    if (!match?.[1])
        return undefined;
    return Math.floor(Number(match[1]) * (UNIT[(match[2] ?? 'b').toLowerCase()] ?? 1));
}
/** `10 * 1024 * 1024`: numbers the evaluator leaves unknown, folded here. */
function foldNumber(express, node, site, depth = 0) {
    if (depth > body_parsers_MAX_DEPTH)
        return undefined;
    if (node.type === 'NumericLiteral')
        return node.value;
    if (node.type === 'ParenthesizedExpression')
        return foldNumber(express, node.expression, site, depth + 1);
    if (node.type === 'Identifier') {
        const value = express.evaluate(node, site.module);
        if (value.kind === 'literal' && typeof value.value === 'number')
            return value.value;
        return value.at && value.at.node !== node ? foldNumber(express, value.at.node, value.at, depth + 1) : undefined;
    }
    if (node.type !== 'BinaryExpression')
        return undefined;
    const left = foldNumber(express, node.left, site, depth + 1);
    const right = foldNumber(express, node.right, site, depth + 1);
    if (left === undefined || right === undefined)
        return undefined;
    switch (node.operator) {
        case '*':
            return left * right;
        case '+':
            return left + right;
        case '-':
            return left - right;
        case '/':
            return right === 0 ? undefined : left / right;
        case '**':
            return left ** right;
        default:
            return undefined;
    }
}
function readLimit(express, value) {
    const values = [];
    for (const branch of branches(value)) {
        if (branch.kind === 'absent' || (branch.kind === 'literal' && branch.value === undefined))
            return { kind: 'absent' };
        if (branch.kind === 'env')
            continue; // set by the deployment: not the code's default
        const site = branch.at;
        if (!site)
            continue;
        const raw = branch.kind === 'literal' && (typeof branch.value === 'string' || typeof branch.value === 'number')
            ? branch.value
            : foldNumber(express, site.node, site);
        const bytes = raw === undefined ? undefined : parseBytes(raw);
        if (bytes !== undefined && raw !== undefined)
            values.push({ bytes, text: typeof raw === 'string' ? raw : String(raw), site });
    }
    return values.length > 0 ? { kind: 'known', values } : { kind: 'unknown' };
}
function limitOf(express, options, upload) {
    if (!options || options.kind === 'absent' || (options.kind === 'literal' && options.value === undefined))
        return { kind: 'absent' };
    if (options.kind !== 'object')
        return { kind: 'unknown' };
    if (!upload)
        return readLimit(express, express.evaluator.property(options, 'limit'));
    const limits = express.evaluator.property(options, 'limits');
    if (limits.kind === 'absent')
        return { kind: 'absent' };
    return limits.kind === 'object' ? readLimit(express, express.evaluator.property(limits, 'fileSize')) : { kind: 'unknown' };
}
/** Every body parser and upload middleware the app creates, with its limit. */
function bodyParsers(express) {
    return packageCalls(express).flatMap((call) => {
        const kind = parserKind(call);
        return kind ? [{ call, ...kind, limit: limitOf(express, call.options, kind.upload) }] : [];
    });
}

;// CONCATENATED MODULE: ./src/rules/express/body-limit-missing.ts



function body_limit_missing_listed(labels) {
    return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}
/** The parser's position, to report a group at its first parser. */
function position(parser) {
    const { file, line, column } = locate(parser.call.site);
    return [file, line, column];
}
function byPosition(a, b) {
    const [fa, la, ca] = position(a);
    const [fb, lb, cb] = position(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
}
/**
 * Parsers left at the 100kb default, grouped by the app that uses them (its own and its routers'
 * middleware), the app's own file's first; a parser no app is seen using is grouped with the
 * others created in its file.
 */
function groupsByApp(express, parsers) {
    const used = new Set();
    const byNode = new Map(parsers.map((p) => [p.call.site.node, p]));
    const groups = [];
    // Apps mounted into another are part of it: their parsers are named with the app that serves them.
    for (const app of express.apps) {
        const own = new Set();
        for (const { handler } of express.middlewareOf(app)) {
            const parser = byNode.get(handler.site.node);
            if (parser)
                own.add(parser);
        }
        const inAppFile = (p) => (locate(p.call.site).file === app.file ? 0 : 1);
        if (own.size > 0)
            groups.push([...own].sort((a, b) => inAppFile(a) - inAppFile(b) || byPosition(a, b)));
        for (const parser of own)
            used.add(parser);
    }
    const byFile = new Map();
    for (const parser of parsers.filter((p) => !used.has(p))) {
        const file = locate(parser.call.site).file;
        byFile.set(file, [...(byFile.get(file) ?? []), parser]);
    }
    return [...groups, ...[...byFile.values()].map((group) => group.sort(byPosition))];
}
function defaultLimitFinding(group) {
    const first = group[0];
    if (!first)
        return undefined;
    const labels = [...new Set(group.map((p) => p.label))];
    const verb = labels.length === 1 && group.length === 1 ? 'uses' : 'use';
    return {
        ...locate(first.call.site),
        messageId: 'no-limit',
        message: `${body_limit_missing_listed(labels)} ${verb} the default 100kb limit implicitly: state it, e.g. \`${labels[0]?.replace(/\(\)$/, '')}({ limit: '100kb' })\`, so a later change is a visible decision`
    };
}
/**
 * Body parsers (express.json/urlencoded/raw/text, body-parser) created without a `limit`: one
 * finding per app, at its first such parser, naming them all (the gap is the app's implicit
 * default, not each call). Each upload middleware (express-fileupload, multer) without
 * `limits.fileSize` is unbounded, and reported where it is created.
 */
/* harmony default export */ const body_limit_missing = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'body-limit-missing',
        severity: 'low',
        category: 'express',
        description: 'A body parser without an explicit `limit` (or an upload middleware without `limits.fileSize`).',
        fix: "`express.json({ limit: '100kb' })`; uploads: `limits: { fileSize }`",
        cwe: 'CWE-770',
        messages: {
            'no-limit': "an app's body parsers without an explicit limit (they rely on the 100kb default), one finding per app",
            'upload-no-limit': 'an upload middleware without limits.fileSize'
        }
    },
    needs: 'source',
    check({ express }) {
        const absent = bodyParsers(express).filter((parser) => parser.limit.kind === 'absent');
        const uploads = absent
            .filter((parser) => parser.upload)
            .map((parser) => ({
            ...locate(parser.call.site),
            messageId: 'upload-no-limit',
            message: `${parser.label} accepts uploads of any size, buffered in memory or on disk: set \`limits: { fileSize: 5 * 1024 * 1024 }\` to what the app needs`
        }));
        const parsers = groupsByApp(express, absent.filter((parser) => !parser.upload)).flatMap((group) => defaultLimitFinding(group) ?? []);
        return [...parsers, ...uploads];
    }
}));

;// CONCATENATED MODULE: ./src/rules/express/body-limit-large.ts



const ONE_MB = 1024 * 1024;
/**
 * Where the finding points: the limit where it is written when that is in the call or in another
 * module (a config file), the parser call when the limit is a default set earlier in the same file.
 */
function body_limit_large_anchor(parser, site) {
    const call = parser.call.site;
    const inside = (site.node.start ?? 0) >= (call.node.start ?? 0) && (site.node.end ?? 0) <= (call.node.end ?? 0);
    if (site.module !== call.module || inside)
        return { where: locate(site), note: '' };
    return { where: locate(call), note: ` (set at line ${locate(site).line})` };
}
function findings(parser) {
    if (parser.upload || parser.limit.kind !== 'known')
        return [];
    return parser.limit.values
        .filter((v) => v.bytes > ONE_MB)
        .map((v) => ({ v, ...body_limit_large_anchor(parser, v.site) }))
        .map(({ v, where, note }) => ({
        ...where,
        messageId: 'limit-too-large',
        message: `${parser.label} accepts bodies up to \`${v.text}\`${note}, so a few concurrent requests can exhaust memory and CPU while parsing: keep \`limit\` at 1mb or less (e.g. \`'100kb'\`), and raise it only on the route that needs it`
    }));
}
/**
 * Each body parser whose `limit` is above 1 MB (body-parser's units: `'10mb'`, `'1000kb'`, bytes as
 * a number), pointing at where the limit is written (see anchor). Upload middleware is left out: files are
 * expected to be larger than JSON or form bodies.
 */
/* harmony default export */ const body_limit_large = ((0,rule/* defineRule */.Km)({
    meta: {
        id: 'body-limit-large',
        severity: 'moderate',
        category: 'express',
        description: 'A body parser `limit` above 1 MB.',
        fix: "`limit: '100kb'` (at most `'1mb'`), larger only on the route that needs it",
        cwe: 'CWE-770',
        messages: {
            'limit-too-large': 'a body parser limit above 1 MB'
        }
    },
    needs: 'source',
    check({ express }) {
        return bodyParsers(express).flatMap(findings);
    }
}));

// EXTERNAL MODULE: ./src/rules/catalog.ts + 1 modules
var catalog = __webpack_require__(693);
;// CONCATENATED MODULE: ./src/rules/registry.ts







































/** Every implemented rule; the catalog test checks each has docs and tests. */
const RULES = [
    helmet_missing,
    rate_limit_missing,
    rate_limit_auth_missing,
    rate_limit_memory_store,
    rate_limit_bypassable,
    cors_wildcard_credentials,
    cors_permissive,
    session_secret_hardcoded,
    session_cookie_name_default,
    session_resave,
    session_save_uninitialized,
    session_cookie_insecure,
    session_memory_store,
    proxy_trust_missing,
    validation_missing,
    prototype_pollution,
    csp_weak,
    x_powered_by,
    error_leak,
    error_handler_missing,
    body_limit_missing,
    body_limit_large,
    hardcoded_secret,
    env_file_committed,
    docker_root_user,
    docker_unpinned_base,
    docker_eol_node,
    docker_npm_install,
    docker_non_slim_base,
    docker_dotenv_copied,
    docker_secret_env,
    docker_node_env,
    proxy_no_tls,
    proxy_body_size,
    proxy_server_tokens,
    proxy_timeouts,
    lockfile_missing,
    engines_eol_node,
    suppression_without_reason
];

function findRule(id) {
    return RULES.find((r) => r.meta.id === id);
}

// EXTERNAL MODULE: ./src/scan/documents.ts + 7 modules
var documents = __webpack_require__(7906);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/parse/jsonc.ts
// JSON with comments and trailing commas, as tsconfig.json, jsconfig.json and .babelrc are written.
// A tokenizer, not a regex: `//` or `/*` inside a string is text, and so is a comma before `}` in one.
/** The value of a JSONC text; undefined when it is not JSON once comments and trailing commas are gone. */
function parseJsonc(text) {
    const json = stripJsonc(text.replace(/^\uFEFF/, ''));
    if (json === undefined)
        return undefined;
    try {
        return JSON.parse(json);
    }
    catch {
        return undefined;
    }
}
/** The text as plain JSON: comments become white space, and commas before `}` or `]` go. */
function stripJsonc(text) {
    let out = '';
    /** Where in `out` a comma waits to learn whether a value or a closing bracket follows it. */
    let pendingComma = -1;
    /** The last character of `out` that is no white space. */
    let last = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            const end = stringEnd(text, i);
            if (end === undefined)
                return undefined;
            pendingComma = -1;
            out += text.slice(i, end);
            last = '"';
            i = end;
        }
        else if (c === '/' && text[i + 1] === '/') {
            const end = text.indexOf('\n', i);
            i = end < 0 ? text.length : end;
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            if (end < 0)
                return undefined;
            out += ' ';
            i = end + 2;
        }
        else if (c === ',') {
            // Only a comma after a value may trail: `[,]` stays invalid.
            pendingComma = last === '[' || last === '{' || last === ',' ? -1 : out.length;
            out += c;
            last = c;
            i += 1;
        }
        else if (c === '}' || c === ']') {
            if (pendingComma >= 0)
                out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}`;
            pendingComma = -1;
            out += c;
            last = c;
            i += 1;
        }
        else {
            if (!/\s/.test(c)) {
                pendingComma = -1;
                last = c;
            }
            out += c;
            i += 1;
        }
    }
    return out;
}
/** The index just past the string that opens at `start`, or undefined when it never closes. */
function stringEnd(text, start) {
    for (let i = start + 1; i < text.length; i += 1) {
        const c = text[i];
        if (c === '\\')
            i += 1;
        else if (c === '"')
            return i + 1;
        else if (c === '\n')
            return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/parse/static-exports.ts
// What a JavaScript config file (babel.config.js, .babelrc.js) exports, read as data: the scan never
// runs a scanned project's code, so only what is written literally counts.

const static_exports_MAX_DEPTH = 32;
/**
 * The plain value of `module.exports = …` or `export default …`: literals, objects, arrays, names of
 * top-level constants, `require.resolve('x')` as `'x'`, and a function's returned object
 * (`module.exports = (api) => { api.cache(true); return {…} }`). Whatever else is undefined.
 */
function readStaticExports(text) {
    const parsed = (0,javascript/* parseJavaScript */.pL)(text);
    if (!parsed.ok)
        return undefined;
    const body = parsed.ast.program.body;
    let exported;
    for (const statement of body) {
        if (statement.type === 'ExportDefaultDeclaration')
            exported = statement.declaration;
        else if (statement.type === 'ExpressionStatement' && isModuleExportsAssignment(statement.expression))
            exported = statement.expression.right;
    }
    return exported === undefined ? undefined : static_exports_valueOf(exported, bindingsOf(body, new Map()), 0);
}
function isModuleExportsAssignment(node) {
    if (node.type !== 'AssignmentExpression' || node.operator !== '=')
        return false;
    const left = node.left;
    return (left.type === 'MemberExpression' &&
        left.object.type === 'Identifier' &&
        left.object.name === 'module' &&
        !left.computed &&
        left.property.type === 'Identifier' &&
        left.property.name === 'exports');
}
/** The `const name = …` declarations among statements, over the enclosing ones. */
function bindingsOf(statements, outer) {
    const bindings = new Map(outer);
    for (const statement of statements) {
        if (statement.type !== 'VariableDeclaration')
            continue;
        for (const d of statement.declarations)
            if (d.id.type === 'Identifier' && d.init)
                bindings.set(d.id.name, d.init);
    }
    return bindings;
}
function static_exports_keyOf(property) {
    const key = property.key;
    if (!property.computed && key.type === 'Identifier')
        return key.name;
    if (key.type === 'StringLiteral')
        return key.value;
    if (key.type === 'NumericLiteral')
        return String(key.value);
    return undefined;
}
function objectOf(node, bindings, depth) {
    const object = {};
    for (const property of node.properties) {
        if (property.type === 'SpreadElement') {
            const spread = static_exports_valueOf(property.argument, bindings, depth + 1);
            if (spread !== null && typeof spread === 'object' && !Array.isArray(spread))
                Object.assign(object, spread);
        }
        else if (property.type === 'ObjectProperty') {
            const key = static_exports_keyOf(property);
            if (key !== undefined && key !== '__proto__')
                object[key] = static_exports_valueOf(property.value, bindings, depth + 1);
        }
    }
    return object;
}
function returnedBy(fn, bindings, depth) {
    if (fn.body.type !== 'BlockStatement')
        return static_exports_valueOf(fn.body, bindings, depth + 1);
    const statements = fn.body.body;
    const returns = statements.filter((s) => s.type === 'ReturnStatement');
    const last = returns.at(-1);
    return last?.type === 'ReturnStatement' && last.argument ? static_exports_valueOf(last.argument, bindingsOf(statements, bindings), depth + 1) : undefined;
}
function static_exports_valueOf(node, bindings, depth) {
    if (depth > static_exports_MAX_DEPTH)
        return undefined;
    switch (node.type) {
        case 'StringLiteral':
        case 'NumericLiteral':
        case 'BooleanLiteral':
            return node.value;
        case 'NullLiteral':
            return null;
        case 'TemplateLiteral':
            return node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined;
        case 'ObjectExpression':
            return objectOf(node, bindings, depth);
        case 'ArrayExpression':
            return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? static_exports_valueOf(e, bindings, depth + 1) : undefined));
        case 'Identifier': {
            const bound = bindings.get(node.name);
            return bound ? static_exports_valueOf(bound, bindings, depth + 1) : undefined;
        }
        case 'CallExpression':
            return requireResolved(node);
        case 'ArrowFunctionExpression':
        case 'FunctionExpression':
        case 'FunctionDeclaration':
            return returnedBy(node, bindings, depth);
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
            return static_exports_valueOf(node.expression, bindings, depth + 1);
        default:
            return undefined;
    }
}
/** `require.resolve('babel-plugin-module-resolver')` names the package it resolves. */
function requireResolved(node) {
    const callee = node.callee;
    const first = node.arguments[0];
    const isRequireResolve = callee.type === 'MemberExpression' &&
        callee.object.type === 'Identifier' &&
        callee.object.name === 'require' &&
        callee.property.type === 'Identifier' &&
        callee.property.name === 'resolve';
    return isRequireResolve && first?.type === 'StringLiteral' ? first.value : undefined;
}

;// CONCATENATED MODULE: ./src/scan/import-aliases.ts
// Where a project's build setup sends a bare import (`@/routes/users`, `services/user`,
// `middleware/auth`) into its own code: TypeScript's `paths` and `baseUrl`, Babel's module-resolver,
// and requires written from the package root (NODE_PATH=., rootpath, app-module-path). Config files
// are read as data, only under the scanned root; one that cannot be read or parsed counts as absent.







const MAX_CONFIG_BYTES = 1_000_000;
/** Configs extending configs: deeper chains than any real setup are cut, not followed into a stack overflow. */
const MAX_EXTENDS_DEPTH = 64;
const TS_CONFIGS = ['tsconfig.json', 'jsconfig.json'];
const BABEL_CONFIGS = [
    '.babelrc',
    '.babelrc.json',
    '.babelrc.js',
    '.babelrc.cjs',
    '.babelrc.mjs',
    'babel.config.json',
    'babel.config.js',
    'babel.config.cjs',
    'babel.config.mjs'
];
const RESOLVER_PLUGINS = new Set(['module-resolver', 'babel-plugin-module-resolver']);
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function import_aliases_isInside(path) {
    return path !== '..' && !path.startsWith('../') && !external_node_path_.posix.isAbsolute(path);
}
function import_aliases_parentOf(dir) {
    return dir === '.' ? undefined : external_node_path_.posix.dirname(dir);
}
/** The scanned root's files, each looked at once; paths are root-relative with `/`, and nothing outside the root is read. */
class RootFiles {
    root;
    kinds = new Map();
    values = new Map();
    constructor(root) {
        this.root = root;
    }
    kind(path) {
        if (!this.kinds.has(path)) {
            let kind;
            try {
                const stat = import_aliases_isInside(path) ? (0,external_node_fs_.statSync)((0,external_node_path_.resolve)(this.root, path)) : undefined;
                kind = stat?.isFile() ? 'file' : stat?.isDirectory() ? 'dir' : undefined;
            }
            catch {
                kind = undefined;
            }
            this.kinds.set(path, kind);
        }
        return this.kinds.get(path);
    }
    isFile(path) {
        return this.kind(path) === 'file';
    }
    isDirectory(path) {
        return this.kind(path) === 'dir';
    }
    /** A config file's value: JSONC, or for a script what it exports literally; undefined when unreadable. */
    config(path) {
        if (!this.values.has(path))
            this.values.set(path, this.readConfig(path));
        return this.values.get(path);
    }
    readConfig(path) {
        if (!this.isFile(path))
            return undefined;
        try {
            const file = (0,external_node_path_.resolve)(this.root, path);
            if ((0,external_node_fs_.statSync)(file).size > MAX_CONFIG_BYTES)
                return undefined;
            const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
            return (0,javascript/* isScriptName */.xs)(path) ? readStaticExports(text) : parseJsonc(text);
        }
        catch {
            return undefined;
        }
    }
}
/** The first existing module a root-relative path names; one inside node_modules is that package. */
function moduleOnDisk(files, base) {
    const path = resolveRelative(`./${base}`, 'index.js', (p) => files.isFile(p));
    if (path === undefined || !(0,javascript/* isScriptName */.xs)(path))
        return undefined;
    const segments = path.split('/');
    const nm = segments.lastIndexOf('node_modules');
    return nm < 0 ? { path } : { package: packageName(segments.slice(nm + 1).join('/')) };
}
function stringsOf(value) {
    if (typeof value === 'string')
        return [value];
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}
// ---- tsconfig.json / jsconfig.json -------------------------------------------------------------
/** The config file an `extends` entry names: a path, or a package's config in a node_modules above. */
function extendedConfig(files, spec, dir) {
    if (external_node_path_.posix.isAbsolute(spec))
        return undefined;
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
        const path = external_node_path_.posix.join(dir, spec);
        return [path, `${path}.json`].find((p) => files.isFile(p));
    }
    for (let d = dir; d !== undefined; d = import_aliases_parentOf(d)) {
        const base = external_node_path_.posix.join(d, 'node_modules', spec);
        if (files.isFile(base))
            return base;
        if (files.isFile(`${base}.json`))
            return `${base}.json`;
        if (!files.isDirectory(base))
            continue;
        const field = files.config(`${base}/package.json`)?.tsconfig;
        const path = typeof field === 'string' ? external_node_path_.posix.join(base, field) : `${base}/tsconfig.json`;
        return files.isFile(path) ? path : undefined;
    }
    return undefined;
}
/** `baseUrl` and `paths` of a config, over those of the configs it extends (later ones win); cycles and endless chains cut. */
function readTsPathOptions(files, file, open = new Set()) {
    const config = files.config(file);
    if (!isObject(config) || open.has(file) || open.size >= MAX_EXTENDS_DEPTH)
        return undefined;
    open.add(file);
    const dir = external_node_path_.posix.dirname(file);
    let options = {};
    for (const spec of stringsOf(config.extends)) {
        const base = extendedConfig(files, spec, dir);
        const inherited = base === undefined ? undefined : readTsPathOptions(files, base, open);
        if (inherited)
            options = { ...options, ...inherited };
    }
    open.delete(file);
    const compilerOptions = isObject(config.compilerOptions) ? config.compilerOptions : {};
    const { baseUrl, paths } = compilerOptions;
    if (typeof baseUrl === 'string' && !external_node_path_.posix.isAbsolute(baseUrl))
        options.baseUrl = external_node_path_.posix.join(dir, baseUrl);
    if (isObject(paths)) {
        options.paths = Object.fromEntries(Object.entries(paths).map(([key, targets]) => [key, stringsOf(targets)]));
        options.pathsDir = dir;
    }
    return options;
}
/** The substitutions of the `paths` entry that matches: an exact key, else the `*` pattern with the longest prefix. */
function matchPaths(paths, source) {
    const exact = paths[source];
    if (exact !== undefined && Object.hasOwn(paths, source) && !source.includes('*'))
        return exact;
    let best;
    for (const [key, targets] of Object.entries(paths)) {
        const star = key.indexOf('*');
        if (star < 0 || key.indexOf('*', star + 1) >= 0)
            continue;
        const prefix = key.slice(0, star);
        const suffix = key.slice(star + 1);
        if (source.length < key.length - 1 || !source.startsWith(prefix) || !source.endsWith(suffix))
            continue;
        if (best && best.prefix.length >= prefix.length)
            continue;
        best = { prefix, matched: source.slice(star, source.length - suffix.length), targets };
    }
    return best?.targets.map((t) => t.replace('*', best.matched));
}
/** TypeScript's resolution of a bare import: `paths` substitutions in order, then baseUrl. */
function resolveTsPaths(files, options, source) {
    const substitutions = options.paths ? matchPaths(options.paths, source) : undefined;
    const base = options.baseUrl ?? options.pathsDir ?? '.';
    for (const substitution of substitutions ?? []) {
        const target = moduleOnDisk(files, external_node_path_.posix.join(base, substitution));
        if (target)
            return target;
    }
    return options.baseUrl === undefined ? undefined : moduleOnDisk(files, external_node_path_.posix.join(options.baseUrl, source));
}
// ---- Babel module-resolver ---------------------------------------------------------------------
function resolverEntry(entry) {
    const [name, options] = Array.isArray(entry) ? entry : [entry, {}];
    if (typeof name !== 'string')
        return undefined;
    const plugin = name.replace(/^.*\/node_modules\//, '').replace(/\/(?:lib\/)?index\.js$/, '');
    return RESOLVER_PLUGINS.has(plugin) ? (isObject(options) ? options : {}) : undefined;
}
/** module-resolver's options in a Babel config: its plugins, then those of its `env` and `overrides` blocks. */
function moduleResolverOf(config, dir, packageDir) {
    if (!isObject(config))
        return undefined;
    const blocks = [
        config,
        ...(isObject(config.env) ? Object.values(config.env) : []),
        ...(Array.isArray(config.overrides) ? config.overrides : [])
    ];
    for (const block of blocks) {
        const plugins = isObject(block) && Array.isArray(block.plugins) ? block.plugins : [];
        const options = plugins.map(resolverEntry).find((o) => o !== undefined);
        if (!options)
            continue;
        const named = typeof options.cwd === 'string' && options.cwd !== 'babelrc' && !external_node_path_.posix.isAbsolute(options.cwd) ? options.cwd : undefined;
        const cwd = options.cwd === 'packagejson' ? packageDir : named === undefined ? dir : external_node_path_.posix.join(dir, named);
        const alias = Object.entries(isObject(options.alias) ? options.alias : {})
            .map(([key, value]) => [key, stringsOf(value)[0]])
            .filter((e) => e[1] !== undefined && !e[0].startsWith('^'));
        const roots = stringsOf(options.root).filter((r) => !r.includes('*') && !external_node_path_.posix.isAbsolute(r));
        return { cwd, alias, roots };
    }
    return undefined;
}
/** module-resolver's resolution: an alias (`@/x`, `utils/x`) as written, else the first root holding the module. */
function resolveBabelAlias(files, options, source) {
    for (const [key, value] of options.alias) {
        if (source !== key && !source.startsWith(`${key}/`))
            continue;
        const target = `${value}${source.slice(key.length)}`;
        if (external_node_path_.posix.isAbsolute(target))
            return undefined;
        if (!target.startsWith('.'))
            return { package: packageName(target) };
        const path = external_node_path_.posix.join(options.cwd, target);
        return moduleOnDisk(files, path) ?? { path };
    }
    for (const root of options.roots) {
        const target = moduleOnDisk(files, external_node_path_.posix.join(options.cwd, root, source));
        if (target)
            return target;
    }
    return undefined;
}
// ---- the project's aliases ---------------------------------------------------------------------
function memo(compute) {
    const cache = new Map();
    return (key) => {
        if (!cache.has(key))
            cache.set(key, compute(key));
        return cache.get(key);
    };
}
function isBuiltin(source) {
    return source.startsWith('node:') || external_node_module_.builtinModules.includes(packageName(source));
}
/**
 * Where the project sends a bare import (neither relative nor `#…`) from a file: the nearest
 * tsconfig.json or jsconfig.json, then the nearest Babel config with module-resolver, then the
 * package root for a name that is no dependency. Undefined leaves it a package import.
 */
function projectAliases(root) {
    const files = new RootFiles(root);
    const nearest = (own) => {
        const at = memo((dir) => {
            const parent = import_aliases_parentOf(dir);
            return own(dir) ?? (parent === undefined ? undefined : at(parent));
        });
        return at;
    };
    const manifestDir = nearest((dir) => (files.isFile(external_node_path_.posix.join(dir, 'package.json')) ? dir : undefined));
    const tsOptionsAt = nearest((dir) => {
        const config = TS_CONFIGS.map((name) => external_node_path_.posix.join(dir, name)).find((path) => files.isFile(path));
        return config === undefined ? undefined : (readTsPathOptions(files, config) ?? {});
    });
    const babelAt = nearest((dir) => {
        const packageDir = manifestDir(dir) ?? '.';
        const manifest = files.config(external_node_path_.posix.join(dir, 'package.json'));
        const configs = [...BABEL_CONFIGS.map((name) => files.config(external_node_path_.posix.join(dir, name))), isObject(manifest) ? manifest.babel : undefined];
        return configs.map((config) => moduleResolverOf(config, dir, packageDir)).find((o) => o !== undefined);
    });
    const isDependency = (name, dir) => {
        for (let d = dir; d !== undefined; d = import_aliases_parentOf(d)) {
            if (files.isDirectory(external_node_path_.posix.join(d, 'node_modules', name)))
                return true;
            const manifest = files.config(external_node_path_.posix.join(d, 'package.json'));
            if (isObject(manifest) && DEPENDENCY_FIELDS.some((field) => isObject(manifest[field]) && Object.hasOwn(manifest[field], name)))
                return true;
        }
        return false;
    };
    const fromPackageRoot = (source, dir) => {
        if (source.startsWith('@') || isDependency(packageName(source), dir))
            return undefined;
        const target = moduleOnDisk(files, external_node_path_.posix.join(manifestDir(dir) ?? '.', source));
        return target && 'path' in target ? target : undefined;
    };
    const resolveFrom = (source, dir) => {
        if (isBuiltin(source))
            return undefined;
        const ts = tsOptionsAt(dir);
        const babel = babelAt(dir);
        return (ts && resolveTsPaths(files, ts, source)) ?? (babel && resolveBabelAlias(files, babel, source)) ?? fromPackageRoot(source, dir);
    };
    const cached = memo((key) => {
        const [dir, source] = key.split('\u0000');
        return resolveFrom(source, dir);
    });
    return (source, fromFile) => cached(`${external_node_path_.posix.dirname(fromFile)}\u0000${source}`);
}

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
;// CONCATENATED MODULE: ./src/scan/modules.ts
// The scan's JS/TS modules: read, parsed and indexed once, grouped by package, and modelled.









function readManifest(dir) {
    try {
        const file = (0,external_node_path_.join)(dir, 'package.json');
        if (!(0,external_node_fs_.statSync)(file).isFile())
            return undefined; // a FIFO would block the read forever
        const manifest = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        return manifest !== null && typeof manifest === 'object' ? manifest : undefined;
    }
    catch {
        return undefined;
    }
}
/** Conditions Node matches for a server's `require` or `import`, in the order a map lists them. */
const CONDITIONS = new Set(['node', 'import', 'require', 'default']);
/** A package.json `imports` target as Node picks it: a string, the first matching condition, or the first of an array. */
function pickTarget(target) {
    if (typeof target === 'string')
        return target;
    if (Array.isArray(target))
        return target.map(pickTarget).find((t) => t !== undefined);
    if (target === null || typeof target !== 'object')
        return undefined;
    const key = Object.keys(target).find((k) => CONDITIONS.has(k));
    return key === undefined ? undefined : pickTarget(target[key]);
}
/** `#lib/auth` through a package's `imports`: exact keys first, then one `*` pattern. */
function subpathTarget(imports, source) {
    if (source in imports)
        return pickTarget(imports[source]);
    for (const [key, target] of Object.entries(imports)) {
        const star = key.indexOf('*');
        if (star < 0 || !source.startsWith(key.slice(0, star)) || !source.endsWith(key.slice(star + 1)))
            continue;
        const matched = source.slice(star, source.length - (key.length - star - 1));
        return pickTarget(target)?.replaceAll('*', matched);
    }
    return undefined;
}
/**
 * Where the project maps an import (see ImportMap): a relative import of a folder with a named
 * package.json stands for that package; `#…` goes through the `imports` of the nearest package.json
 * above the importing file, to a module path (`./src/lib/auth.js`) or a package; any other bare
 * import through the project's aliases (tsconfig `paths`/`baseUrl`, Babel module-resolver, the
 * package root), when they lead into the project's own code.
 */
function projectImportMap(root) {
    const aliases = projectAliases(root);
    const manifests = new Map();
    const manifestOf = (dir) => {
        if (!manifests.has(dir))
            manifests.set(dir, readManifest((0,external_node_path_.resolve)(root, dir)));
        return manifests.get(dir);
    };
    return (source, fromFile) => {
        if (source.startsWith('.')) {
            const name = manifestOf(external_node_path_.posix.join(external_node_path_.posix.dirname(fromFile), source))?.name;
            return typeof name === 'string' ? { package: name } : undefined;
        }
        if (source.startsWith('/'))
            return undefined;
        if (!source.startsWith('#'))
            return aliases(source, fromFile);
        for (let dir = external_node_path_.posix.dirname(fromFile);; dir = external_node_path_.posix.dirname(dir)) {
            const manifest = manifestOf(dir);
            if (manifest) {
                const imports = manifest.imports;
                const target = imports !== null && typeof imports === 'object' ? subpathTarget(imports, source) : undefined;
                if (target === undefined)
                    return undefined;
                return target.startsWith('./') ? { path: external_node_path_.posix.normalize(external_node_path_.posix.join(dir, target)) } : { package: packageName(target) };
            }
            if (dir === '.')
                return undefined;
        }
    };
}
/**
 * The Express model of every module. Code nested deeper than the model's walks can follow (a stack
 * overflow) must not cost the whole scan: the modules that fail on their own are left out of the
 * model with a note, and when even that fails the Express rules see no app, also with a note.
 */
function buildModelSafely(modules, mapImport, notes) {
    try {
        return buildExpressModel(modules, mapImport);
    }
    catch (error) {
        const failing = new Set(modules.filter((m) => {
            try {
                buildExpressModel([m], mapImport);
                return false;
            }
            catch {
                return true;
            }
        }));
        for (const m of failing)
            notes.push({ file: m.path, message: `not checked by the Express rules: ${(0,errors/* describeError */.U)(error)}` });
        try {
            return buildExpressModel(modules.filter((m) => !failing.has(m)), mapImport);
        }
        catch (again) {
            notes.push({
                file: '.',
                message: `the Express app model could not be built, so no Express rule checked anything: ${(0,errors/* describeError */.U)(again)}`
            });
            return buildExpressModel([], mapImport);
        }
    }
}
/** Reads, parses and indexes one JS/TS file; minified and unparsable ones become notes. */
function parseModule(file, notes) {
    try {
        const text = (0,documents/* readText */.yR)(file);
        if ((0,javascript/* looksMinified */.o3)(text)) {
            notes.push({ file: file.path, message: 'skipped: looks minified or generated' });
            return undefined;
        }
        const parsed = (0,javascript/* parseJavaScript */.pL)(text);
        if (!parsed.ok) {
            notes.push({ file: file.path, message: `not parsed, so not checked: ${parsed.error.split('\n')[0]}` });
            return undefined;
        }
        return { path: file.path, text, ast: parsed.ast.program, index: indexModule(parsed.ast.program) };
    }
    catch (error) {
        notes.push((0,documents/* notReadOrParsed */.sg)(file, error));
        return undefined;
    }
}
/** JSON a module may require: a data file this large is not configuration. */
const MAX_JSON_BYTES = 256 * 1024;
/**
 * The JSON files the modules import by relative path (`require('../package.json')`, `import config
 * from './config.json'`), each as a module exporting its value (`module.exports = {...}`, the line
 * numbers kept), so `pkg.name` evaluates to the string written in package.json. A JSON file is data
 * committed with the code: a secret read from it is as hardcoded as a literal.
 */
function jsonModules(modules, root, notes) {
    const known = new Set(modules.map((m) => m.path));
    const found = [];
    for (const module of modules) {
        for (const source of module.index?.imports ?? []) {
            if (!isRelativeSpecifier(source) || !source.endsWith('.json') || source.startsWith('/'))
                continue;
            const path = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(module.path), source));
            if (path.startsWith('../') || known.has(path))
                continue;
            known.add(path);
            const json = readJsonModule(root, path, notes);
            if (json)
                found.push(json);
        }
    }
    return found;
}
function readJsonModule(root, path, notes) {
    try {
        const abs = (0,external_node_path_.join)(root, path);
        const stat = (0,external_node_fs_.statSync)(abs);
        if (!stat.isFile() || stat.size > MAX_JSON_BYTES)
            return undefined;
        const json = (0,external_node_fs_.readFileSync)(abs, 'utf8').replace(/^\uFEFF/, '');
        JSON.parse(json); // only JSON: a `.json` name holding code is not evaluated as data
        const text = `module.exports = ${json}`;
        const parsed = (0,javascript/* parseJavaScript */.pL)(text);
        if (!parsed.ok)
            return undefined;
        return { path, text, ast: parsed.ast.program, index: indexModule(parsed.ast.program) };
    }
    catch (error) {
        if (error?.code === 'ENOENT' || error instanceof SyntaxError)
            return undefined;
        notes.push({ file: path, message: `not read: ${(0,errors/* describeError */.U)(error)}` });
        return undefined;
    }
}
/** What an import names in the project's own code, as modulesOfGroup follows it: a file path, or undefined for a package or nothing found. */
function importedFile(source, from, byPath, mapImport) {
    const mapped = mapImport(source, from);
    if ((mapped && 'package' in mapped) || (!mapped && !isRelativeSpecifier(source)))
        return undefined;
    return resolveImport(source, from, mapped, (path) => byPath.has(path));
}
/** Literal specifiers in a module's text, as `index.imports` lists them, and more (in comments, say): a superset. */
const SPECIFIERS = /\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1|\bfrom\s*(['"])([^'"\n]+)\3|\bimport\s*(['"])([^'"\n]+)\5/g;
/**
 * Parsed modules that more than one package's scan reads (a monorepo's shared code; NodeBB's
 * `install/` package, which imports the root package's `src/`): parsed once and held only until the
 * last of those packages is modelled, so a module is not parsed once per package that reaches it
 * and memory still holds about one package's syntax trees. Which packages reach a file is read
 * from the texts beforehand; a guess too wide only holds a module longer, one too narrow only parses it again.
 */
class SharedModules {
    /** For each file, how many packages not yet modelled are expected to read it. */
    readers = new Map();
    expected = new Map();
    parsed = new Map();
    constructor(groups, byPath, mapImport) {
        // One package reads only its own files, each once: nothing to share, nothing to read twice.
        if (groups.length < 2)
            return;
        const importsOf = new Map();
        const textImports = (file) => {
            let found = importsOf.get(file.path);
            if (found)
                return found;
            found = [];
            try {
                for (const m of (0,documents/* readText */.yR)(file).matchAll(SPECIFIERS)) {
                    const target = importedFile((m[2] ?? m[4] ?? m[6]), file.path, byPath, mapImport);
                    if (target !== undefined)
                        found.push(target);
                }
            }
            catch {
                // unreadable: its parse makes the note
            }
            importsOf.set(file.path, found);
            return found;
        };
        for (const group of groups) {
            const reached = new Set(group.files.map((f) => f.path));
            const queue = [...reached];
            for (let i = 0; i < queue.length; i += 1) {
                for (const target of textImports(byPath.get(queue[i]))) {
                    if (reached.has(target))
                        continue;
                    reached.add(target);
                    queue.push(target);
                }
            }
            this.expected.set(group, reached);
            for (const path of reached)
                this.readers.set(path, (this.readers.get(path) ?? 0) + 1);
        }
    }
    /** The file's module (undefined when it is not parsed), for one package's read of it. */
    read(file, group, notes) {
        const module = this.parsed.has(file.path) ? this.parsed.get(file.path) : parseModule(file, notes);
        if (this.expected.get(group)?.delete(file.path))
            this.release(file.path, module);
        return module;
    }
    /** After a package is modelled: the files it was expected to read but did not are no longer held for it. */
    done(group) {
        for (const path of this.expected.get(group) ?? [])
            this.release(path, this.parsed.get(path));
        this.expected.delete(group);
    }
    release(path, module) {
        const left = (this.readers.get(path) ?? 1) - 1;
        if (left > 0) {
            this.readers.set(path, left);
            this.parsed.set(path, module);
        }
        else {
            this.readers.delete(path);
            this.parsed.delete(path);
        }
    }
}
/**
 * A package's modules, plus the modules of other packages it reaches by relative or subpath
 * imports (a monorepo's `../../shared/src/app`), so the model sees every module its apps are made of.
 */
function modulesOfGroup(group, byPath, mapImport, notes, shared) {
    const modules = group.files.flatMap((file) => shared.read(file, group, notes) ?? []);
    const included = new Set(group.files.map((f) => f.path));
    for (let i = 0; i < modules.length; i += 1) {
        const module = modules[i];
        for (const source of module.index?.imports ?? []) {
            const target = importedFile(source, module.path, byPath, mapImport);
            if (target === undefined || included.has(target))
                continue;
            included.add(target);
            const added = shared.read(byPath.get(target), group, notes);
            if (added)
                modules.push(added);
        }
    }
    shared.done(group);
    return modules;
}

;// CONCATENATED MODULE: ./src/scan/collect.ts
// The scan stage: read the tree (documents.ts), model its packages' source (modules.ts) and run every
// rule as it declares (`needs`). What it collects is plain data; the central policy (result.ts) comes after.








/** Keeps the findings not made before (a source rule reports a shared file once per package, say). */
class Reported {
    notes;
    list = [];
    seen = new Set();
    constructor(notes) {
        this.notes = notes;
    }
    /** Runs one rule; a rule that throws becomes a note and reports nothing. */
    run(rule, context, adjust) {
        let findings;
        try {
            findings = rule.check(context);
            if (adjust)
                findings = findings.map(adjust);
        }
        catch (error) {
            this.notes.push({ file: '.', message: `rule ${rule.meta.id} failed and reported nothing: ${(0,errors/* describeErrorFully */.q)(error)}` });
            return;
        }
        for (const finding of findings) {
            const key = [rule.meta.id, finding.file, finding.line, finding.column, finding.message].join('\u0000');
            if (this.seen.has(key))
                continue;
            this.seen.add(key);
            this.list.push({ meta: rule.meta, finding });
        }
    }
}
/**
 * Docker findings in an image built for development only (Dockerfile.dev, one built only by
 * docker-compose.dev.yml, one that starts nodemon or `next dev`) or in a development Compose file
 * are low at most, and say so: such an image is not what production runs.
 */
function developmentImages(context) {
    const images = developmentDockerfiles(context);
    const composes = new Set(context.composeFiles.filter((c) => isDevelopmentComposeName(external_node_path_.posix.basename(c.path))).map((c) => c.path));
    return (finding) => {
        if (!images.has(finding.file) && !composes.has(finding.file))
            return finding;
        return {
            ...finding,
            severityCap: 'low',
            message: `${finding.message} (development ${images.has(finding.file) ? 'image' : 'Compose file'})`
        };
    };
}
/**
 * Discovery, parsing, the app model and every rule. Project rules run once; source rules run for
 * each package (see groupByPackage) with its modules and model, so a 10,000-file monorepo never
 * holds more than one workspace's syntax trees. A tree without source still runs its source rules
 * once, on no modules: they read documents too (secrets in `.npmrc`, say).
 */
function collectFindings(root, today) {
    const { context, scripts, notes } = (0,documents/* readProject */.Wh)(root, today);
    const reported = new Reported(notes);
    const mapImport = projectImportMap(root);
    const groups = groupByPackage(scripts, context.files.filter((f) => f.kind === 'package-json'));
    const sourceRules = RULES.filter((rule) => rule.needs === 'source');
    const noSource = { ...context, modules: [], express: buildExpressModel([], mapImport) };
    const inDevelopment = developmentImages(context);
    for (const rule of RULES) {
        if (rule.needs === 'project')
            reported.run(rule, context, rule.meta.category === 'docker' ? inDevelopment : undefined);
        else if (groups.length === 0)
            reported.run(rule, noSource);
    }
    const byPath = new Map(scripts.map((f) => [f.path, f]));
    const shared = new SharedModules(groups, byPath, mapImport);
    for (const group of groups) {
        const scripts = modulesOfGroup(group, byPath, mapImport, notes, shared);
        const modules = [...scripts, ...jsonModules(scripts, root, notes)];
        const packageContext = { ...context, modules, express: buildModelSafely(modules, mapImport, notes) };
        for (const rule of sourceRules)
            reported.run(rule, packageContext);
    }
    return { reported: reported.list, notes, filesScanned: context.files.length };
}


/***/ })

};
