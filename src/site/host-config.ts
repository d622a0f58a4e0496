/**
 * Turns the headers of every built file (src/site/response-headers.ts) into the two forms hosts
 * read: `_headers` (Netlify, Cloudflare Pages) and an nginx server block. Both come from one
 * list of rules, so they state the same headers for the same paths.
 *
 * Hosts that read `_headers` apply *every* rule whose pattern matches and join a header set
 * twice with a comma ("*, *" is no valid CORS header; two CSPs both apply). So the rules are
 * made such that no built file gets any header from more than one rule; the build fails if
 * that cannot be done, rather than publish headers that mean something else.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_LANG, LANG_CODES } from '../i18n/languages.ts';
import { CONTENT_TYPES, TEXT_TYPES, headersFor, pageFacts, type BuiltFile } from './response-headers.ts';

/** One block of `_headers`: a path pattern and the headers of every path it matches. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** The name of the headers file in the output folder, as Netlify and Cloudflare Pages expect it. */
export const HEADERS_FILE = '_headers';

/** Every file of a built site, by request path, with what its headers depend on. */
export function builtFiles(outDir: string): BuiltFile[] {
  // One recursive listing: a 10x site has some 90,000 folders, and a readdir call per folder
  // from JavaScript took about three times as long.
  const files: BuiltFile[] = [];
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const relativePath = relative(outDir, full).split(sep).join('/');
    if (relativePath === HEADERS_FILE) continue;
    const path = `/${relativePath}`.replace(/(^|\/)index\.html$/, '$1');
    files.push(entry.name.endsWith('.html') ? { path, page: pageFacts(readFileSync(full), relativePath) } : { path });
  }
  return files;
}

/** A built file with its headers, and its path as `:lang` patterns see it. */
interface Entry {
  path: string;
  headers: Record<string, string>;
  /** Per segment position, the path with that segment read as `:lang` (only positions some language sits at). */
  asLang: Map<number, string>;
  /** Positions of the path's segments that are language codes. */
  languageAt: Set<number>;
}

const LANGUAGE_CODES: ReadonlySet<string> = new Set(LANG_CODES);

/**
 * Few rules (as few as a greedy choice finds) that give every file exactly its headers, and
 * no file any header from two rules. Per header, the candidates are the patterns that match a
 * file (`/*`, its folders such as `/:lang/gemeente/*`, "any one name in its folder" such as
 * `/:lang/gemeente/:name/`, the path itself) that give every file they match the same value,
 * `:lang` only where every file it matches is in a language; the widest are taken first.
 */
export function headerRules(files: readonly BuiltFile[]): HeaderRule[] {
  const positions = new Set<number>();
  for (const file of files) file.path.split('/').forEach((segment, i) => LANGUAGE_CODES.has(segment) && positions.add(i));
  const entries: Entry[] = files.map((file) => {
    const segments = file.path.split('/');
    const asLang = new Map<number, string>();
    for (const i of positions) if (i < segments.length - 1 || (i === segments.length - 1 && segments[i])) asLang.set(i, segments.with(i, ':lang').join('/'));
    return { path: file.path, headers: headersFor(file), asLang, languageAt: new Set([...positions].filter((i) => LANGUAGE_CODES.has(segments[i]!))) };
  });
  // Sorted views: by path, and by the path as each language position reads it.
  const views = new Map<number, { key: string; entry: Entry }[]>();
  views.set(-1, entries.map((entry) => ({ key: entry.path, entry })).sort(byKey));
  for (const i of positions) {
    views.set(i, entries.flatMap((entry) => (entry.asLang.has(i) ? [{ key: entry.asLang.get(i)!, entry }] : [])).sort(byKey));
  }
  // Every candidate pattern of every file, with the files it matches (found once, for all headers).
  const coverage = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const pattern of candidatePatterns(entry)) if (!coverage.has(pattern)) coverage.set(pattern, coveredBy(pattern, views));
  }
  const byWidth = [...coverage.keys()].sort(
    (a, b) => coverage.get(b)!.length - coverage.get(a)!.length || generality(b) - generality(a) || compare(a, b),
  );

  const names = [...new Set(entries.flatMap((e) => Object.keys(e.headers)))];
  const rules = new Map<string, Record<string, string>>();
  const add = (pattern: string, name: string, value: string) => rules.set(pattern, { ...rules.get(pattern), [name]: value });
  for (const name of names) {
    // The widest pattern that gives every file it matches this header's value, then the next
    // widest that matches no file already served, and so on; a file left over gets a rule
    // of its own path. So every file gets this header from exactly one rule.
    const taken = new Set<Entry>();
    for (const pattern of byWidth) {
      const files = coverage.get(pattern)!;
      const value = files[0]?.headers[name];
      if (value === undefined) continue;
      const position = pattern.split('/').indexOf(':lang');
      if (!files.every((f) => f.headers[name] === value && !taken.has(f) && (position === -1 || f.languageAt.has(position)))) continue;
      for (const f of files) taken.add(f);
      add(pattern, name, value);
    }
    for (const entry of entries) {
      const value = entry.headers[name];
      if (value !== undefined && !taken.has(entry)) add(entry.path, name, value);
    }
  }
  return [...rules].map(([pattern, headers]) => ({ pattern, headers })).sort((a, b) => compare(a.pattern, b.pattern));
}

