import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, makeItem, RANK, type ItemEnv } from './items';

interface Skeleton {
  label: string;
  description: string;
  /** Lines indented with two spaces a level; re-indented to the document's step and the cursor's column. */
  lines: string[];
}

const SERVICE_SKELETONS: Skeleton[] = [
  {
    label: 'service (image)',
    description: 'A service running an image, with a published port.',
    lines: ['${1:web}:', '  image: ${2:nginx:1.27}', '  ports:', '    - "${3:8080}:${4:80}"', '  restart: ${5|unless-stopped,always,on-failure,no|}'],
  },
  {
    label: 'service (build)',
    description: 'A service built from a Dockerfile in a directory.',
    lines: ['${1:app}:', '  build:', '    context: ${2:.}', '    dockerfile: ${3:Dockerfile}', '  ports:', '    - "${4:3000}:${5:3000}"', '  env_file:', '    - ${6:.env}'],
  },
  {
    label: 'service (with healthcheck)',
    description: 'A service with a health check, so others can wait for `service_healthy`.',
    lines: [
      '${1:db}:', '  image: ${2:postgres:16}', '  environment:', '    POSTGRES_PASSWORD: ${3:example}', '  volumes:', '    - ${4:db-data}:/var/lib/postgresql/data',
      '  healthcheck:', '    test: ["CMD-SHELL", "${5:pg_isready -U postgres}"]', '    interval: 10s', '    timeout: 5s', '    retries: 5',
    ],
  },
];

const FILE_SKELETONS: Skeleton[] = [
  {
    label: 'Compose file',
    description: 'A Compose file with one service.',
    lines: ['services:', '  ${1:web}:', '    image: ${2:nginx:1.27}', '    ports:', '      - "${3:8080}:${4:80}"'],
  },
  {
    label: 'Compose file (app + database)',
    description: 'An app built from source waiting for a healthy database, with a named volume.',
    lines: [
      'services:', '  ${1:app}:', '    build: ${2:.}', '    ports:', '      - "${3:8080}:${4:8080}"', '    depends_on:', '      db:', '        condition: service_healthy',
      '  db:', '    image: ${5:postgres:16}', '    environment:', '      POSTGRES_PASSWORD: ${6:example}', '    volumes:', '      - db-data:/var/lib/postgresql/data',
      '    healthcheck:', '      test: ["CMD-SHELL", "pg_isready -U postgres"]', '      interval: 10s', '      retries: 5', 'volumes:', '  db-data:',
    ],
  },
];

function reindent(lines: string[], column: number, tab: number): string {
  return lines
    .map((line, i) => {
      const depth = (line.length - line.trimStart().length) / 2;
      return (i === 0 ? '' : ' '.repeat(column + depth * tab)) + line.trimStart();
    })
    .join('\n');
}

function items(env: ItemEnv, skeletons: Skeleton[], detail: string): CompletionItem[] {
  return skeletons.map((s) =>
    makeItem(env, s.label, reindent(s.lines, env.ctx.column, env.ctx.tab), {
      kind: CompletionItemKind.Snippet,
      detail,
      documentation: s.description,
      rank: RANK.required,
      filterText: s.label,
      snippet: true,
    }),
  );
}

/** Service skeletons for a new entry under `services:`. */
export function serviceSkeletonItems(env: ItemEnv): CompletionItem[] {
  return items(env, SERVICE_SKELETONS, 'Compose service');
}

/** Whole-file skeletons for an empty Compose document. */
export function composeFileItems(env: ItemEnv): CompletionItem[] {
  return items(env, FILE_SKELETONS, 'Compose file template');
}
