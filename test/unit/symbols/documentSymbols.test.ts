import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentSymbols } from '../../../server/src/symbols/documentSymbols';
import { yaml } from '../helpers';
import { bothParses, renderOutline } from './symbolHelpers';

/** The outline of a text, the same whether the file was parsed here or by a worker. */
function check(name: string, text: string, expected: string[], file = 'manifest.yaml'): void {
  test(name, () => {
    for (const [how, parsed] of bothParses(`file:///ws/${file}`, text)) {
      assert.deepEqual(renderOutline(parsed, documentSymbols(parsed)), expected, `parsed by the ${how}`);
    }
  });
}

check(
  'a Deployment: containers with their image and ports, init containers, volumes; namespace as detail',
  yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: prod
    spec:
      template:
        spec:
          initContainers:
            - name: migrate
              image: busybox
          containers:
            - name: web
              image: nginx:1.25
              ports:
                - {name: http, containerPort: 8080}
                - containerPort: 9090
                  protocol: UDP
            - image: sidecar
          volumes:
            - name: data
              persistentVolumeClaim:
                claimName: data-pvc
            - name: cfg
              configMap: {name: settings}
            - name: scratch
              emptyDir: {}
  `,
  [
    'Class Deployment web · prod  L1-27 "web"',
    '  Package migrate · busybox (init)  L10-11 "migrate"',
    '  Package web · nginx:1.25  L13-18 "web"',
    '    Property http 8080/TCP  L16-16 "8080"',
    '    Property 9090/UDP  L17-18 "9090"',
    '  Package containers[1] · sidecar  L19-19 "image: sidecar"',
    '  File data · persistentVolumeClaim data-pvc  L21-23 "data"',
    '  File cfg · configMap settings  L24-25 "cfg"',
    '  File scratch · emptyDir  L26-27 "scratch"',
  ],
);

check(
  'several documents: one symbol each, a Service with its ports, a CronJob’s containers',
  yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      ports:
        - name: http
          port: 80
          targetPort: http
        - port: 443
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              containers: [{name: job, image: backup}]
    ---
    apiVersion: v1
    kind: Namespace
    metadata:
      generateName: tmp-
  `,
  [
    'Interface Service web  L1-9 "web"',
    '  Property http 80 → http/TCP  L6-8 "80"',
    '  Property 443 → 443/TCP  L9-9 "443"',
    'Class CronJob nightly  L10-21 "nightly"',
    '  Package job · backup  L21-21 "job"',
    'Namespace Namespace tmp-*  L22-26 "Namespace"',
  ],
);

check(
  'a kind: List: one symbol per item',
  yaml`
    apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: dev}
      - apiVersion: v1
        kind: Secret
        metadata: {name: b}
  `,
  ['Object ConfigMap a · dev  L4-6 "a"', 'Object Secret b  L7-9 "b"'],
);

check(
  'Compose: services with ports and volumes, then networks, volumes, secrets, configs',
  yaml`
    services:
      web:
        image: nginx
        ports:
          - "8080:80"
          - target: 443
            published: 8443
            protocol: tcp
        volumes:
          - data:/var/lib/data
          - type: bind
            source: ./conf
            target: /etc/conf
      worker:
        build: ./worker
    networks:
      front:
        driver: bridge
    volumes:
      data:
        external: true
    secrets:
      token:
        file: ./token.txt
    configs:
      app:
        environment: APP_CONFIG
  `,
  [
    'Module services  L1-15 "services"',
    '  Class web · nginx  L2-13 "web"',
    '    Property 8080:80  L5-5 ""8080:80""',
    '    Property 8443:443/tcp  L6-8 "443"',
    '    File data:/var/lib/data  L10-10 "data:/var/lib/data"',
    '    File ./conf:/etc/conf  L11-13 "./conf"',
    '  Class worker · build ./worker  L14-15 "worker"',
    'Module networks  L16-18 "networks"',
    '  Interface front · bridge  L17-18 "front"',
    'Module volumes  L19-21 "volumes"',
    '  File data · external  L20-21 "data"',
    'Module secrets  L22-24 "secrets"',
    '  Key token · ./token.txt  L23-24 "token"',
    'Module configs  L25-27 "configs"',
    '  Object app · env APP_CONFIG  L26-27 "app"',
  ],
  'compose.yaml',
);

check('a document that is no manifest has no symbols', 'foo: bar\nlist: [1, 2]\n', [], 'values.yaml');
check('an object without a name is labelled by its kind', 'apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n', ['Object ConfigMap  L1-3 "ConfigMap"']);
check('a broken document still outlines what parsed', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: [\n', ['Object Secret s  L1-4 "s"']);
check(
  'Compose entries written through an alias are not nested where they are not written',
  yaml`
    x-ports: &ports
      - "80:80"
    services:
      web:
        image: nginx
        ports: *ports
      api:
        <<: {image: api}
  `,
  ['Module services  L3-8 "services"', '  Class web · nginx  L4-6 "web"', '  Class api · api  L7-8 "api"'],
  'compose.yaml',
);