/** Between patterns that cover as many files: `:lang` before a literal language, a folder before one `:name`. */
function generality(pattern: string): number {
  return (pattern.includes(':lang') ? 2 : 0) + (pattern.endsWith('*') ? 1 : 0);
}

/** The patterns that match a file: its folders, any one name in its folder, itself; with and without `:lang`. */
function candidatePatterns(entry: Entry): string[] {
  const segments = entry.path.split('/'); // '/nl/zoeken/' → ['', 'nl', 'zoeken', '']
  const language = [...entry.languageAt][0];
  const both = (parts: string[]): string[] => {
    const literal = parts.join('/');
    return language !== undefined && parts[language] === segments[language] ? [parts.with(language, ':lang').join('/'), literal] : [literal];
  };
  // A page's own folder (`/nl/zoeken/*` for `/nl/zoeken/`) is left out when the page is all it holds.
  const page = segments.at(-1) === '';
  const candidates = ['/*'];
  for (let depth = 2; depth < segments.length - (page ? 1 : 0); depth++) candidates.push(...both([...segments.slice(0, depth), '*']));
  const last = segments.length - (page ? 2 : 1);
  if (last >= 1 && last !== language) candidates.push(...both(segments.with(last, ':name')));
  // The path itself with `:lang`; the literal path is every file's fallback (see headerRules).
  if (language !== undefined) candidates.push(both(segments)[0]!);
  return [...new Set(candidates)];
}

/** The files a pattern matches: a range of the sorted view its `:lang` position needs, then its regex. */
function coveredBy(pattern: string, views: Map<number, { key: string; entry: Entry }[]>): Entry[] {
  const position = pattern.split('/').indexOf(':lang');
  const view = views.get(position) ?? [];
  const literal = pattern.replace(/:name.*$|\*$/, '');
  const exact = !pattern.endsWith('*') && !pattern.includes(':name');
  const test = pattern.includes(':name') ? patternRegExp(pattern.replace(':lang', '__lang__')) : undefined;
  const found: Entry[] = [];
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(view[mid]!.key, literal) < 0) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < view.length && view[i]!.key.startsWith(literal); i++) {
    const key = view[i]!.key;
    if (exact && key !== literal) break; // every language's copy of a path has the same key
    if (exact || !test || test.test(key.replace(':lang', '__lang__'))) found.push(view[i]!.entry);
  }
  return found;
}

function byKey(a: { key: string }, b: { key: string }): number {
  return compare(a.key, b.key);
}

/** Code-unit order, so that every path with a prefix sorts together right after the prefix. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Cloudflare Pages reads at most this many rules, and lines of at most 2,000 characters. */
const CLOUDFLARE_RULE_LIMIT = 100;
const CLOUDFLARE_LINE_LIMIT = 2000;

