import type { default as Ajv, Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';

// resource.Quantity: <signedNumber><suffix>, suffix binary SI, decimal SI or a decimal exponent.
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The formats that appear in Kubernetes OpenAPI documents, checked the way the API server decodes
 * them. One record serves both the compiler and validators loaded from the on-disk cache, whose
 * code reaches these same definitions by name.
 */
export const KUBERNETES_FORMATS: Readonly<Record<string, Format>> = {
  'date-time': fullFormats['date-time'],
  date: fullFormats.date,
  uri: fullFormats.uri,
  email: fullFormats.email,
  hostname: fullFormats.hostname,
  ipv4: fullFormats.ipv4,
  ipv6: fullFormats.ipv6,
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  double: { type: 'number', validate: () => true },
  float: { type: 'number', validate: () => true },
  byte: { type: 'string', validate: (s: string) => BASE64.test(s.replace(/\s+/g, '')) },
  quantity: { type: 'string', validate: (s: string) => QUANTITY.test(s) },
  // Formats that only annotate (the type keyword or oneOf already checks them).
  'int-or-string': true,
  password: true,
  binary: true,
  uuid: true,
  duration: true,
};

export function addKubernetesFormats(ajv: Ajv): void {
  for (const [name, format] of Object.entries(KUBERNETES_FORMATS)) ajv.addFormat(name, format);
}
