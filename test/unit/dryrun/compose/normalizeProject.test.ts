import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { yaml } from '../../helpers';
import { load } from './composeUpHelpers';
import { normalizeComposeProject } from '../../../../server/src/dryrun/compose/normalizeProject';

/** Loads a compose file as the integrator does and normalises it with an environment. */
function normalize(text: string, env: Record<string, string> = {}) {
  const { value, name } = load(text);
  return normalizeComposeProject(value, name, env);
}

/** Compares the normalised services (or one field of each) with YAML. */
function check(text: string, expected: string, env: Record<string, string> = {}): void {
  const result = normalize(text, env);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.project.model.services, parse(expected));
}

test('C8: docker compose config shape', () => {
  const result = normalize(yaml`
    services:
      web:
        image: "nginx:\${TAG:-1.25}"
        ports: ["8080:80"]
        environment: [MODE=prod]
        depends_on: [db]
      db:
        image: postgres
  `);
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(
    result.project.model,
    parse(yaml`
      name: demo
      services:
        db:
          image: postgres
          networks:
            default: null
        web:
          depends_on:
            db:
              condition: service_started
              required: true
          environment:
            MODE: prod
          image: nginx:1.25
          networks:
            default: null
          ports:
            - mode: ingress
              target: 80
              published: "8080"
              protocol: tcp
      networks:
        default:
          name: demo_default
    `),
  );
  assert.deepEqual(Object.keys(result.project.model), ['name', 'networks', 'services']);
});

test('C8: interpolation with an environment', () => {
  const image = (expression: string, env: Record<string, string>) => normalize(`services:\n  web:\n    image: "${expression}"\n`, env);
  assert.equal(image('nginx:${TAG:-1.25}', { TAG: '1.27' }).project.services.web?.image, 'nginx:1.27');
  assert.equal(image('x${TAG-x}', { TAG: '' }).project.services.web?.image, 'x');
  assert.equal(image('${TAG:-x}', { TAG: '' }).project.services.web?.image, 'x');
  assert.equal(image('$${TAG}', {}).project.services.web?.image, '${TAG}');
  assert.equal(image('a${TAG:+-dev}', { TAG: '1' }).project.services.web?.image, 'a-dev');
  assert.deepEqual(image('nginx:${TAG:?tag required}', {}).errors, ['error while interpolating services.web.image: required variable TAG is missing a value: tag required']);
  assert.deepEqual(image('nginx:${TAG?}', {}).errors, ['error while interpolating services.web.image: required variable TAG is missing a value']);
  assert.deepEqual(image('nginx:${TAG?}', { TAG: '' }).errors, []);
  const unset = image('nginx:${TAG}-${TAG}${SET:-${UNUSED}}', { SET: 'v' });
  assert.deepEqual(unset.warnings, ['The "TAG" variable is not set. Defaulting to a blank string.']);
  assert.equal(unset.project.services.web?.image, 'nginx:-v');
  assert.match(image('nginx:${TAG', {}).errors[0] ?? '', /^services\.web\.image: Invalid interpolation/);
});

test('ports to long syntax', () => {
  check(
    yaml`
      services:
        web:
          image: x
          ports: ["127.0.0.1:8000-8001:80-81/udp", "9000", 9001, "7000-7002:70", {target: "53", published: 5353, protocol: udp}, "[::1]:6000:60"]
    `,
    yaml`
      web:
        image: x
        networks: {default: null}
        ports:
          - {mode: ingress, target: 80, published: "8000", protocol: udp, host_ip: 127.0.0.1}
          - {mode: ingress, target: 81, published: "8001", protocol: udp, host_ip: 127.0.0.1}
          - {mode: ingress, target: 9000, protocol: tcp}
          - {mode: ingress, target: 9001, protocol: tcp}
          - {mode: ingress, target: 70, published: "7000-7002", protocol: tcp}
          - {mode: ingress, target: 53, published: "5353", protocol: udp}
          - {mode: ingress, target: 60, published: "6000", protocol: tcp, host_ip: "::1"}
    `,
  );
});

test('volumes, environment, labels, build, pull_policy and implicit dependencies', () => {
  check(
    yaml`
      services:
        web:
          image: x
          volumes: ["./conf:/etc/conf:ro", "data:/data:nocopy", "/cache", {type: bind, source: ., target: /src}]
          environment: {A: 1, B: null, HOME: ~}
          labels: [team=web, tier]
          pull_policy: if_not_present
          links: ["db:database"]
          volumes_from: [store, "container:legacy"]
          ipc: "service:ipcd"
          build: ./web
        db: {image: x}
        store: {image: x, network_mode: host, depends_on: {db: {condition: service_healthy}}}
        ipcd: {image: x, networks: [back, front]}
    `,
    yaml`
      db: {image: x, networks: {default: null}}
      ipcd: {image: x, networks: {back: null, front: null}}
      store:
        image: x
        network_mode: host
        depends_on: {db: {condition: service_healthy, required: true}}
      web:
        image: x
        networks: {default: null}
        build: {context: ./web, dockerfile: Dockerfile}
        pull_policy: missing
        volumes:
          - {type: bind, source: ./conf, target: /etc/conf, read_only: true, bind: {create_host_path: true}}
          - {type: volume, source: data, target: /data, volume: {nocopy: true}}
          - {type: volume, target: /cache, volume: {}}
          - {type: bind, source: ., target: /src}
        environment: {A: "1", B: null, HOME: /home/me}
        labels: {team: web, tier: null}
        links: ["db:database"]
        volumes_from: [store, "container:legacy"]
        ipc: "service:ipcd"
        depends_on:
          db: {condition: service_started, required: true, restart: true}
          ipcd: {condition: service_started, required: true, restart: true}
          store: {condition: service_started, required: true}
    `,
    { HOME: '/home/me' },
  );
});

test('profiles: disabled services are left out of the model; COMPOSE_PROFILES enables them', () => {
  const text = yaml`
    services:
      web: {image: x}
      debug: {image: y, profiles: [debug], networks: [tools]}
    networks:
      tools: {}
      unused: {}
  `;
  const off = normalize(text);
  assert.deepEqual(Object.keys(off.project.services), ['web']);
  assert.deepEqual(off.project.disabled, { debug: ['debug'] });
  assert.deepEqual(off.project.model.networks, { default: { name: 'demo_default' } });
  for (const profiles of ['debug', 'other, debug', '*']) {
    const on = normalize(text, { COMPOSE_PROFILES: profiles });
    assert.deepEqual(Object.keys(on.project.services), ['debug', 'web'], profiles);
    assert.deepEqual(on.project.model.networks, { default: { name: 'demo_default' }, tools: { name: 'demo_tools' } });
  }
});

test('replicas: scale, then deploy.replicas, then 1; named resources keep their names', () => {
  const result = normalize(yaml`
    services:
      a: {image: x, scale: "3"}
      b: {image: x, deploy: {replicas: 2}}
      c: {image: x}
      d: {build: .}
      e: {command: true}
    networks:
      default: {name: shared}
      ext: {external: true}
    volumes:
      data: {name: keep-me}
  `);
  assert.deepEqual(result.project.replicas, { a: 3, b: 2, c: 1, d: 1, e: 1 });
  assert.deepEqual(result.errors, ['service "e" has neither an image nor a build context specified: invalid compose project']);
  assert.deepEqual(result.project.networks, { default: { name: 'shared' }, ext: { external: true, name: 'ext' } });
  assert.deepEqual(result.project.volumes, { data: { name: 'keep-me' } });
});
