import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { Navigation } from '../../../server/src/crossref/navigation';

/** Files under file:///p/ with one `|` cursor marker; Compose projects read the index like the server's host. */
function setup(files: Record<string, string>) {
  const index = new WorkspaceIndex();
  let cursor: { uri: string; offset: number } | undefined;
  for (const [name, raw] of Object.entries(files)) {
    const uri = `file:///p/${name}`;
    const offset = raw.indexOf('|');
    if (offset >= 0) cursor = { uri, offset };
    index.update(parseManifestFile(uri, raw.replace('|', '')));
  }
  const nav = new Navigation(index, { getFile: (uri) => index.file(uri), exists: (uri) => index.file(uri) !== undefined });
  const uri = cursor?.uri ?? '';
  const position = cursor ? index.file(uri)!.lines.positionAt(cursor.offset) : { line: 0, character: 0 };
  const text = (loc: Location) => {
    const file = index.file(loc.uri)!;
    return `${loc.uri.slice('file:///p/'.length)}:${loc.range.start.line}:${file.text.slice(file.lines.offsetAt(loc.range.start), file.lines.offsetAt(loc.range.end))}`;
  };
  /** Applies an edit and returns the new texts of the files it touches. */
  const apply = (edit: WorkspaceEdit | undefined) => {
    const out: Record<string, string> = {};
    for (const [u, edits] of Object.entries(edit?.changes ?? {})) {
      const file = index.file(u)!;
      let result = file.text;
      const sorted = [...edits].sort((a, b) => file.lines.offsetAt(b.range.start) - file.lines.offsetAt(a.range.start));
      for (const e of sorted) result = result.slice(0, file.lines.offsetAt(e.range.start)) + e.newText + result.slice(file.lines.offsetAt(e.range.end));
      out[u.slice('file:///p/'.length)] = result;
    }
    return out;
  };
  return { nav, uri, position, text, apply, index };
}

const lines = (...rows: string[]) => rows.join('\n') + '\n';

/** compose.yaml references services, networks and volumes that compose.override.yaml declares or extends. */
const base = (marks: Record<string, string> = {}) =>
  lines(
    'services:',
    '  web:',
    '    image: nginx',
    `    depends_on: [${marks.dependsOn ?? 'db'}]`,
    `    links: ["${marks.link ?? 'db'}:database"]`,
    `    networks: [${marks.network ?? 'front'}]`,
    '    volumes:',
    `      - ${marks.volume ?? 'data'}:/var/lib/data`,
    '      - type: volume',
    `        source: ${marks.longVolume ?? 'data'}`,
    '        target: /backup',
    '      - ./site:/usr/share/nginx/html',
    '  worker:',
    '    image: busybox',
    '    depends_on:',
    `      ${marks.dependsKey ?? 'db'}:`,
    '        condition: service_started',
    `    volumes_from: ["${marks.volumesFrom ?? 'db'}:ro"]`,
    `    ipc: service:${marks.ipc ?? 'db'}`,
    `    secrets: [${marks.secret ?? 'token'}]`,
    `    configs: [{source: ${marks.config ?? 'conf'}}]`,
    'networks:',
    `  ${marks.networkDecl ?? 'front'}: {}`,
    'volumes:',
    `  ${marks.volumeDecl ?? 'data'}: {}`,
    'secrets:',
    '  token: {file: ./token.txt}',
    'configs:',
    '  conf: {file: ./conf.ini}',
  );
const override = (marks: Record<string, string> = {}) =>
  lines(
    'services:',
    `  ${marks.db ?? 'db'}:`,
    '    image: postgres:16',
    '    networks:',
    `      ${marks.network ?? 'front'}:`,
    '        aliases: [database]',
    `    volumes: ["${marks.volume ?? 'data'}:/var/lib/postgresql/data"]`,
  );

const definitionCases: Array<[string, Record<string, string>, string[]]> = [
  ['a depends_on list item', { dependsOn: 'd|b' }, ['compose.override.yaml:1:db']],
  ['a depends_on map key', { dependsKey: 'd|b' }, ['compose.override.yaml:1:db']],
  ['the service part of links "db:alias"', { link: 'd|b' }, ['compose.override.yaml:1:db']],
  ['volumes_from "db:ro"', { volumesFrom: '|db' }, ['compose.override.yaml:1:db']],
  ['ipc: service:db', { ipc: 'db|' }, ['compose.override.yaml:1:db']],
  ['a service networks item', { network: 'fr|ont' }, ['compose.yaml:22:front']],
  ['a short volume source', { volume: 'da|ta' }, ['compose.yaml:24:data']],
  ['a long-syntax volume source', { longVolume: 'data|' }, ['compose.yaml:24:data']],
  ['a secret', { secret: 'tok|en' }, ['compose.yaml:26:token']],
  ['a config source', { config: 'c|onf' }, ['compose.yaml:28:conf']],
];
for (const [what, marks, expected] of definitionCases) {
  test(`compose go to definition from ${what}`, () => {
    const { nav, uri, position, text } = setup({ 'compose.yaml': base(marks), 'compose.override.yaml': override() });
    assert.deepEqual(nav.definition(uri, position).map(text), expected);
  });
}

