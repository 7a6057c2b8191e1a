import { yaml } from '../helpers';
import { checkHovers } from './hoverHelpers';

const compose = yaml`
  version: "3.9"
  services:
    web:
      image: nginx
      restart: always
      ports:
        - "8080:80"
        - target: 443
          published: 8443
      depends_on: [db, cache]
      healthcheck:
        interval: 10s
      networks: [front]
      volumes:
        - data:/var/lib/data
      environment:
        LOG_LEVEL: debug
      secrets: [token]
    db:
      image: postgres
  networks:
    front:
      driver: bridge
  volumes:
    data: {}
  secrets:
    token:
      file: ./token.txt
`;

function at(cursor: string): string {
  const plain = cursor.replace('$0', '');
  if (!compose.includes(plain)) throw new Error(`fixture has no "${plain}"`);
  return compose.replace(plain, cursor);
}

const spec = 'https://docs.docker.com/reference/compose-file/';

checkHovers([
  {
    name: 'a service key: description from the Compose schema, link to its section',
    text: at('im$0age: nginx'),
    file: 'compose.yaml',
    header: '`services.web.image`: `string`',
    contains: ['Optional', 'Specify the image to start the container from.', `[Compose specification: services › image](${spec}services/#image)`],
    covers: 'image',
  },
  {
    name: 'a nested key links to its service attribute',
    text: at('inter$0val: 10s'),
    file: 'compose.yaml',
    header: '`services.web.healthcheck.interval`: `string`',
    contains: ['Time between running the check', `(${spec}services/#healthcheck)`],
  },
  {
    name: 'a short-syntax list item: the union of its forms, described by its list',
    text: at('"80$080:80"'),
    file: 'compose.yaml',
    header: '`services.web.ports[0]`: `number or string or object`',
    contains: ['Expose container ports.', `(${spec}services/#ports)`],
    covers: '"8080:80"',
  },
  {
    name: 'a long-syntax port field',
    text: at('targ$0et: 443'),
    file: 'compose.yaml',
    header: '`services.web.ports[1].target`: `integer or string`',
    contains: ['The port inside the container.'],
  },
  {
    name: 'an environment entry of the map form',
    text: at('LOG_$0LEVEL: debug'),
    file: 'compose.yaml',
    header: '`services.web.environment.LOG_LEVEL`: `string or number or boolean or null`',
  },
  {
    name: 'a network attribute links to the networks page',
    text: at('dri$0ver: bridge'),
    file: 'compose.yaml',
    header: '`networks.front.driver`: `string`',
    contains: [`(${spec}networks/#driver)`],
  },
  {
    name: 'a secret attribute links to the secrets page',
    text: at('fi$0le: ./token.txt'),
    file: 'compose.yaml',
    header: '`secrets.token.file`: `string`',
    contains: [`(${spec}secrets/#file)`],
  },
  {
    name: 'a top-level section links to its page',
    text: at('vol$0umes:\n  data'),
    file: 'compose.yaml',
    header: '`volumes`: `object`',
    contains: ['Named volumes that are shared among multiple services.', `(${spec}volumes/)`],
  },
  {
    name: 'a deprecated key says so',
    text: at('vers$0ion: "3.9"'),
    file: 'compose.yaml',
    contains: ['Optional · **Deprecated**', `(${spec}version-and-name/)`],
  },
  {
    name: 'depends_on on a declared service: where it is declared',
    text: at('[d$0b, cache]'),
    file: 'compose.yaml',
    header: '`services.web.depends_on[0]`: `string`',
    contains: ['\n\n→ service `db` · declared in [compose.yaml:19](file:///ws/compose.yaml#L19,3)\n\n'],
    covers: 'db',
  },
  {
    name: 'depends_on on an undeclared service: not found',
    text: at('[db, ca$0che]'),
    file: 'compose.yaml',
    contains: ['**Not found**: no service `cache` is declared in this Compose project.'],
  },
  {
    name: 'a service network reference',
    text: at('[fr$0ont]'),
    file: 'compose.yaml',
    contains: ['→ network `front` · declared in [compose.yaml:22](file:///ws/compose.yaml#L22,3)'],
  },
  {
    name: 'a named volume in a short-syntax mount',
    text: at('- da$0ta:/var/lib/data'),
    file: 'compose.yaml',
    contains: ['→ volume `data` · declared in [compose.yaml:25](file:///ws/compose.yaml#L25,3)'],
  },
  {
    name: 'a secret reference',
    text: at('[tok$0en]'),
    file: 'compose.yaml',
    contains: ['→ secret `token` · declared in [compose.yaml:27](file:///ws/compose.yaml#L27,3)'],
  },
  {
    name: 'the declaration in an override file is found too',
    text: 'services:\n  web:\n    depends_on: [ca$0che]\n',
    file: 'compose.override.yaml',
    others: { 'compose.yaml': 'services:\n  web:\n    image: nginx\n  cache:\n    image: redis\n' },
    contains: ['→ service `cache` · declared in [compose.yaml:4](file:///ws/compose.yaml#L4,3)'],
  },
  { name: 'an unknown service key: no hover', text: compose.replace('restart: always', 'restr$0at: always'), file: 'compose.yaml', none: true },
]);
