import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from '../../documents/diagnostic';
import type { ComposeProject } from './composeProject';
import { originKey, originLocation, originOffsets } from './location';
import type { Finding } from './rules/types';
import { baseName } from './uris';

/**
 * Turns the project's findings into the diagnostics of one file:
 * - only findings located in that file are kept (each file of a project reports its own);
 * - findings about undeclared names are withheld when part of the project could not be read;
 * - a reference that a service inherited through `extends` from another file is reported at
 *   that service's `extends`, as CX-EXT-002 extends-dangling-resources (Warning): Compose does
 *   not import the resources an extended service uses;
 * - one reference inherited by several services (same-file extends) is reported once, for the
 *   service that writes it.
 */
export function placeFindings(project: ComposeProject, findings: Finding[]): Diagnostic[] {
  const uri = project.entry.uri;
  const chosen = new Map<string, Finding>();
  const keep = (key: string, finding: Finding) => {
    const previous = chosen.get(key);
    if (!previous || (!writes(previous) && writes(finding))) chosen.set(key, finding);
  };
  for (const finding of findings) {
    if (finding.missing && project.incomplete) continue;
    if (finding.at.src.file.uri === uri) keep(`${finding.code}\u0002${originKey(finding.at, finding.sub)}`, finding);
    else {
      const inherited = finding.missing && finding.at.src.viaExtends && finding.code !== 'extends-target-missing' ? dangling(project, finding) : undefined;
      if (inherited) keep(`${inherited.code}\u0002${originKey(inherited.at)}\u0002${inherited.message}`, inherited);
    }
  }
  const out = [...chosen.values()].map((f) => toDiagnostic(f));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

// Whether the finding's service is the one whose definition holds the reference.
function writes(finding: Finding): boolean {
  const path = finding.at.path;
  return path[0] === 'services' && path[1] === finding.service;
}

function dangling(project: ComposeProject, finding: Finding): Finding | undefined {
  const service = project.services.find((s) => s.name === finding.service);
  const link = service?.node.inherited?.find((l) => l.at.src.file.uri === project.entry.uri);
  if (!service || !link) return undefined;
  return {
    code: 'extends-dangling-resources',
    severity: 'warning',
    at: link.at,
    service: service.name,
    message: `service ${JSON.stringify(service.name)} extends ${JSON.stringify(link.base)} from ${baseName(link.baseUri)}, which uses ${finding.missing}: it is not declared in this project (Compose does not import the resources of an extended service)`,
    related: [{ at: finding.at, sub: finding.sub, message: finding.message }],
  };
}

function toDiagnostic(finding: Finding): Diagnostic {
  const [start, end] = originOffsets(finding.at, finding.sub);
  const related = finding.related?.map((r) => ({ location: originLocation(r.at, r.sub), message: r.message }));
  return makeDiagnostic(finding.at.src.file.lines, start, end, finding.severity, finding.code, finding.message, related);
}
