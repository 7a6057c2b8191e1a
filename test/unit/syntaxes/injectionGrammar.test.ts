import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = join(__dirname, '..', '..', '..');
const INJECTION_PATH = join(ROOT, 'syntaxes', 'shipshape-yaml-injection.tmLanguage.json');
const YAML_PATH = join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json');
const INJECTION = 'shipshape.injection.yaml';

let grammar: Promise<IGrammar> | undefined;

/** source.yaml from tm-grammars with our grammar injected, the way VS Code loads them (`injectTo`). */
function yamlGrammar(): Promise<IGrammar> {
  grammar ??= (async () => {
    await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'source.yaml') return parseRawGrammar(readFileSync(YAML_PATH, 'utf8'), YAML_PATH);
        if (scopeName === INJECTION) return parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
        return null;
      },
      getInjections: (scopeName) => (scopeName === 'source.yaml' ? [INJECTION] : undefined),
    });
    const loaded = await registry.loadGrammar('source.yaml');
    if (!loaded) throw new Error('source.yaml did not load');
    return loaded;
  })();
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes lines in sequence (state carried over, as in an editor); returns the tokens of the last line. */
async function tokenize(...lines: string[]): Promise<Token[]> {
  const g = await yamlGrammar();
  let state: StateStack = INITIAL;
  let tokens: Token[] = [];
  for (const line of lines) {
    const result = g.tokenizeLine(line, state);
    tokens = result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    state = result.ruleStack;
  }
  return tokens;
}

// Only the scopes this grammar adds, for readable expectations.
const OURS = /shipshape|go-template/;

/**
 * [text, scopes of ours] per run of text: neighbouring tokens with the same scopes of ours are
 * joined (the YAML grammar splits keys and scalars where we do not care); blanks join the run
 * before them and runs are trimmed.
 */
function view(tokens: Token[], keep: RegExp = OURS): Array<[string, ...string[]]> {
  const out: Array<[string, ...string[]]> = [];
  for (const token of tokens) {
    const scopes = token.scopes.filter((s) => keep.test(s));
    const last = out.at(-1);
    if (token.text.trim() === '') {
      if (last) last[0] += token.text; // blanks belong to the run before them
    } else if (last && JSON.stringify(last.slice(1)) === JSON.stringify(scopes)) last[0] += token.text;
    else out.push([token.text, ...scopes]);
  }
  return out.map(([text, ...scopes]): [string, ...string[]] => [text.trim(), ...scopes]);
}

