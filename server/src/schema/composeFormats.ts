import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats';

// Compose durations are Go durations ("1m30s"), not ISO 8601 ones as in ajv-formats.
export const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

/** The formats the Compose schema is checked with; shared by the compiler and cached validator code. */
export const COMPOSE_FORMATS: Readonly<Record<string, Format>> = { ...fullFormats, duration: GO_DURATION };
