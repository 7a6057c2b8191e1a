/**
 * kubectl's `-l` selector syntax: `app=web`, `tier!=cache`, `env in (a,b)`, `env notin (a)`, `debug`,
 * `!debug`, joined by commas (all must hold).
 */

export interface Requirement {
  key: string;
  operator: '=' | '!=' | 'in' | 'notin' | 'exists' | '!exists';
  values: string[];
}

export type ParsedSelector = { requirements: Requirement[] } | { error: string };

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`(?:[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(\s*([^)]*)\)$`);
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const EXISTS = new RegExp(String.raw`^(!?)\s*(${KEY})$`);

export function parseSelectorText(text: string): ParsedSelector {
  const requirements: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    const term = part.trim();
    if (!term) continue;
    let match = SET.exec(term);
    if (match) {
      const values = match[4]!.split(',').map((v) => v.trim()).filter(Boolean);
      requirements.push({ key: match[1]!, operator: match[3] as 'in' | 'notin', values });
      continue;
    }
    match = EQUALITY.exec(term);
    if (match) {
      requirements.push({ key: match[1]!, operator: match[3] === '!=' ? '!=' : '=', values: [match[4] ?? ''] });
      continue;
    }
    match = EXISTS.exec(term);
    if (match) {
      requirements.push({ key: match[2]!, operator: match[1] ? '!exists' : 'exists', values: [] });
      continue;
    }
    return { error: `found '${term}', expected: !, identifier, or 'end of string'` };
  }
  return { requirements };
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

export function selectorTextMatches(requirements: readonly Requirement[], labels: Readonly<Record<string, string>>): boolean {
  return requirements.every(({ key, operator, values }) => {
    const present = Object.prototype.hasOwnProperty.call(labels, key);
    const value = labels[key];
    switch (operator) {
      case '=':
        return present && value === values[0];
      case '!=':
        return !present || value !== values[0];
      case 'in':
        return present && values.includes(value!);
      case 'notin':
        return !present || !values.includes(value!);
      case 'exists':
        return present;
      case '!exists':
        return !present;
    }
  });
}