test('compose go to definition from a network key in the override file to the declaration in compose.yaml', () => {
  const { nav, uri, position, text } = setup({ 'compose.yaml': base(), 'compose.override.yaml': override({ network: 'fro|nt' }) });
  assert.deepEqual(nav.definition(uri, position).map(text), ['compose.yaml:22:front']);
});

test('compose go to definition: an alias, a bind mount and an undeclared name lead nowhere', () => {
  const alias = setup({ 'compose.yaml': base().replace('"db:database"', '"db:data|base"'), 'compose.override.yaml': override() });
  assert.deepEqual(alias.nav.definition(alias.uri, alias.position), []);
  assert.equal(alias.nav.renameRange(alias.uri, alias.position), undefined);
  const bind = setup({ 'compose.yaml': base().replace('./site:', './s|ite:'), 'compose.override.yaml': override() });
  assert.deepEqual(bind.nav.definition(bind.uri, bind.position), []);
  const missing = setup({ 'compose.yaml': base({ dependsOn: 'ca|che' }), 'compose.override.yaml': override() });
  assert.deepEqual(missing.nav.definition(missing.uri, missing.position), []);
});

test('compose find references from a service declaration lists every reference across the project files', () => {
  const { nav, uri, position, text } = setup({ 'compose.yaml': base(), 'compose.override.yaml': override({ db: 'd|b' }) });
  assert.deepEqual(nav.references(uri, position, true).map(text).sort(), [
    'compose.override.yaml:1:db',
    'compose.yaml:15:db', // depends_on map key
    'compose.yaml:17:db', // volumes_from
    'compose.yaml:18:db', // ipc: service:db
    'compose.yaml:3:db', // depends_on list
    'compose.yaml:4:db', // links
  ]);
  assert.equal(nav.references(uri, position, false).length, 5);
});

test('compose find references from a reference finds the same set', () => {
  const fromDecl = setup({ 'compose.yaml': base(), 'compose.override.yaml': override({ volume: 'd|ata' }) });
  const fromRef = setup({ 'compose.yaml': base({ longVolume: 'd|ata' }), 'compose.override.yaml': override() });
  const a = fromDecl.nav.references(fromDecl.uri, fromDecl.position, true).map(fromDecl.text).sort();
  const b = fromRef.nav.references(fromRef.uri, fromRef.position, true).map(fromRef.text).sort();
  assert.deepEqual(a, b);
  assert.deepEqual(a, ['compose.override.yaml:6:data', 'compose.yaml:24:data', 'compose.yaml:7:data', 'compose.yaml:9:data']);
});

test('compose rename of a service updates the declaration and every reference in both files, alias and prefix kept', () => {
  const { nav, uri, position, apply } = setup({ 'compose.yaml': base({ dependsOn: 'd|b' }), 'compose.override.yaml': override() });
  const range = nav.renameRange(uri, position)!;
  assert.deepEqual([range.start, range.end], [{ line: 3, character: 17 }, { line: 3, character: 19 }]);
  const files = apply(nav.rename(uri, position, 'postgres'));
  assert.deepEqual(Object.keys(files).sort(), ['compose.override.yaml', 'compose.yaml']);
  assert.equal(files['compose.override.yaml'], override({ db: 'postgres' }));
  const expected = base().replace('[db]', '[postgres]').replace('"db:database"', '"postgres:database"').replace('      db:\n', '      postgres:\n');
  assert.equal(files['compose.yaml'], expected.replace('"db:ro"', '"postgres:ro"').replace('service:db', 'service:postgres'));
});

test('compose rename of a network updates the top-level key, the list item and the override map key', () => {
  const { nav, uri, position, apply } = setup({ 'compose.yaml': base({ networkDecl: 'fr|ont' }), 'compose.override.yaml': override() });
  const files = apply(nav.rename(uri, position, 'frontend'));
  assert.equal(files['compose.yaml'], base({ network: 'frontend', networkDecl: 'frontend' }));
  assert.equal(files['compose.override.yaml'], override({ network: 'frontend' }));
});

test('compose rename of a volume changes only the source part of short syntax, and long-syntax sources', () => {
  const { nav, uri, position, apply } = setup({ 'compose.yaml': base(), 'compose.override.yaml': override({ volume: 'da|ta' }) });
  const range = nav.renameRange(uri, position)!;
  assert.deepEqual([range.start.character, range.end.character], [15, 19]);
  const files = apply(nav.rename(uri, position, 'pgdata'));
  assert.equal(files['compose.yaml'], base({ volume: 'pgdata', longVolume: 'pgdata', volumeDecl: 'pgdata' }));
  assert.equal(files['compose.override.yaml'], override({ volume: 'pgdata' }));
});