/** The scopes of ours on the token whose text is exactly `text` (fails when there is none). */
function scopesOf(tokens: Token[], text: string): string[] {
  const token = tokens.find((t) => t.text === text);
  assert.ok(token, `no token "${text}" in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes.filter((s) => /shipshape|go-template/.test(s));
}

function check(actual: Array<[string, ...string[]]>, expected: Array<[string, ...string[]]>): void {
  assert.deepEqual(actual, expected);
}

const M = 'meta.interpolation.compose.shipshape';
const BEGIN = 'punctuation.definition.interpolation.begin.shipshape';
const END = 'punctuation.definition.interpolation.end.shipshape';
const VAR = 'variable.other.env.compose.shipshape';
const OP = 'keyword.operator.interpolation.shipshape';
const ESCAPE = 'constant.character.escape.dollar.shipshape';
const PLAIN = 'string.unquoted.plain.out.yaml';

test('${VAR} inside a plain scalar: begin, name, end; the scalar around it stays a plain string', async () => {
  const tokens = await tokenize('image: nginx:${TAG}');
  check(view(tokens), [
    ['image: nginx:'],
    ['${', M, BEGIN],
    ['TAG', M, VAR],
    ['}', M, END],
  ]);
  const value = tokens.slice(tokens.findIndex((t) => t.text.startsWith('n')));
  assert.deepEqual(value.map((t) => t.text).join(''), 'nginx:${TAG}');
  assert.ok(value.every((t) => t.scopes.includes(PLAIN)));
});

test('${VAR:-default} and ${VAR-default}: operator and default value; a nested interpolation in the default', async () => {
  const tokens = await tokenize('image: "${REGISTRY:-docker.io}/app:${TAG-latest}"');
  assert.deepEqual(scopesOf(tokens, ':-'), [M, OP]);
  assert.deepEqual(scopesOf(tokens, 'docker.io'), [M, 'string.unquoted.default.shipshape']);
  assert.deepEqual(scopesOf(tokens, '-'), [M, OP]);
  assert.deepEqual(scopesOf(tokens, 'latest'), [M, 'string.unquoted.default.shipshape']);
  assert.ok(tokens.find((t) => t.text === 'docker.io')!.scopes.includes('string.quoted.double.yaml'), 'still inside the YAML string');

  check(view(await tokenize('port: ${PORT:-${DEFAULT_PORT}}')), [
    ['port:'],
    ['${', M, BEGIN],
    ['PORT', M, VAR],
    [':-', M, OP],
    ['${', M, 'string.unquoted.default.shipshape', M, BEGIN],
    ['DEFAULT_PORT', M, 'string.unquoted.default.shipshape', M, VAR],
    ['}', M, 'string.unquoted.default.shipshape', M, END],
    ['}', M, END],
  ]);
});

test('${VAR:?error} and ${VAR:+replacement}', async () => {
  const required = await tokenize('password: ${DB_PASSWORD:?set DB_PASSWORD first}');
  assert.deepEqual(scopesOf(required, ':?'), [M, OP]);
  assert.deepEqual(scopesOf(required, 'set DB_PASSWORD first'), [M, 'string.unquoted.error-message.shipshape']);
  const replacement = await tokenize('flags: ${DEBUG:+--verbose}');
  assert.deepEqual(scopesOf(replacement, ':+'), [M, OP]);
  assert.deepEqual(scopesOf(replacement, '--verbose'), [M, 'string.unquoted.default.shipshape']);
});

test('$VAR unbraced', async () => {
  check(view(await tokenize('command: echo $HOME/bin')), [
    ['command: echo'],
    ['$', M, 'punctuation.definition.variable.shipshape'],
    ['HOME', M, VAR],
    ['/bin'],
  ]);
});

test('$$ is an escape, never the start of a variable', async () => {
  check(view(await tokenize('command: echo $${HOME} $$PATH $$(POD)')), [
    ['command: echo'],
    ['$$', ESCAPE],
    ['{HOME}'],
    ['$$', ESCAPE],
    ['PATH'],
    ['$$', ESCAPE],
    ['(POD)'],
  ]);
});

test('a $ alone, a price, a $ before a digit or a space: nothing', async () => {
  for (const line of ['price: 5$', 'note: costs $ 5', 'regex: ^a$', 'arg: $1', 'empty: ${}', 'spaced: ${ VAR }']) {
    const tokens = await tokenize(line);
    assert.deepEqual(tokens.flatMap((t) => t.scopes.filter((s) => s.includes('shipshape'))), [], line);
  }
});

test('comments are left alone: no interpolation, Kubernetes reference or template in them', async () => {
  for (const line of ['# image: ${TAG} $(POD) {{ .Values.x }} $$', 'key: value # ${NOT_HERE}']) {
    const tokens = await tokenize(line);
    assert.deepEqual(tokens.flatMap((t) => t.scopes.filter((s) => /shipshape|go-template/.test(s))), [], line);
    assert.ok(tokens.some((t) => t.text.includes('$') && t.scopes.some((s) => s.startsWith('comment.line'))), line);
  }
});

test('Kubernetes $(VAR) dependent environment references, in env values and args', async () => {
  const K = 'meta.interpolation.kubernetes.shipshape';
  check(view(await tokenize('    value: "http://$(SERVICE_HOST):$(SERVICE_PORT)/api"')), [
    ['value: "http://'],
    ['$(', K, BEGIN],
    ['SERVICE_HOST', K, 'variable.other.env.kubernetes.shipshape'],
    [')', K, END],
    [':'],
    ['$(', K, BEGIN],
    ['SERVICE_PORT', K, 'variable.other.env.kubernetes.shipshape'],
    [')', K, END],
    ['/api"'],
  ]);
  const args = await tokenize('args: ["--name=$(POD_NAME)", "$(cat /etc/hostname)"]');
  assert.deepEqual(scopesOf(args, 'POD_NAME'), [K, 'variable.other.env.kubernetes.shipshape']);
  // Shell command substitution with a space is not a variable name.
  assert.ok(!args.some((t) => t.text.includes('cat') && t.scopes.some((s) => s.includes('shipshape'))));
});

test('interpolation inside a block scalar (a script) is highlighted on every line', async () => {
  const tokens = await tokenize('command: |', '  echo ${GREETING:-hi}', '  exec "$$@" $(ARGS)');
  assert.deepEqual(scopesOf(tokens, '$$'), [ESCAPE]);
  assert.deepEqual(scopesOf(tokens, 'ARGS'), ['meta.interpolation.kubernetes.shipshape', 'variable.other.env.kubernetes.shipshape']);
  assert.ok(tokens.every((t) => t.scopes.includes('string.unquoted.block.yaml')));
  const first = await tokenize('command: |', '  echo ${GREETING:-hi}');
  assert.deepEqual(scopesOf(first, 'hi'), [M, 'string.unquoted.default.shipshape']);
});

test('an unclosed ${VAR:- stops at the end of its line', async () => {
  const tokens = await tokenize('a: ${OOPS:-never closed', 'b: plain');
  assert.deepEqual(tokens.flatMap((t) => t.scopes.filter((s) => s.includes('shipshape'))), []);
  assert.ok(tokens.some((t) => t.text === 'b' && t.scopes.some((s) => s.startsWith('entity.name.tag'))));
});

test('Go template actions: delimiters with trim markers, keywords, fields, variables, pipes, functions, strings', async () => {
  const E = 'meta.embedded.inline.go-template';
  check(view(await tokenize('name: {{ .Values.name | default "web" | quote }}')), [
    ['name:'],
    ['{{', E, 'punctuation.section.embedded.begin.go-template'],
    ['.', E, 'punctuation.accessor.go-template'],
    ['Values', E, 'variable.other.member.go-template'],
    ['.', E, 'punctuation.accessor.go-template'],
    ['name', E, 'variable.other.member.go-template'],
    ['|', E, 'keyword.operator.pipe.go-template'],
    ['default', E, 'support.function.go-template'],
    ['"web"', E, 'string.quoted.double.go-template'],
    ['|', E, 'keyword.operator.pipe.go-template'],
    ['quote', E, 'support.function.go-template'],
    ['}}', E, 'punctuation.section.embedded.end.go-template'],
  ]);
  const control = await tokenize('{{- if and .Values.enabled (gt $replicas 1) -}}');
  assert.deepEqual(scopesOf(control, '{{-'), [E, 'punctuation.section.embedded.begin.go-template']);
  assert.deepEqual(scopesOf(control, 'if'), [E, 'keyword.control.go-template']);
  assert.deepEqual(scopesOf(control, 'and'), [E, 'support.function.builtin.go-template']);
  assert.deepEqual(scopesOf(control, 'replicas'), [E, 'variable.other.go-template']);
  assert.deepEqual(scopesOf(control, '1'), [E, 'constant.numeric.go-template']);
  assert.deepEqual(scopesOf(control, '-}}'), [E, 'punctuation.section.embedded.end.go-template']);
});

test('Go templates: a $var inside an action is a template variable, not a Compose one; comments; templates inside strings', async () => {
  const tokens = await tokenize('{{ $name := include "app.fullname" . }}');
  assert.deepEqual(scopesOf(tokens, 'name'), ['meta.embedded.inline.go-template', 'variable.other.go-template']);
  assert.deepEqual(scopesOf(tokens, ':='), ['meta.embedded.inline.go-template', 'keyword.operator.assignment.go-template']);
  assert.ok(!tokens.some((t) => t.scopes.some((s) => s.includes('compose'))));
  const comment = await tokenize('{{/* the chart name */}}');
  assert.deepEqual(scopesOf(comment, ' the chart name '), ['meta.embedded.inline.go-template', 'comment.block.go-template']);
  const quoted = await tokenize('image: "{{ .Values.image }}:${TAG}"');
  assert.deepEqual(scopesOf(quoted, 'image'), ['meta.embedded.inline.go-template', 'variable.other.member.go-template']);
  assert.deepEqual(scopesOf(quoted, 'TAG'), [M, VAR]);
});

test('the grammar declares the injection VS Code needs', () => {
  const raw = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
  assert.equal(raw.scopeName, INJECTION);
  assert.match(raw.injectionSelector, /^L:source\.yaml -comment/);
});
