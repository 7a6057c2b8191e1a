import type Ajv from 'ajv';
import addFormats from 'ajv-formats';

// resource.Quantity: <signedNumber><suffix>, suffix binary SI, decimal SI or a decimal exponent.
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The formats that appear in Kubernetes OpenAPI documents, checked the way the API server decodes them. */
export function addKubernetesFormats(ajv: Ajv): void {
  addFormats(ajv, ['date-time', 'date', 'uri', 'email', 'hostname', 'ipv4', 'ipv6']);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('byte', { type: 'string', validate: (s: string) => BASE64.test(s.replace(/\s+/g, '')) });
  ajv.addFormat('quantity', { type: 'string', validate: (s: string) => QUANTITY.test(s) });
  // Formats that only annotate (the type keyword or oneOf already checks them).
  for (const name of ['int-or-string', 'password', 'binary', 'uuid', 'duration']) ajv.addFormat(name, true);
}
