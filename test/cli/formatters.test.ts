import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toFinding } from '../../server/src/cli/finding';
import { formatJson } from '../../server/src/cli/formatJson';
import { formatSarif } from '../../server/src/cli/formatSarif';
import { formatSummary, formatText } from '../../server/src/cli/formatText';

// No engine rule emits related information yet (the cross-reference rules will): these in-process
// tests pin how every format renders it, from a diagnostic shaped like the engine's.
const cwd = join(__dirname, 'workspace');
const deploymentUri = pathToFileURL(join(cwd, 'k8s', 'deployment.yaml')).href;
const display = new Map([[deploymentUri, join('k8s', 'deployment.yaml')]]);
const displayPath = (uri: string) => display.get(uri) ?? uri;

const diagnostic: Diagnostic = {
  range: { start: { line: 5, character: 4 }, end: { line: 5, character: 12 } },
  severity: 2,
  code: 'service-selector-no-pods',
  source: 'shipshape',
  message: 'Selector app=web matches no pods.\nCheck the labels.',
  relatedInformation: [
    { location: { uri: deploymentUri, range: { start: { line: 10, character: 8 }, end: { line: 10, character: 16 } } }, message: 'Closest pod template labels' },
  ],
};

const finding = toFinding(join('k8s', 'service.yaml'), diagnostic, displayPath);

describe('formatters render related information with file paths', () => {
  test('toFinding: severity name, string code, related URIs become the displayed paths', () => {
    assert.deepEqual(finding, {
      file: join('k8s', 'service.yaml'),
      range: { start: { line: 5, character: 4 }, end: { line: 5, character: 12 } },
      severity: 'warning',
      code: 'service-selector-no-pods',
      message: 'Selector app=web matches no pods.\nCheck the labels.',
      related: [{ file: join('k8s', 'deployment.yaml'), range: { start: { line: 10, character: 8 }, end: { line: 10, character: 16 } }, message: 'Closest pod template labels' }],
    });
  });

  test('json: related entries are {file, range, message}', () => {
    const [parsed] = JSON.parse(formatJson([finding])) as Array<{ related: unknown[] }>;
    assert.deepEqual(parsed!.related, [
      { file: join('k8s', 'deployment.yaml'), range: { start: { line: 10, character: 8 }, end: { line: 10, character: 16 } }, message: 'Closest pod template labels' },
    ]);
  });

  test('text: one line per finding (newlines folded), related locations indented below', () => {
    assert.equal(
      formatText([finding]),
      `${join('k8s', 'service.yaml')}:6:5: warning service-selector-no-pods Selector app=web matches no pods. Check the labels.\n` +
        `    ${join('k8s', 'deployment.yaml')}:11:9: related: Closest pod template labels\n`,
    );
  });

  test('sarif: relatedLocations with ids, relative URIs and 1-based regions', () => {
    const log = JSON.parse(formatSarif([finding], cwd));
    const result = log.runs[0].results[0];
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'k8s/deployment.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 11, startColumn: 9, endLine: 11, endColumn: 17 },
        },
        message: { text: 'Closest pod template labels' },
      },
    ]);
    assert.deepEqual(log.runs[0].tool.driver.rules, [
      { id: 'service-selector-no-pods', name: 'service-selector-no-pods', shortDescription: { text: 'Service selector no pods' } },
    ]);
  });

  test('summary counts errors, warnings and notes, and the files they are in', () => {
    const info = { ...finding, severity: 'information' as const, file: 'other.yaml' };
    const error = { ...finding, severity: 'error' as const };
    assert.equal(formatSummary([finding, info, error, error], 7), '2 errors, 1 warning, 1 note in 2 files (7 checked).\n');
    assert.equal(formatSummary([], 1), 'No problems found in 1 file.\n');
    assert.equal(formatSummary([], 0), 'No YAML files found to check.\n');
  });
});
