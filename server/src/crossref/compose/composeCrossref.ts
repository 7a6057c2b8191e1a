import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestFile } from '../../documents/manifestFile';
import { makeDiagnostic } from '../../documents/diagnostic';
import { loadComposeProject } from './composeProject';
import { placeFindings } from './placement';
import { COMPOSE_RULES } from './rules';
import type { Finding, RuleContext } from './rules/types';
import { RecordingWorkspace, type ComposeWorkspace } from './workspace';

export type { ComposeWorkspace } from './workspace';

interface Analysis {
  diagnostics: Diagnostic[];
  dependencies: string[];
}

/**
 * Loads the project, runs every rule and places the findings. A failing rule costs one
 * information diagnostic, not the file's other findings.
 */
function analyze(file: ManifestFile, workspace: ComposeWorkspace): Analysis {
  if (file.flavor !== 'compose' || file.templated) return { diagnostics: [], dependencies: [] };
  const recording = new RecordingWorkspace(workspace);
  const context: RuleContext = { exists: (uri) => recording.exists(uri) };
  const diagnostics: Diagnostic[] = [];
  try {
    const project = loadComposeProject(file, recording);
    const findings: Finding[] = [];
    for (const [id, rule] of Object.entries(COMPOSE_RULES)) {
      try {
        findings.push(...rule(project, context));
      } catch (error) {
        diagnostics.push(internalError(file, `${id}: ${(error as Error).message}`));
      }
    }
    diagnostics.push(...placeFindings(project, findings));
  } catch (error) {
    diagnostics.push(internalError(file, (error as Error).message));
  }
  return { diagnostics, dependencies: [...recording.asked].filter((uri) => uri !== file.uri) };
}

function internalError(file: ManifestFile, message: string): Diagnostic {
  return makeDiagnostic(file.lines, 0, 0, 'information', 'internal-error', `Compose cross-reference check failed: ${message}`);
}

/** Cross-reference diagnostics for one compose file (the findings located in THIS file), evaluated on the merged project it belongs to. */
export function composeCrossrefDiagnostics(file: ManifestFile, workspace: ComposeWorkspace): Diagnostic[] {
  return analyze(file, workspace).diagnostics;
}

/**
 * URIs whose content affects this file's cross-reference diagnostics (override files, includes,
 * extends files), so the server re-checks it when they change. Also lists the URIs asked about
 * that do not exist (a standard or override file that may be created, env files, build
 * contexts), since creating them changes the findings too.
 */
export function composeDependencies(file: ManifestFile, workspace: ComposeWorkspace): string[] {
  return analyze(file, workspace).dependencies;
}
