import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../../server/src/completion/complete';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { SchemaNavigator } from '../../../server/src/schema/schemaNavigator';
import { schemas } from '../helpers';

const version = schemas.forVersion('1.35');
const navigator = new SchemaNavigator(version);

const fixtures: Record<string, string> = {
  'deploy.yaml': [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web, labels: {app: web}}', 'spec:', '  selector:', '    matchLabels: {app: web}',
    '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers:', '      - name: web', '        image: "nginx:1.27" # pinned',
    '        args: [--port, "8080", {odd: [1, 2]}]', '        env:', '          - {name: A, valueFrom: {configMapKeyRef: {name: c, key: k}}}', '        command:',
    '          - sh', '          - -c', '          - |', '            echo "a: b"', '            exit 0', '---', '# only a comment', '---', 'apiVersion: v1', 'kind: Service',
    'metadata: &m {name: web}', 'spec:', '  selector: *m', '  ports: [{port: 80, targetPort: http}]', '...', '',
  ].join('\n'),
  'compose.yaml': [
    'services:', '  web:', '    image: nginx', '    depends_on:', '      db: {condition: service_healthy}', '    networks: [front]', '    environment:', '      - A=1',
    '    healthcheck:', '      test: ["CMD", "true"]', '  db:', '    image: postgres', '    volumes: [data:/var/lib/postgresql/data]', 'networks: {front: {}}', 'volumes:', '  data:', '',
  ].join('\n'),
  'broken.yaml': 'a: {b: [c, {d: "e\n  - : :\n\t- x\n--- !tag\n%weird\n"unterminated\n- - - \n{{ template }}\n',
};

for (const [name, text] of Object.entries(fixtures)) {
  test(`completion at every offset of ${name}, and of every prefix of it, never throws and stays on the cursor line`, () => {
    const file = parseManifestFile(`file:///ws/${name}`, text);
    for (let offset = 0; offset <= text.length; offset++) {
      for (const [t, f] of [[text, file], [text.slice(0, offset), undefined]] as const) {
        const list = complete({ text: t, offset, file: f, uri: `file:///ws/${name}`, navigator, version });
        const line = t.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
        for (const item of list.items) {
          const range = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
          assert.ok(range && range.start.line === line && range.end.line === line, `${name}@${offset}: ${item.label} ${JSON.stringify(range)}`);
        }
      }
    }
  });
}