/** The rules as a `_headers` file. */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const lines = [
    '# Response headers of this publication, for hosts that read _headers (Netlify, Cloudflare Pages).',
    '# Written by `npm run build` from src/site/response-headers.ts; deploy/nginx.conf states the same.',
    '# No file gets one header from two rules (such hosts would join the values).',
  ];
  for (const rule of rules) {
    lines.push(rule.pattern);
    for (const [name, value] of Object.entries(rule.headers)) {
      const line = `  ${name}: ${value}`;
      if (line.length > CLOUDFLARE_LINE_LIMIT) throw new Error(`${rule.pattern}: the ${name} header is longer than a _headers line may be (${line.length} characters)`);
      lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file (this site's own, or one written by hand in the same format). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!match || rules.length === 0) throw new Error(`_headers line ${index + 1}: expected "  Name: value" under a path, got "${line}"`);
    rules.at(-1)!.headers[match[1]!] = match[2]!.trim();
  }
  return rules;
}

/** A `_headers` pattern as a regular expression over request paths (`:name` is one segment, `*` anything). */
export function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .split(/(:[A-Za-z]\w*|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * The headers a `_headers` host sends for a path, with the patterns they came from: a header
 * listed under two matching patterns is an error in this site's rules.
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): { headers: Record<string, string>; from: Record<string, string[]> } {
  const headers: Record<string, string> = {};
  const from: Record<string, string[]> = {};
  for (const rule of rules) {
    if (!patternRegExp(rule.pattern).test(path)) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
      (from[name] ??= []).push(rule.pattern);
    }
  }
  return { headers, from };
}

/** Where and how nginx serves the site: the two parameters of `deploy/nginx.conf`. */
export interface NginxParameters {
  /** The `listen` value: a port (`8080`) or an address and port (`127.0.0.1:8080`). */
  listen: string;
  /** The site's folder, absolute: the published `dist/` (or the link that points at it). */
  root: string;
  /**
   * A file of this server's own settings, included in the server block: `server_name`, the
   * TLS certificate (with `listen 443 ssl`), logging. Absolute; none by default.
   */
  include?: string;
  /**
   * The start of the name of every variable this configuration defines (`map` blocks), so
   * that two sites included in one nginx keep their own values: nginx's variables are global
   * to the http {} context, and the last `map` of a name would win for every server. By
   * default a hash of listen, root and include (NGINX_PREFIX_DEFAULT); REGISTER_NGINX_PREFIX
   * sets one by hand.
   */
  prefix?: string;
}

/** What a variable prefix may be: letters, digits and underscores, not starting with a digit. */
const PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The default prefix of a site's variables: `kr` and a hash of where and how it is served, so
 * two sites in one nginx differ without anyone choosing names, and the same site keeps its
 * names from build to build.
 */
export function nginxPrefixDefault({ listen, root, include }: Pick<NginxParameters, 'listen' | 'root' | 'include'>): string {
  return `kr${createHash('sha256').update(JSON.stringify([listen, root, include ?? null])).digest('hex').slice(0, 8)}_`;
}

/**
 * An nginx configuration serving the site with the rules' headers: `map` blocks choosing each
 * header's value by path, and one `server` block. Include it in nginx's `http {}` context (as
 * a file in /etc/nginx/conf.d/). Every header is added at server level with `always`, so no
 * `location` can drop them (nginx forgets inherited add_header lines in a location that has
 * its own). Content-Type comes from the `types` table instead (the same CONTENT_TYPES).
 */
export function renderNginxConf(rules: readonly HeaderRule[], parameters: NginxParameters): string {
  const [problem] = nginxParameterProblems(parameters);
  if (problem !== undefined) throw new Error(problem);
  const { listen, root, include, prefix = nginxPrefixDefault({ listen, root, include }) } = parameters;
  if (!PREFIX.test(prefix)) throw new Error(`nginx prefix: expected letters, digits and underscores, not starting with a digit; got "${prefix}"`);
  const variableOf = (name: string) => `${prefix}${name.toLowerCase().replace(/-/g, '_')}`;
  const names = [...new Set(rules.flatMap((rule) => Object.keys(rule.headers)))].filter((name) => name.toLowerCase() !== 'content-type');
  const out: string[] = [
    '# The register, served by nginx. Written by `npm run build` (or `npm run nginx-conf`) from',
    '# src/site/response-headers.ts, like dist/_headers: the same headers for the same paths.',
    '# Include it in the http {} context, e.g. as /etc/nginx/conf.d/keurmerkregister.conf.',
    '# Parameters: listen (REGISTER_NGINX_LISTEN, default 8080), root (REGISTER_NGINX_ROOT, default',
    '# the folder the build wrote), include (REGISTER_NGINX_INCLUDE: server_name, TLS, logs) and',
    `# the prefix of its variables, ${prefix} (REGISTER_NGINX_PREFIX; by default a hash of the other three,`,
    '# so a second site included in the same nginx keeps its own values).',
    '# See docs/deploy.md.',
    '',
  ];
  for (const name of names) {
    out.push(`map $uri $${variableOf(name)} {`, '    default "";');
    for (const rule of rules) {
      const value = rule.headers[name];
      if (value === undefined) continue;
      if (/["$\\]/.test(value)) throw new Error(`${rule.pattern}: nginx cannot carry the ${name} value ${value}`);
      out.push(`    "~${nginxRegExp(rule.pattern)}" "${value}";`);
    }
    out.push('}', '');
  }
  out.push(...frontDoorMap(variableOf));
  const types = Object.entries(CONTENT_TYPES);
  const byType = new Map<string, string[]>();
  for (const [extension, type] of types) byType.set(type, [...(byType.get(type) ?? []), extension]);
  const gzipTypes = TEXT_TYPES.filter((type) => type !== 'text/html'); // text/html is always compressed
  out.push(
    'server {',
    `    listen ${listen};`,
    `    root ${root};`,
    ...(include ? [`    include ${include};`] : []),
    '    index index.html;',
    '    server_tokens off;',
    '    # Redirects (a folder without its slash) stay relative, right behind any proxy or port.',
    '    absolute_redirect off;',
    '',
    '    # Content types: this table replaces the server\'s mime.types, so the site does not depend on it.',
    '    types {',
    ...[...byType].map(([type, extensions]) => `        ${type} ${extensions.join(' ')};`),
    '    }',
    '    default_type application/octet-stream;',
    '    charset utf-8;',
    `    charset_types ${TEXT_TYPES.filter((type) => type !== 'text/html').join(' ')};`,
    '',
    '    # Compression: a precompressed FILE.gz next to a file is sent as it is; the rest of the',
    '    # text is compressed on the fly. Pagefind\'s chunks are compressed already.',
    '    gzip_static on;',
    '    gzip on;',
    '    gzip_vary on;',
    '    gzip_comp_level 5;',
    '    gzip_min_length 512;',
    `    gzip_types ${gzipTypes.join(' ')};`,
    '',
    ...names.map((name) => `    add_header ${name} $${variableOf(name)} always;`),
    '',
    '    # The root address opens the home page in the first of the browser\'s languages the site',
    '    # has (Accept-Language); for Dutch or none, the root page, whose script also honours a',
    '    # language chosen on the site before.',
    `    add_header Vary $${variableOf('front_door_vary')} always;`,
    '    location = / {',
    `        if ($${variableOf('front_door')}) {`,
    `            return 302 /$${variableOf('front_door')}/;`,
    '        }',
    '    }',
    '',
    '    error_page 404 /404.html;',
    '    # A folder without a page of its own (/api/, /data/, /badge/) is "not found" to a visitor:',
    '    # the site\'s 404 page, not nginx\'s bare 403 for a folder it may not list.',
    '    error_page 403 =404 /404.html;',
    '    location / {',
    '        # A missing file is a 404 for the visitor, not an error for the server\'s log.',
    '        log_not_found off;',
    '    }',
    '    # The headers file is for other hosts; it is not part of the site.',
    `    location = /${HEADERS_FILE} {`,
    '        return 404;',
    '    }',
    '}',
  );
  return `${out.join('\n')}\n`;
}

/**
 * The root address's choice by `Accept-Language`: the first language the browser lists that
 * the site has (PCRE finds the leftmost match, and browsers list by preference; lower case
 * only, as browsers send it, so the captured code is always a folder of the site), as the site's `front_door` variable; empty for Dutch (the root page itself opens Dutch, or a language chosen on
 * the site before) and when none matches. its `front_door_vary` tells caches the root's answer
 * depends on the header.
 */
function frontDoorMap(variableOf: (name: string) => string): string[] {
  return [
    // Named captures are nginx variables too: prefixed like the rest, so two sites never share one.
    `map $http_accept_language $${variableOf('front_door_lang')} {`,
    '    default "";',
    `    "~(?:^|,)\\s*(?<${variableOf('accept_lang')}>${LANG_CODES.join('|')})(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9-])" $${variableOf('accept_lang')};`,
    '}',
    `map $${variableOf('front_door_lang')} $${variableOf('front_door')} {`,
    `    default $${variableOf('front_door_lang')};`,
    `    "${DEFAULT_LANG}" "";`,
    '}',
    `map $uri $${variableOf('front_door_vary')} {`,
    '    default "";',
    '    "/" "Accept-Language";',
    '    "/index.html" "Accept-Language";',
    '}',
    '',
  ];
}

/**
 * A `_headers` pattern as an nginx regex over `$uri`, which for a folder is the `index.html`
 * nginx served (`/nl/zoeken/index.html` for `/nl/zoeken/`).
 */
export function nginxRegExp(pattern: string): string {
  const source = patternRegExp(pattern).source;
  return pattern.endsWith('/') ? source.replace(/\$$/, '(?:index\\.html)?$') : source;
}

/**
 * Writes `_headers` into a built site: called by the build once every file is in place. Returns
 * the rules; warns when there are more than Cloudflare Pages reads.
 */
export function writeHeadersFile(outDir: string, warn: (message: string) => void = console.warn): HeaderRule[] {
  const rules = headerRules(builtFiles(outDir));
  if (rules.length > CLOUDFLARE_RULE_LIMIT) {
    warn(`${HEADERS_FILE} has ${rules.length} rules; Cloudflare Pages reads only the first ${CLOUDFLARE_RULE_LIMIT}`);
  }
  writeFileSync(join(outDir, HEADERS_FILE), renderHeadersFile(rules));
  return rules;
}

/** The nginx configuration for a built site, from the `_headers` its build wrote. */
export function nginxConfFor(outDir: string, parameters: NginxParameters): string {
  return renderNginxConf(parseHeadersFile(readFileSync(join(outDir, HEADERS_FILE), 'utf8')), parameters);
}

/**
 * Writes a file whole or not at all (a running nginx may read it at any moment): into a
 * temporary file beside it, flushed to disk, then renamed over it. A write that fails leaves the
 * old file as it was and no temporary file behind.
 */
export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * What is wrong with nginx parameters, one line each (none when they are right): the build
 * checks them before it builds anything, so a stray word in REGISTER_NGINX_LISTEN stops it
 * before the swap instead of failing after it.
 */
export function nginxParameterProblems({ listen, root, include, prefix }: NginxParameters, label = (what: 'listen' | 'root' | 'include' | 'prefix') => `nginx ${what}`): string[] {
  const problems: string[] = [];
  if (prefix !== undefined && !PREFIX.test(prefix)) problems.push(`${label('prefix')}: expected letters, digits and underscores, not starting with a digit; got "${prefix}"`);
  if (!/^(?:[\w.[\]:-]+:)?\d+(?: (?:ssl|http2|default_server|reuseport))*$/.test(listen)) {
    problems.push(`${label('listen')}: expected a port or address:port, optionally followed by ssl, http2 or default_server; got "${listen}"`);
  }
  for (const [what, path] of [['root', root], ['include', include]] as const) {
    if (path !== undefined && (!path.startsWith('/') || /[\s;"'{}$]/.test(path))) problems.push(`${label(what)}: expected an absolute path without spaces or quotes, got "${path}"`);
  }
  return problems;
}

/**
 * The nginx parameters of a build, from its environment: REGISTER_NGINX_LISTEN (default 8080),
 * REGISTER_NGINX_ROOT (default the output folder itself), REGISTER_NGINX_INCLUDE (none by
 * default), REGISTER_NGINX_PREFIX (the variables' prefix, default a hash), and REGISTER_NGINX_CONF, the file to write (default deploy/nginx.conf).
 */
export function nginxSettingsFromEnv(outDir: string, env: NodeJS.ProcessEnv = process.env): NginxParameters & { file: string } {
  return {
    listen: env.REGISTER_NGINX_LISTEN || '8080',
    root: resolve(env.REGISTER_NGINX_ROOT || outDir),
    ...(env.REGISTER_NGINX_INCLUDE ? { include: resolve(env.REGISTER_NGINX_INCLUDE) } : {}),
    ...(env.REGISTER_NGINX_PREFIX ? { prefix: env.REGISTER_NGINX_PREFIX } : {}),
    file: resolve(env.REGISTER_NGINX_CONF || 'deploy/nginx.conf'),
  };
}
