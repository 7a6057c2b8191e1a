// The two servers behind one interface: start(), open(uri, text) and change(uri, text) resolve
// when that document's diagnostics are in, openAll(files) when every file's are; close(uri); stop().
// Ours answers pull diagnostics (textDocument/diagnostic); yaml-language-server pushes them
// (textDocument/publishDiagnostics) after its 200 ms debounce.
// start() returns right after `initialized` (and YLS's `yaml/registerContentRequest`), as an editor
// opens its documents: each server pulls its settings while the first open is under way.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { spawnServer, now } from './lspProcess.mjs';

const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true },
  },
};

/** `capabilities` (optional) adds to the client capabilities above, e.g. completion and hover formats. */
async function initialize(server, rootPath, capabilities = {}) {
  const rootUri = pathToFileURL(rootPath).href;
  await server.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      ...CLIENT_CAPABILITIES,
      ...capabilities,
      textDocument: { ...CLIENT_CAPABILITIES.textDocument, ...capabilities.textDocument },
      workspace: { ...CLIENT_CAPABILITIES.workspace, ...capabilities.workspace },
    },
  });
  await server.notify('initialized', {});
}


function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

class Documents {
  versions = new Map();
  open(server, uri, text) {
    this.versions.set(uri, 1);
    return server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }
  change(server, uri, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }
  close(server, uri) {
    this.versions.delete(uri);
    return server.notify('textDocument/didClose', { textDocument: { uri } });
  }
}

/** Shipshape: `node server/out/server.js --stdio` (or `--node-ipc`), settings section `shipshape`, pull diagnostics. */
export class OursSession {
  name = 'ours';
  docs = new Documents();

  static async start({ script, rootPath, kubernetesVersion, env, capabilities, execArgv, transport }) {
    const session = new OursSession();
    const server = spawnServer('shipshape', script, { env, execArgv, transport });
    session.server = server;
    const configured = deferred();
    server.connection.onRequest('workspace/configuration', (params) => {
      configured.resolve();
      return params.items.map((item) => (item.section === 'shipshape' ? { kubernetesVersion } : {}));
    });
    server.connection.onRequest('workspace/diagnostic/refresh', () => null);
    server.connection.onRequest('client/registerCapability', () => null);
    session.configured = configured.promise;
    await initialize(server, rootPath, capabilities);
    return session;
  }

  async pull(uri) {
    const report = await this.server.request('textDocument/diagnostic', { textDocument: { uri } }, `diagnostics of ${uri}`);
    if (report?.kind !== 'full') throw new Error(`shipshape answered textDocument/diagnostic with kind ${report?.kind}`);
    return report.items;
  }

  async open(uri, text) {
    const t0 = now();
    await this.docs.open(this.server, uri, text);
    const diagnostics = await this.pull(uri);
    return { ms: now() - t0, diagnostics };
  }

  async change(uri, text) {
    const t0 = now();
    await this.docs.change(this.server, uri, text);
    const diagnostics = await this.pull(uri);
    return { ms: now() - t0, diagnostics };
  }

  /** Opens every file, then pulls every file's diagnostics; resolves when all are in. */
  async openAll(files) {
    const t0 = now();
    for (const { uri, text } of files) await this.docs.open(this.server, uri, text);
    const results = await Promise.all(files.map(({ uri }) => this.pull(uri)));
    const byUri = new Map(files.map(({ uri }, i) => [uri, results[i]]));
    return { ms: now() - t0, byUri };
  }

  close(uri) {
    return this.docs.close(this.server, uri);
  }
  peakRssMiB() {
    return this.server.peakRssMiB();
  }
  stop() {
    return this.server.stop();
  }
}

const K8S_SCHEMA_BASE = 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.30.10-standalone-strict/';

