/**
 * The error catalog. Every failure a user can meet has a stable numeric code, a message template and a
 * hint that says how to fix it. Codes in the 3xx (blob) and 4xx (interpreter) ranges are shared with the
 * C interpreter (firmware-template/components/minnow/include/mn_status.h); change both or neither.
 *
 * Ranges: 1xx model file, 2xx planning and budget, 3xx blob format, 4xx interpreter,
 * 5xx device protocol, 6xx project files and data, 9xx CLI usage.
 */

export interface ErrorDef {
  readonly code: number;
  /** Message template; `{name}` placeholders are filled from the error's details. */
  readonly message: string;
  readonly hint: string;
}

export const ERRORS = {
  // 1xx: the model file
  MODEL_NOT_JSON: { code: 100, message: 'The file is not valid JSON: {detail}', hint: 'Check for a missing comma or quote near the position given.' },
  MODEL_SCHEMA: { code: 101, message: 'The model file is malformed at {path}: {detail}', hint: 'A model file needs "format": "minnow-model", "version": 1, a "name", an "input" with a "shape", and a "layers" array.' },
  MODEL_VERSION: { code: 102, message: 'Model file version {version} is not supported (this Minnow reads version 1).', hint: 'Open the file with a newer Minnow, or re-export it as version 1.' },
  UNKNOWN_LAYER_TYPE: { code: 103, message: 'Layer "{layer}" has unknown type "{type}".', hint: '{suggestion}' },
  MISSING_PARAM: { code: 104, message: 'Layer "{layer}" ({type}) is missing the parameter "{param}".', hint: 'Add "{param}" to the layer, for example {example}.' },
  INVALID_PARAM: { code: 105, message: 'Layer "{layer}" ({type}) has an invalid "{param}": {detail}', hint: '{fix}' },
  DUPLICATE_ID: { code: 106, message: 'Two layers are named "{layer}".', hint: 'Give every layer a unique id.' },
  DANGLING_INPUT: { code: 107, message: 'Layer "{layer}" takes its input from "{input}", which does not exist.', hint: 'Use the id of an earlier layer, or "input" for the model input.' },
  CYCLE: { code: 108, message: 'Layer "{layer}" is part of a cycle: {cycle}.', hint: 'A network must flow one way; remove one of these connections.' },
  UNCONNECTED: { code: 109, message: 'Layer "{layer}" does not lead to the model output ("{output}").', hint: 'Connect it to a later layer, or delete it.' },
  SHAPE_MISMATCH: { code: 110, message: 'Layer "{layer}" ({type}) cannot take an input of shape {shape}: {detail}', hint: '{fix}' },
  ADD_SHAPES: { code: 111, message: 'Layer "{layer}" (Add) gets inputs of different shapes: {shapes}.', hint: 'Add needs every input to have the same shape; change the filters/units of one branch.' },
  CONCAT_AXES: { code: 112, message: 'Layer "{layer}" (Concatenate) gets inputs {shapes} that differ outside axis {axis}.', hint: 'All inputs must match on every axis except the one being joined.' },
  KERNEL_TOO_LARGE: { code: 113, message: 'Layer "{layer}" ({type}) has a window of {kernel} on an input of {size} with padding "valid".', hint: 'Use padding "same", a smaller kernel/pool size, or a larger input.' },
  ZERO_SIZED: { code: 114, message: 'Layer "{layer}" ({type}) produces an empty output {shape}.', hint: '{fix}' },
  WRONG_ARITY: { code: 115, message: 'Layer "{layer}" ({type}) takes {expected} input(s) but is given {actual}.', hint: '{fix}' },
  EMPTY_MODEL: { code: 116, message: 'The model has no layers.', hint: 'Add at least one layer, for example a Dense layer.' },
  INPUT_ID_RESERVED: { code: 117, message: 'A layer may not be named "input": that name is the model input.', hint: 'Rename the layer.' },

  // 2xx: planning and budget
  UNKNOWN_CHIP: { code: 201, message: 'Unknown chip "{chip}".', hint: 'Run `minnow chips` to list the ids, e.g. esp32, esp32s3, esp32c3.' },
  MANIFEST_INVALID: { code: 202, message: 'The firmware manifest is malformed: {detail}', hint: 'Rebuild public/firmware/manifest.json with the firmware pipeline.' },

  // 9xx: CLI usage
  CLI_USAGE: { code: 901, message: '{detail}', hint: 'Run `minnow help` for usage.' },
  FILE_READ: { code: 902, message: 'Cannot read {file}: {detail}', hint: 'Check the path and the file permissions.' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorId = keyof typeof ERRORS;
export type ErrorDetails = Readonly<Record<string, string | number | undefined>>;

function fill(template: string, details: ErrorDetails): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details[key];
    return value === undefined ? whole : String(value);
  });
}

export class MinnowError extends Error {
  readonly id: ErrorId;
  readonly code: number;
  readonly hint: string;
  readonly details: ErrorDetails;
  /** The layer the problem is about, when there is one: the UI highlights it. */
  readonly layerId: string | undefined;

  constructor(id: ErrorId, details: ErrorDetails = {}) {
    const def: ErrorDef = ERRORS[id];
    super(fill(def.message, details));
    this.name = 'MinnowError';
    this.id = id;
    this.code = def.code;
    this.hint = fill(def.hint, details);
    this.details = details;
    this.layerId = typeof details.layer === 'string' ? details.layer : undefined;
  }

  /** One line for a terminal or a toast: "E110 message — hint". */
  describe(): string {
    return `E${this.code} ${this.message} — ${this.hint}`;
  }

  toJSON(): { code: number; id: ErrorId; message: string; hint: string; layer?: string } {
    return {
      code: this.code,
      id: this.id,
      message: this.message,
      hint: this.hint,
      ...(this.layerId === undefined ? {} : { layer: this.layerId }),
    };
  }
}

export function isMinnowError(e: unknown): e is MinnowError {
  return e instanceof MinnowError;
}
