/**
 * The error catalog. Every failure a user can meet has a stable numeric code, a message template and a
 * hint that says how to fix it. Codes in the 3xx (blob) and 4xx (interpreter) ranges are shared with the
 * C interpreter (firmware-template/components/minnow/include/mn_status.h); change both or neither.
 *
 * Ranges: 1xx model file, 2xx planning and budget, 3xx blob format, 4xx interpreter,
 * 5xx device protocol, 6xx project files and data, 7xx capture (webcam, microphone), 9xx CLI usage.
 */

export interface ErrorDef {
  readonly code: number;
  /** Message template; `{name}` placeholders are filled from the error's details. */
  readonly message: string;
  readonly hint: string;
}

export const ERRORS = {
  // 1xx: the model file
  MODEL_NOT_JSON: {
    code: 100,
    message: 'The file is not valid JSON: {detail}',
    hint: 'Check for a missing comma or quote near the position given.',
  },
  MODEL_SCHEMA: {
    code: 101,
    message: 'The model file is malformed at {path}: {detail}',
    hint: 'A model file needs "format": "minnow-model", "version": 1, a "name", an "input" with a "shape", and a "layers" array.',
  },
  MODEL_VERSION: {
    code: 102,
    message: 'Model file version {version} is not supported (this Minnow reads version 1).',
    hint: 'Open the file with a newer Minnow, or re-export it as version 1.',
  },
  UNKNOWN_LAYER_TYPE: {
    code: 103,
    message: 'Layer "{layer}" has unknown type "{type}".',
    hint: '{suggestion}',
  },
  MISSING_PARAM: {
    code: 104,
    message: 'Layer "{layer}" ({type}) is missing the parameter "{param}".',
    hint: 'Add "{param}" to the layer, for example {example}.',
  },
  INVALID_PARAM: {
    code: 105,
    message: 'Layer "{layer}" ({type}) has an invalid "{param}": {detail}',
    hint: '{fix}',
  },
  DUPLICATE_ID: {
    code: 106,
    message: 'Two layers are named "{layer}".',
    hint: 'Give every layer a unique id.',
  },
  DANGLING_INPUT: {
    code: 107,
    message: 'Layer "{layer}" takes its input from "{input}", which does not exist.',
    hint: 'Use the id of an earlier layer, or "input" for the model input.',
  },
  CYCLE: {
    code: 108,
    message: 'Layer "{layer}" is part of a cycle: {cycle}.',
    hint: 'A network must flow one way; remove one of these connections.',
  },
  UNCONNECTED: {
    code: 109,
    message: 'Layer "{layer}" does not lead to the model output ("{output}").',
    hint: 'Connect it to a later layer, or delete it.',
  },
  SHAPE_MISMATCH: {
    code: 110,
    message: 'Layer "{layer}" ({type}) cannot take an input of shape {shape}: {detail}',
    hint: '{fix}',
  },
  ADD_SHAPES: {
    code: 111,
    message: 'Layer "{layer}" (Add) gets inputs of different shapes: {shapes}.',
    hint: 'Add needs every input to have the same shape; change the filters/units of one branch.',
  },
  CONCAT_AXES: {
    code: 112,
    message: 'Layer "{layer}" (Concatenate) gets inputs {shapes} that differ outside axis {axis}.',
    hint: 'All inputs must match on every axis except the one being joined.',
  },
  KERNEL_TOO_LARGE: {
    code: 113,
    message: 'Layer "{layer}" ({type}) has a window of {kernel} on an input of {size} with padding "valid".',
    hint: 'Use padding "same", a smaller kernel/pool size, or a larger input.',
  },
  ZERO_SIZED: {
    code: 114,
    message: 'Layer "{layer}" ({type}) produces an empty output {shape}.',
    hint: '{fix}',
  },
  WRONG_ARITY: {
    code: 115,
    message: 'Layer "{layer}" ({type}) takes {expected} input(s) but is given {actual}.',
    hint: '{fix}',
  },
  EMPTY_MODEL: {
    code: 116,
    message: 'The model has no layers.',
    hint: 'Add at least one layer, for example a Dense layer.',
  },
  INPUT_ID_RESERVED: {
    code: 117,
    message: 'A layer may not be named "input": that name is the model input.',
    hint: 'Rename the layer.',
  },

  // 2xx: planning and budget
  UNKNOWN_CHIP: {
    code: 201,
    message: 'Unknown chip "{chip}".',
    hint: '{suggestion}Known chips: {known}. `minnow chips` lists them with their memory.',
  },
  MANIFEST_INVALID: {
    code: 202,
    message: 'The firmware manifest is malformed: {detail}',
    hint: 'Rebuild public/firmware/manifest.json with the firmware pipeline.',
  },
  PLAN_BUFFER_INVALID: {
    code: 203,
    message: 'The memory planner was given an invalid buffer: {detail}',
    hint: 'Sizes must be whole bytes and lifetimes whole step numbers with first <= last.',
  },
  PLAN_TENSOR_TOO_LARGE: {
    code: 204,
    message:
      'Layer "{layer}" ({type}) outputs a tensor of shape [{shape}]: more values than any memory can count.',
    hint: 'Make it smaller: a smaller input, fewer filters or units, or pooling and strides before this layer.',
  },
  // 22x: chip catalog, firmware manifest, budget
  MANIFEST_VERSION: {
    code: 220,
    message: 'Firmware manifest version {version} is not supported (this Minnow reads version 1).',
    hint: 'Update Minnow, or rebuild the manifest with a matching firmware pipeline.',
  },
  FIRMWARE_CHIP_MISMATCH: {
    code: 221,
    message: 'The firmware build for "{firmware}" cannot be used to budget chip "{chip}".',
    hint: 'Pick the manifest build whose chip matches the selected chip.',
  },
  BOARD_MEMORY_INVALID: {
    code: 222,
    message: 'The board reported impossible memory figures: {detail}',
    hint: 'Reconnect the board; if it persists, reflash the Minnow firmware.',
  },
  BUDGET_INPUT_INVALID: {
    code: 223,
    message: 'Cannot budget the model: {detail}',
    hint: 'Every size and count must be a whole number of 0 or more.',
  },

  // 3xx: blob format (docs/FORMAT.md §8); shared with the C interpreter
  BLOB_TRUNCATED: {
    code: 300,
    message: 'The model blob is truncated: {detail}',
    hint: 'The file or partition was cut short; compile and flash the model again.',
  },
  BLOB_MAGIC: {
    code: 301,
    message: 'This is not a Minnow model blob (it does not start with "MNWB").',
    hint: 'Pass a .bin written by `minnow compile`.',
  },
  BLOB_VERSION: {
    code: 302,
    message: 'Model blob version {version} is not supported (this Minnow reads version 1).',
    hint: 'Compile the model again with this Minnow.',
  },
  BLOB_HEADER_SIZE: {
    code: 303,
    message: 'The model blob header size is {size} bytes; version 1 has 64.',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_TOTAL_SIZE: {
    code: 304,
    message: 'The model blob declares an impossible size: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_CRC: {
    code: 305,
    message: 'The model blob checksum does not match (stored {stored}, computed {computed}).',
    hint: 'The blob was damaged in transfer or in flash; flash it again.',
  },
  BLOB_FLAGS: {
    code: 306,
    message: 'The model blob sets unknown flags {flags}.',
    hint: 'Compile the model again with this Minnow.',
  },
  BLOB_COUNTS: {
    code: 307,
    message: 'The model blob has an impossible tensor or op count: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_ARENA_SIZE: {
    code: 308,
    message: 'The model blob asks for an arena of {size} bytes, more than the 16 MiB limit.',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_NAME: {
    code: 309,
    message: 'The model name in the blob is malformed: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_TENSOR_TYPE: {
    code: 310,
    message: 'Tensor {tensor} of the model blob has unknown element type {type}.',
    hint: 'The blob is damaged or from a newer Minnow; compile it again.',
  },
  BLOB_TENSOR_SHAPE: {
    code: 311,
    message: 'Tensor {tensor} of the model blob has an invalid shape: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_TENSOR_OFFSET: {
    code: 312,
    message: 'Tensor {tensor} of the model blob lies outside its region: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_TENSOR_QUANT: {
    code: 313,
    message: 'Tensor {tensor} of the model blob has invalid quantization: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_IO_TENSOR: {
    code: 314,
    message: 'The model blob names an invalid {which} tensor {tensor}.',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_OPCODE: {
    code: 315,
    message: 'Op {op} of the model blob has unknown or reserved op code {opcode}.',
    hint: 'The blob is damaged or from a newer Minnow; compile it again.',
  },
  BLOB_OP_OPERANDS: {
    code: 316,
    message: 'Op {op} ({opname}) of the model blob has invalid operands: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_PACKING_UNSUPPORTED: {
    code: 317,
    message: 'Op {op} ({opname}) uses {packing} weights, which this interpreter does not run yet.',
    hint: 'Compile the model with int8 weights.',
  },
  BLOB_OP_SHAPE: {
    code: 318,
    message: 'Op {op} ({opname}) of the model blob has inconsistent shapes: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_OP_ATTRIBUTES: {
    code: 319,
    message: 'Op {op} ({opname}) of the model blob has invalid attributes: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_CONSTANT_RANGE: {
    code: 320,
    message: 'Op {op} ({opname}) of the model blob has a constant out of range: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },
  BLOB_TEST_VECTOR: {
    code: 321,
    message: 'The test vector of the model blob is invalid: {detail}',
    hint: 'The blob is damaged; compile it again.',
  },

  // 4xx: interpreter; shared with the C interpreter
  ARENA_TOO_SMALL: {
    code: 401,
    message: 'The arena has {given} bytes; this model needs {needed}.',
    hint: "Give the interpreter an arena of at least the blob's arena size.",
  },
  INPUT_SIZE: {
    code: 402,
    message: 'The input has {given} bytes; this model takes {needed} (int8, shape {shape}).',
    hint: "Pass exactly one quantized input of the model's input shape.",
  },
  SELF_TEST_FAILED: {
    code: 403,
    message: 'The model did not reproduce its test vector: {detail}',
    hint: 'The interpreter and the compiler disagree; report it with the blob.',
  },
  NO_TEST_VECTOR: {
    code: 404,
    message: 'The model blob has no test vector to check against.',
    hint: 'Compile with --test-vector to embed one.',
  },
  MISALIGNED: {
    code: 405,
    message: 'The model blob or the arena starts at an address that is not a multiple of 4.',
    hint: "Place both at 4-byte aligned addresses (docs/FORMAT.md F-3, F-15): Minnow's firmware always does; a program of your own that embeds the interpreter must too.",
  },
  SENSOR_MISSING: {
    code: 407,
    message: 'No MPU-6050 answered on the I2C bus: {detail}',
    hint: 'Check the wiring (SDA, SCL, 3.3 V, GND), the pins given, and the address: 0x68 with AD0 low, 0x69 with AD0 high (docs/SENSORS.md).',
  },
  SENSOR_UNAVAILABLE: {
    code: 408,
    message: 'This firmware cannot read sensors: {detail}',
    hint: 'Flash the ESP-IDF build of the Minnow firmware, or print the samples from your own sketch and use the data forwarder (docs/SENSORS.md).',
  },
  SENSOR_IO: {
    code: 409,
    message: 'The sensor stopped answering: {detail}',
    hint: 'The samples received so far are kept. Check the wiring and start again.',
  },

  // 5xx: device protocol (docs/PROTOCOL.md); shared with the C interpreter
  PROTO_FRAME: {
    code: 501,
    message: 'A serial frame is malformed: {detail}',
    hint: 'Frames look like "@MN1 <seq> <kind> <len> <base64|-> <crc32>"; see docs/PROTOCOL.md.',
  },
  PROTO_VERSION: {
    code: 502,
    message: 'The board speaks protocol version {version}; this Minnow speaks version 1.',
    hint: 'Flash the Minnow firmware that matches this app.',
  },
  PROTO_COMMAND: {
    code: 503,
    message: 'The board does not know the command "{kind}".',
    hint: 'Flash the Minnow firmware that matches this app.',
  },
  PROTO_PAYLOAD: {
    code: 504,
    message: 'The "{kind}" message has a payload of the wrong size or content: {detail}',
    hint: 'The app and the firmware disagree on the protocol; flash the matching firmware.',
  },
  NO_MODEL: {
    code: 505,
    message: 'The board has no valid model in its "model" partition: {detail}',
    hint: 'Flash a model from the app; the board tells why the current one was refused.',
  },
  NO_ARENA: {
    code: 506,
    message: "The board cannot allocate the model's arena: {detail}",
    hint: 'Shrink the model (fewer filters or units, smaller input) until its arena fits the largest free block.',
  },
  INPUT_RANGE: {
    code: 507,
    message: 'Input bytes {detail} fall outside the model input.',
    hint: 'Send at most the model input size, at offsets inside it.',
  },

  // 52x–53x: connecting to and flashing a board (src/device)
  NO_WEBSERIAL: {
    code: 520,
    message: 'This browser cannot open serial ports (it has no Web Serial).',
    hint: 'Use Chrome or Edge on a computer, or download the files below and flash them with the esptool.py command shown.',
  },
  PORT_BUSY: {
    code: 521,
    message: 'The serial port is in use by another program: {detail}',
    hint: 'Close the other program (Arduino IDE serial monitor, idf.py monitor, another browser tab) and connect again.',
  },
  PORT_DENIED: {
    code: 522,
    message: 'Permission to open the serial port was denied: {detail}',
    hint: 'Pick the port again and allow access. On Linux, add yourself to the "dialout" group (sudo usermod -aG dialout $USER) and log in again.',
  },
  NO_SYNC: {
    code: 523,
    message: 'The board did not answer its bootloader: {detail}',
    hint: "Hold the BOOT button, press and release EN (RESET), release BOOT, then flash again. Check that the cable carries data and that the port is the board's.",
  },
  CHIP_MISMATCH: {
    code: 524,
    message: 'The board is an {detected}, but the project is set up for {selected}.',
    hint: 'Select {detected} as the chip (the budget follows), or connect a {selected} board.',
  },
  MODEL_TOO_LARGE: {
    code: 525,
    message: "The model blob has {blob} bytes, but the board's model partition holds only {partition}.",
    hint: 'Shrink the model (fewer units or filters), or flash a firmware build with a larger model partition.',
  },
  UNPLUGGED: {
    code: 526,
    message: 'The board was disconnected while {activity}.',
    hint: '{recovery}',
  },
  FIRMWARE_TOO_OLD: {
    code: 527,
    message:
      'The firmware on the board (v{firmware}) reads model blob versions {min} to {max}; this model is version {blob}.',
    hint: 'Flash the full firmware from this app (turn off "update model only") to update it.',
  },
  NO_FIRMWARE_BUILD: {
    code: 528,
    message: 'This Minnow has no firmware build for {chip}.',
    hint: 'Choose "Use my own firmware build" and pick your ESP-IDF build\'s flasher_args.json and .bin files, or "Model only" if the board already runs the Minnow firmware.',
  },
  FLASHER_ARGS_INVALID: {
    code: 529,
    message: 'The ESP-IDF build files cannot be used: {detail}',
    hint: 'Nothing was written. Pick the build folder of an ESP-IDF build of the Minnow firmware (build/flasher_args.json with every .bin file it names), or the one file "esptool.py merge_bin" makes of it.',
  },
  FIRMWARE_FILE_INVALID: {
    code: 530,
    message: 'The firmware file {file} is missing or damaged: {detail}',
    hint: 'Reload the page to fetch the firmware again; if it persists, the files in public/firmware/ do not match their manifest.',
  },
  VERIFY_FAILED: {
    code: 531,
    message: 'After writing {file}, the flash does not hold the same bytes (its MD5 differs).',
    hint: 'Use a shorter or better USB cable, or a lower baud rate, and flash again.',
  },
  FLASH_CANCELLED: {
    code: 532,
    message: 'Flashing was cancelled while {activity}.',
    hint: '{recovery}',
  },
  BOARD_SILENT: {
    code: 533,
    message: 'The board did not answer "{kind}" within {ms} ms.',
    hint: 'Press EN (RESET) on the board and try again; if it still does not answer, flash the Minnow firmware.',
  },
  MODEL_NOT_CONFIRMED: {
    code: 534,
    message: 'The board restarted, but {detail}',
    hint: 'Flash again; if it repeats, flash the full firmware as well.',
  },
  PARTITION_TABLE_UNREADABLE: {
    code: 535,
    message: 'The partition table cannot be read: {detail}',
    hint: 'Use the partition-table.bin of the same ESP-IDF build as the firmware.',
  },
  NO_MODEL_PARTITION: {
    code: 536,
    message: 'The partition table has no model partition (type 0x40).',
    hint: 'Flash the full Minnow firmware first; an ESP-IDF build of your own needs the Minnow partitions.csv, which declares "model, 0x40, 0x00".',
  },
  FLASH_FAILED: {
    code: 537,
    message: 'Flashing failed: {detail}',
    hint: 'Unplug and replug the board, then try again; if it repeats, choose a lower baud rate.',
  },
  BOARD_ERROR: {
    code: 538,
    message: 'The board answered "{kind}" with error E{code}: {detail}',
    hint: '{hint}',
  },
  NO_PORT_CHOSEN: {
    code: 539,
    message: 'No serial port was chosen.',
    hint: "Click Connect and pick the board's port. If it is not listed, check the USB cable (some only charge) and the driver named under the port.",
  },
  GENERATE_REQUEST: {
    code: 540,
    message: 'The board cannot generate {detail}.',
    hint: 'Give a prompt of at least one character and ask for 0 to 65535 tokens.',
  },
  // 55x: ESP images the mask ROM loads (bare-metal firmware, src/core/firmware/esp-image*.ts)
  ESP_IMAGE_INVALID: {
    code: 550,
    message: 'The firmware image is not a valid ESP image: {detail}',
    hint: 'Nothing was written. Download the firmware again, or rebuild it with `npm run firmware:bare`.',
  },
  ESP_IMAGE_CHIP: {
    code: 551,
    message: 'The firmware image is built for chip id {built}, but {chip} has chip id {expected}.',
    hint: 'Nothing was written. Pick the image built for {chip} (public/firmware/{chip}/).',
  },
  ESP_IMAGE_LOAD_ADDRESS: {
    code: 552,
    message: 'Segment {segment} of the firmware image loads at {range}, {detail}.',
    hint: 'Nothing was written. Link the image inside the RAM the {chip} ROM may load into ({allowed}); see docs/BARE-METAL.md.',
  },
  ELF_INVALID: {
    code: 553,
    message: 'The ELF file cannot be turned into an ESP image: {detail}',
    hint: 'Give the 32-bit little-endian RISC-V executable that firmware-template/bare/build.sh links.',
  },
  // 554–569: the data forwarder and sensor streams (docs/SENSORS.md)
  FORWARDER_CHANNELS: {
    code: 554,
    message: 'Channel {channel} cannot be named "{name}": the name {problem}.',
    hint: 'Name channels like ax, ay, az, gx, gy, gz: a letter, then letters, digits or _.',
  },
  FORWARDER_PORT_LOST: {
    code: 555,
    message: "The board's port closed: {kept}.",
    hint: 'Plug the board back in and connect again; the recordings so far are still here.',
  },
  FORWARDER_CHANNEL_COUNT: {
    code: 558,
    message: 'The board sends {have} values a line, but {given} channel names were given.',
    hint: 'Give one name per channel, separated by commas, in the order the board prints them.',
  },
  SENSOR_REQUEST: {
    code: 556,
    message: 'The sensor stream cannot start: {detail}',
    hint: 'Ask for 1 to 1000 samples per second, address 0x68 or 0x69, ranges 0 to 3 and GPIO numbers 0 to 63.',
  },
  LIVE_INPUT: {
    code: 557,
    message: 'The live window does not fit the model: {detail}',
    hint: 'Record with as many channels as the model input has, for at least as many samples as its first axis.',
  },

  FLASH_TOO_SMALL: {
    code: 541,
    message: '{what} needs {need} of flash, but the board has {have}.',
    hint: 'Nothing was written. Use a build made for {have} of flash or less (Minnow builds say "2MB"), or a board with more flash.',
  },
  IMAGE_CHIP_MISMATCH: {
    code: 542,
    message: '{what} is built for {built}, but {against} {chip}.',
    hint: 'Nothing was written. Build the firmware for {chip} (idf.py set-target {chipId}) and pick that build.',
  },
  NO_BUILD_FOR_REVISION: {
    code: 543,
    message:
      'The board is an {chip} of chip revision {revision}; this Minnow has firmware for it only for {ranges}.',
    hint: 'Nothing was written. Choose "Use my own firmware build" with an ESP-IDF build for this revision, or "Model only" if the board already runs the Minnow firmware.',
  },
  FIRMWARE_DIFFERS: {
    code: 544,
    message: 'The board runs {actual}, not {expected} as this Minnow ships it.',
    hint: 'Flash "Firmware and model" to install the firmware this app expects; until then, what the board reports may not match the app.',
  },
  MODEL_PARTITION_MISMATCH: {
    code: 545,
    message:
      'The firmware build for {chip} puts the model partition at {manifest} in its manifest, but at {table} in its own partition table ({file}).',
    hint: 'Nothing was written. The manifest and the partition table come from different builds: build the firmware again and regenerate the manifest from the same partitions.csv (scripts/firmware-manifest.ts).',
  },
  FIRMWARE_INCOMPLETE: {
    code: 546,
    message:
      'The firmware on the board is incomplete or not the one this Minnow ships: {detail}. Writing only the model would leave a board that may not start.',
    hint: 'Nothing was written. Choose "Flash everything" to write the firmware, the partition table and the model again (an interrupted full flash leaves the board like this). If the board runs a build of your own, pick it with "Use my own firmware build" first.',
  },
  WRITE_FAILED: {
    code: 547,
    message: 'Writing {region} at {address} did not complete ({detail}); that region may be partly erased.',
    hint: '{recovery} {advice}',
  },
  TRANSFER_FAILED: {
    code: 548,
    message: 'A reply from the board was lost or garbled while {activity}: {detail}',
    hint: '{recovery} Try again: a one-off transfer error does not come back. Only if it repeats, use a shorter or better USB cable, or a lower baud rate.',
  },
  FLASH_WORN: {
    code: 549,
    message:
      'After writing {region}, the flash at {address} does not hold what was sent, twice at the same address: the flash may be worn there.',
    hint: 'The data reached the board checked, so the cable is not the cause. Flash once more; if {address} fails again, use another board (or a build whose {region} region avoids that address). {recovery}',
  },

  // 62x: compiling a model with its weights and calibration data
  WEIGHTS_MISSING: {
    code: 620,
    message: 'Layer "{layer}" has no weight "{weight}".',
    hint: 'Train the model, or compile with --random-weights --seed N.',
  },
  WEIGHTS_SHAPE: {
    code: 621,
    message:
      'Layer "{layer}": weight "{weight}" has {actual} values, but its shape {shape} needs {expected}.',
    hint: 'The weights belong to another version of the model; train it again.',
  },
  WEIGHTS_NOT_FINITE: {
    code: 622,
    message: 'Layer "{layer}": weight "{weight}" holds NaN or infinite values.',
    hint: 'Training diverged; lower the learning rate and train again.',
  },
  CALIBRATION_DATA: {
    code: 623,
    message: 'The calibration data is unusable: {detail}',
    hint: "Give one or more samples of the model's input shape with finite values.",
  },
  COMPILE_UNSUPPORTED: {
    code: 624,
    message: 'Layer "{layer}" ({type}) cannot be compiled to a blob: {detail}',
    hint: '{fix}',
  },
  QUANT_OUT_OF_RANGE: {
    code: 625,
    message: 'Layer "{layer}" needs a rescaling factor of {value}, beyond what int8 arithmetic can express.',
    hint: 'Its weights or activations are extreme; check the training, or add BatchNormalization.',
  },
  QUANT_SCALE_INVALID: {
    code: 628,
    message:
      'Layer "{layer}" cannot be quantized: its rescaling factor is {what}, where input, weight and output scales must be finite and above zero.',
    hint: 'Its weights or the calibration data are degenerate (infinite, or the same value everywhere): check the data and train again.',
  },
  PARTITION_TABLE_INVALID: {
    code: 626,
    message: 'Partition "{name}" cannot be placed: {detail}',
    hint: 'Partitions need 1–16 character names, 4 KB sizes, and offsets that do not overlap (apps aligned to 64 KB).',
  },
  BLOB_TOO_LARGE: {
    code: 627,
    message: 'The model does not fit the blob format: {detail} (docs/FORMAT.md F-4).',
    hint: 'Make the model smaller: fewer units, filters or layers, or weights stored as int4 or ternary.',
  },

  // 60x: project files (docs/PROJECT.md) and the browser's project storage
  PROJECT_NOT_JSON: {
    code: 600,
    message: 'The project file is not valid JSON: {detail}',
    hint: 'Pick a file exported from Minnow (a .minnow.json project or a model .json).',
  },
  PROJECT_SCHEMA: {
    code: 601,
    message: 'The project file is malformed at {path}: {detail}',
    hint: 'A project file needs "format": "minnow-project", "version": 1, a "name", a "chip" and a "model" (see docs/PROJECT.md).',
  },
  PROJECT_VERSION: {
    code: 602,
    message: 'Project file version {version} is not supported (this Minnow reads versions {readable}).',
    hint: 'Open the file with a newer Minnow.',
  },
  STORAGE_UNAVAILABLE: {
    code: 603,
    message: 'Projects cannot be saved in this browser: {detail}',
    hint: 'Allow site storage for this page (private windows may block it), or export the project to a file.',
  },

  // 64x: data sets for training
  DATA_EMPTY: {
    code: 640,
    message: 'The data set "{source}" holds no samples.',
    hint: 'Pick a file with at least one row of data, or a folder with images.',
  },
  CSV_NO_USABLE_ROWS: {
    code: 641,
    message: 'No row of the CSV file is usable ({bad} of {rows} rows are bad); the first: {detail}',
    hint: 'Every row needs a number in each feature column and a label; fix the rows listed in the report.',
  },
  CSV_LABEL_COLUMN: {
    code: 642,
    message: 'The CSV file has no column {column}; its columns are {columns}.',
    hint: 'Choose one of the listed columns as the label.',
  },
  CSV_NO_FEATURES: {
    code: 643,
    message: 'The CSV file has no numeric column besides the label column "{column}".',
    hint: 'Add at least one column of numbers for the model to learn from.',
  },
  CSV_UNCLOSED_QUOTE: {
    code: 658,
    message:
      'Line {line} of the CSV file opens a quoted value (") that is never closed, so the rest of the file reads as one value.',
    hint: 'Close that quote or remove it, save the file, and load it again.',
  },
  DATA_SHAPE: {
    code: 644,
    message: 'The data set gives samples of shape {data} ({size} values), but the model input is {model}.',
    hint: '{fix}',
  },
  DATA_LABELS: {
    code: 645,
    message:
      'The data set has {targets}, but the model output "{layer}" gives {outputs} value(s) per sample.',
    hint: '{fix}',
  },
  IMAGES_NO_CLASSES: {
    code: 646,
    message: 'The image folder holds {classes} class folder(s) with images; training needs at least 2.',
    hint: 'Put the images of each class in a sub-folder named after the class, such as cats/ and dogs/.',
  },
  IMU_TOO_SHORT: {
    code: 647,
    message: 'No recording of one label is {window} rows long (the longest has {longest}).',
    hint: 'Record each gesture for longer, or give the model a shorter input.',
  },
  DATA_TOO_FEW: {
    code: 648,
    message: 'Training needs at least {min} samples; the data set has {count}.',
    hint: 'Add more data, or use a built-in data set.',
  },
  DATA_SOURCE: {
    code: 649,
    message: 'The data set "{source}" could not be read: {detail}',
    hint: 'Check the file and try again.',
  },
  // 65x: training in the browser
  TRAIN_SETTINGS: {
    code: 650,
    message: 'The training setting "{setting}" is invalid: {detail}',
    hint: '{fix}',
  },
  TRAIN_NO_DATA: {
    code: 651,
    message: 'There is no data set to train on or test with.',
    hint: 'Load a data set first: MNIST, sine, a CSV file or an image folder.',
  },
  TRAIN_DIVERGED: {
    code: 652,
    message: 'Training diverged: the loss became {loss} in epoch {epoch}.',
    hint: 'Lower the learning rate (try a tenth of it) and train again.',
  },
  TRAIN_BUSY: {
    code: 653,
    message: 'The trainer cannot do that while it is {state}.',
    hint: 'Wait for it to finish, or stop it first.',
  },
  NO_TRAINED_WEIGHTS: {
    code: 654,
    message: 'There are no trained weights to {action}.',
    hint: 'Train the model first, or open a project with saved weights.',
  },
  TRAIN_UNSUPPORTED: {
    code: 655,
    message: 'Layer "{layer}" ({type}) cannot be trained in the browser: {detail}',
    hint: 'Replace it with a layer from the palette.',
  },
  PREDICT_INPUT: {
    code: 656,
    message: 'The input has {given} values; the model takes {needed} (shape {shape}).',
    hint: "Give one sample of the model's input shape.",
  },
  SAMPLE_INDEX: {
    code: 657,
    message: 'There is no sample {index}; the validation set holds {count}.',
    hint: 'Pick a sample from 0 to the last one.',
  },

  // 66x: text to train a language model on
  TEXT_EMPTY: {
    code: 660,
    message: 'The text "{source}" is empty or holds only white space.',
    hint: 'Paste some text to learn from: a few kilobytes of prose, verse or code.',
  },
  TEXT_TOO_SHORT: {
    code: 661,
    message:
      'The text "{source}" has {bytes} bytes; a window of {window} characters and the one after it need {needed}.',
    hint: 'Paste more text, or use a shorter window.',
  },
  TEXT_TOO_LONG: {
    code: 662,
    message: 'The text "{source}" has {bytes} bytes, more than the {max} a text may have.',
    hint: 'Use a part of it: a few hundred kilobytes already train a character model well.',
  },
  TEXT_WINDOW: {
    code: 663,
    message: 'The text {setting} {value} is invalid: it must be a whole number from {min} to {max}.',
    hint: 'Leave it out to take the default, or give a value in that range.',
  },
  TEXT_NEEDS_TOKEN_MODEL: {
    code: 664,
    message:
      'Text trains a model that reads one character at a time, but "{model}" {detail}: it needs an input of shape [1] read by an Embedding, and a GRU keeping its last state.',
    hint: 'Start from the char-lm template (Embedding 256×64, GRU, Dense of 256 units) and train it on your text.',
  },

  // 67x: importing a tfjs Layers / Keras model (model.json and its weight shards)
  IMPORT_NO_MODEL_JSON: {
    code: 670,
    message: 'No tfjs model among the files given ({files}): {detail}',
    hint: 'Select one model.json (as written by tfjs model.save(), tensorflowjs_converter or Teachable Machine) together with its .bin weight files, or one .tflite file.',
  },
  IMPORT_MODEL_JSON: {
    code: 671,
    message: '{file} is not a tfjs Layers model: {detail}',
    hint: 'Export the model again with tfjs model.save() or tensorflowjs_converter --output_format=tfjs_layers_model; a graph model (model.json with "format": "graph-model") cannot be imported.',
  },
  IMPORT_LAYER_UNSUPPORTED: {
    code: 672,
    message: 'Layer {index} "{name}" ({className}) cannot be imported: {detail}',
    hint: '{instead}',
  },
  IMPORT_SHARD_MISSING: {
    code: 673,
    message: 'The weights manifest of {file} names the shard "{shard}", which is not among the files given.',
    hint: 'Select model.json together with all its weight files ({shards}) in one go, or drop them all at once.',
  },
  IMPORT_SHARD_SIZE: {
    code: 674,
    message:
      'The weight shards {shards} hold {bytes} bytes, but the weights the manifest lists need {needed}.',
    hint: 'A shard is truncated or belongs to another model: export the model again and import model.json with the shards written with it.',
  },
  IMPORT_WEIGHT_DTYPE: {
    code: 675,
    message: 'Weight "{weight}" is stored as "{dtype}", which Minnow cannot read.',
    hint: 'Minnow reads float32 weights and weights quantized to uint8, uint16 or float16 by tensorflowjs_converter; convert without other options.',
  },
  IMPORT_WEIGHT_MISSING: {
    code: 676,
    message: 'Layer {index} "{name}" ({className}) needs the weight "{weight}" of shape {shape}: {detail}',
    hint: 'The weights manifest does not match the topology: import the model.json written together with these shards.',
  },
  IMPORT_TOPOLOGY: {
    code: 677,
    message: 'The topology of {file} is unusable at {place}: {detail}',
    hint: '{fix}',
  },
  IMPORT_SHAPE: {
    code: 678,
    message: '{what} has the shape {shape}: {detail}',
    hint: 'Sizes must be whole numbers from 1 up, a model input at most {max} values; the file is damaged or was written for another tool.',
  },

  // 68x–69x: importing models made elsewhere (TensorFlow Lite)
  TFLITE_NOT_MODEL: {
    code: 680,
    message: '{file} is not a TensorFlow Lite model: {detail}',
    hint: 'Give a .tflite file written by the TensorFlow Lite converter (its bytes 4–7 read "TFL3").',
  },
  TFLITE_DAMAGED: {
    code: 681,
    message: '{file} is damaged at {where}: {detail}',
    hint: 'The file is truncated or corrupted; copy or export it again from TensorFlow.',
  },
  TFLITE_UNSUPPORTED_OP: {
    code: 682,
    message: '{file}: operator {index} ({op}, output "{tensor}") is not supported: {detail}',
    hint: '{instead}',
  },
  TFLITE_UNSUPPORTED_MODEL: {
    code: 683,
    message: '{file}: {detail}',
    hint: '{fix}',
  },
  IMPORT_NEEDS_CALIBRATION: {
    code: 684,
    message:
      '{file} holds float weights (trained or imported): their int8 ranges must be measured on real inputs, and none were given.',
    hint: 'Pass --calibrate data.csv (one input per row, {size} numbers each), or --random-weights to ignore the imported weights.',
  },
  IMPORT_QUANT_STALE: {
    code: 685,
    message: 'The imported int8 quantization of layer "{layer}" no longer fits the model: {detail}',
    hint: 'Undo the edit to that layer, or import the model again; a float model of the same network calibrates instead.',
  },
  CALIBRATION_CSV: {
    code: 686,
    message: '{file}, row {row}: {detail}',
    hint: 'Write one input per row: {size} numbers separated by commas, nothing else.',
  },

  // 7xx: capture from the webcam and the microphone (docs/DATA.md D-8 to D-11)
  CAPTURE_PERMISSION: {
    code: 700,
    message: 'The browser was not allowed to use the {device}.',
    hint: 'Allow the {device} for this site (the icon at the left of the address bar), then press Record again. Nothing recorded so far is lost.',
  },
  CAPTURE_NO_DEVICE: {
    code: 701,
    message: 'No {device} was found.',
    hint: 'Plug in a {device} (or free it from another program that is using it), then press Record again. Nothing recorded so far is lost.',
  },
  CAPTURE_DEVICE_FAILED: {
    code: 702,
    message: 'The {device} could not start: {detail}',
    hint: 'Close other programs or tabs that use the {device}, then try again. Nothing recorded so far is lost.',
  },
  CAPTURE_UNSUPPORTED: {
    code: 703,
    message: 'This browser cannot record from a {device} on this page.',
    hint: 'Open Minnow over https (or on localhost) in a current Chromium, Firefox or Safari.',
  },
  CAPTURE_RECORD: {
    code: 704,
    message: 'A stored capture is malformed at {path}: {detail}',
    hint: 'Captures are written by Minnow; this one was damaged. It is skipped; the others are kept.',
  },
  CAPTURE_STORAGE_FULL: {
    code: 705,
    message: 'The browser storage for this site is almost full ({used} of {quota} used).',
    hint: 'Delete captures you do not need, or export the project and its captures, before recording more.',
  },
  CAPTURE_SHAPE: {
    code: 706,
    message: 'Recording needs a model input of {expected}; this model reads {model}.',
    hint: '{fix}',
  },
  CAPTURE_TOO_FEW: {
    code: 707,
    message:
      'Only {classes} class(es) have recordings at the size the model reads ({shape}); training needs at least two.',
    hint: 'Record a few samples in at least two classes.',
  },
  CAPTURE_SAVE: {
    code: 708,
    message: 'The captures could not be saved: {detail}',
    hint: 'They stay on the page until it is closed: export the project now to keep them.',
  },
  CAPTURE_RATE: {
    code: 709,
    message: 'Cannot resample audio from {from} Hz to {to} Hz.',
    hint: 'Sample rates must be whole numbers from 1 to 384000.',
  },
  LIVE_VALUES: {
    code: 730,
    message: 'The live input does not fit the model on the board: {detail}',
    hint: 'Start the camera or microphone again: the frame or clip is made at the input shape of the flashed model.',
  },

  // 9xx: CLI usage
  CLI_USAGE: { code: 901, message: '{detail}', hint: 'Run `minnow help` for usage.' },
  FILE_READ: {
    code: 902,
    message: 'Cannot read {file}: {detail}',
    hint: 'Check the path and the file permissions.',
  },
  FILE_WRITE: {
    code: 903,
    message: 'Cannot write {file}: {detail}',
    hint: 'Check that the folder exists and that you may write to it.',
  },
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