test('compose rename is refused for secrets, the implicit default network, external resources and bad names', () => {
  const secret = setup({ 'compose.yaml': base({ secret: 'tok|en' }), 'compose.override.yaml': override() });
  assert.equal(secret.nav.renameRange(secret.uri, secret.position), undefined);
  assert.equal(secret.nav.rename(secret.uri, secret.position, 'x'), undefined);
  const dflt = setup({ 'compose.yaml': lines('services:', '  web:', '    image: nginx', '    networks: [def|ault]') });
  assert.equal(dflt.nav.renameRange(dflt.uri, dflt.position), undefined);
  const external = setup({ 'compose.yaml': lines('services:', '  web:', '    image: nginx', '    networks: [pro|xy]', 'networks:', '  proxy: {external: true}') });
  assert.equal(external.nav.rename(external.uri, external.position, 'edge'), undefined);
  const named = setup({ 'compose.yaml': lines('services:', '  web:', '    image: nginx', '    networks: [pro|xy]', 'networks:', '  proxy: {external: true, name: edge}') });
  assert.ok(named.nav.rename(named.uri, named.position, 'edge2'));
  const bad = setup({ 'compose.yaml': base({ dependsOn: 'd|b' }), 'compose.override.yaml': override() });
  assert.equal(bad.nav.rename(bad.uri, bad.position, 'has space'), undefined);
});

test('compose navigation follows extends (same file and another file) and include', () => {
  const files = {
    'compose.yaml': lines('include: [db.yaml]', 'services:', '  web:', '    extends: {file: common.yml, service: ba|se}', '  api:', '    extends: web', '    depends_on: [db]'),
    'common.yml': lines('services:', '  base:', '    image: nginx', '    networks: [back]'),
    'db.yaml': lines('services:', '  db:', '    image: postgres', 'networks:', '  back: {}'),
  };
  const ext = setup(files);
  assert.deepEqual(ext.nav.definition(ext.uri, ext.position).map(ext.text), ['common.yml:1:base']);
  const same = setup({ ...files, 'compose.yaml': files['compose.yaml'].replace('ba|se', 'base').replace('extends: web', 'extends: w|eb') });
  assert.deepEqual(same.nav.definition(same.uri, same.position).map(same.text), ['compose.yaml:2:web']);
  const inc = setup({ ...files, 'compose.yaml': files['compose.yaml'].replace('ba|se', 'base').replace('[db]', '[d|b]') });
  assert.deepEqual(inc.nav.definition(inc.uri, inc.position).map(inc.text), ['db.yaml:1:db']);
  // The network the extended service uses resolves in the extending project (declared by the include).
  const net = setup({ ...files, 'compose.yaml': files['compose.yaml'].replace('ba|se', 'base'), 'common.yml': files['common.yml'].replace('[back]', '[ba|ck]') });
  assert.deepEqual(net.nav.references(net.uri, net.position, true).map(net.text).sort(), ['common.yml:3:back', 'db.yaml:4:back']);
  // Renaming the base service from its declaration reaches the extends in the other file.
  const rename = setup({ ...files, 'compose.yaml': files['compose.yaml'].replace('ba|se', 'base'), 'common.yml': files['common.yml'].replace('  base:', '  ba|se:') });
  const edit = rename.apply(rename.nav.rename(rename.uri, rename.position, 'nginx-base'));
  assert.match(edit['compose.yaml']!, /service: nginx-base\}/);
  assert.match(edit['common.yml']!, /^ {2}nginx-base:$/m);
});

test('compose rename leaves another project with the same service name alone', () => {
  const { nav, uri, position } = setup({
    'a/compose.yaml': lines('services:', '  web:', '    image: nginx', '    depends_on: [d|b]', '  db:', '    image: postgres'),
    'b/compose.yaml': lines('services:', '  web:', '    image: nginx', '    depends_on: [db]', '  db:', '    image: postgres'),
  });
  const edit = nav.rename(uri, position, 'pg')!;
  assert.deepEqual(Object.keys(edit.changes!), ['file:///p/a/compose.yaml']);
  assert.equal(edit.changes!['file:///p/a/compose.yaml']!.length, 2);
});

test('compose: quoted names are renamed inside their quotes; interpolated ones are listed but left as written', () => {
  const { nav, uri, position, apply, text } = setup({
    'compose.yaml': lines('services:', '  web:', '    image: nginx', `    depends_on: ['d|b']`, '  api:', '    image: x', '    depends_on: ["${DB:-db}"]', '  db:', '    image: postgres'),
  });
  assert.deepEqual(nav.references(uri, position, true).map(text).sort(), ['compose.yaml:3:db', 'compose.yaml:6:${DB:-db}', 'compose.yaml:7:db']);
  const out = apply(nav.rename(uri, position, 'pg'))['compose.yaml']!;
  assert.match(out, /depends_on: \['pg'\]/);
  assert.match(out, /"\$\{DB:-db\}"/);
  assert.match(out, /^ {2}pg:$/m);
});

test('compose rename to a name YAML would read as a number quotes plain values (keys stay plain)', () => {
  const { nav, uri, position, apply } = setup({ 'compose.yaml': lines('services:', '  web:', '    image: nginx', '    depends_on: [d|b]', '    links: [db]', '  db:', '    image: postgres') });
  const out = apply(nav.rename(uri, position, '2024'))['compose.yaml']!;
  assert.equal(out, lines('services:', '  web:', '    image: nginx', '    depends_on: ["2024"]', '    links: ["2024"]', '  2024:', '    image: postgres'));
});