/**
 * yaml-language-server in its Kubernetes mode, offline, as ../shared/reference/peer-benchmark.md says:
 * `yaml.schemas: {kubernetes: globs}`, kubernetesVersion v1.30.10, CRD store on, schema store off,
 * `yaml/registerContentRequest`, and `vscode/content` answered from ../shared/data/k8s-schema.
 */
export class YlsSession {
  name = 'yls';
  docs = new Documents();
  /** uri → resolvers waiting for that uri's next publishDiagnostics */
  waiters = new Map();
  /** every URL the server asked for through vscode/content, in order */
  contentRequests = [];

  static async start({ script, rootPath, schemaDir, kubernetesGlobs, extraSchemas = {}, capabilities, transport }) {
    const session = new YlsSession();
    const content = {
      [`${K8S_SCHEMA_BASE}all.json`]: readFileSync(`${schemaDir}/all.json`, 'utf8'),
      [`${K8S_SCHEMA_BASE}_definitions.json`]: readFileSync(`${schemaDir}/_definitions.json`, 'utf8'),
    };
    const server = spawnServer('yaml-language-server', script, { transport });
    session.server = server;
    const yamlSettings = {
      schemas: { kubernetes: kubernetesGlobs, ...extraSchemas },
      kubernetesVersion: 'v1.30.10',
      kubernetesCRDStore: { enable: true },
      schemaStore: { enable: false },
      validate: true,
      hover: true,
      completion: true,
    };
    const configured = deferred();
    server.connection.onRequest('workspace/configuration', (params) =>
      params.items.map((item) => {
        if (item.section === 'yaml') {
          configured.resolve();
          return yamlSettings;
        }
        if (item.section === 'editor') return { tabSize: 2, detectIndentation: false };
        return {}; // http, [yaml]
      }),
    );
    server.connection.onRequest('vscode/content', (url) => {
      session.contentRequests.push(url);
      const file = url.replace(/#.*$/, ''); // it asks for `_definitions.json#/definitions/<name>` too
      if (file in content) return content[file];
      throw new Error(`offline: ${url} is not served by the benchmark`);
    });
    server.connection.onRequest('client/registerCapability', () => null);
    server.connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }) => {
      const queue = session.waiters.get(uri);
      const waiter = queue?.shift();
      if (queue && queue.length === 0) session.waiters.delete(uri);
      waiter?.({ at: now(), diagnostics });
    });
    session.configured = configured.promise;
    await initialize(server, rootPath, capabilities);
    await server.notify('yaml/registerContentRequest', {});
    return session;
  }

  /** Resolves with the next publishDiagnostics for `uri`; register it before sending what causes it. */
  nextDiagnostics(uri) {
    const { promise, resolve } = deferred();
    const queue = this.waiters.get(uri) ?? [];
    queue.push(resolve);
    this.waiters.set(uri, queue);
    return this.server.guard(promise, `diagnostics of ${uri}`);
  }

  async open(uri, text) {
    const next = this.nextDiagnostics(uri);
    const t0 = now();
    await this.docs.open(this.server, uri, text);
    const { at, diagnostics } = await next;
    return { ms: at - t0, diagnostics };
  }

  async change(uri, text) {
    const next = this.nextDiagnostics(uri);
    const t0 = now();
    await this.docs.change(this.server, uri, text);
    const { at, diagnostics } = await next;
    return { ms: at - t0, diagnostics };
  }

  async openAll(files) {
    const pending = files.map(({ uri }) => this.nextDiagnostics(uri));
    const t0 = now();
    for (const { uri, text } of files) await this.docs.open(this.server, uri, text);
    const results = await Promise.all(pending);
    const last = Math.max(...results.map((r) => r.at));
    return { ms: last - t0, byUri: new Map(files.map(({ uri }, i) => [uri, results[i].diagnostics])) };
  }

  close(uri) {
    return this.docs.close(this.server, uri);
  }
  peakRssMiB() {
    return this.server.peakRssMiB();
  }
  stop() {
    return this.server.stop();
  }
}
