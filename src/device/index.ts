/**
 * Talking to boards: the only part of the app that imports esptool-js or touches navigator.serial (DESIGN §2).
 * Ports are injected (SerialLike / SerialPortLike), so tests and the e2e bridge plug in an emulated board.
 */
export { BoardClient, type Reply, type RequestOptions } from './board-client.ts';
export {
  cyclesToMs,
  generateOnBoard,
  generateTimeoutMs,
  runOnBoard,
  selfTestOnBoard,
  type GenerateOutcome,
  type RunOutcome,
} from './board-commands.ts';
export { boardMemory, checkBlobVersion, waitForInfo } from './board-info.ts';
export { chipIdFromName, chipLabel, firmwareChip, sameChip } from './chip-names.ts';
export { checkFlashedModel, confirmOnBoard } from './confirm.ts';
export {
  blobFile,
  flashInstructions,
  headerFile,
  projectZip,
  TEMPLATE_MODEL_PARTITION,
  type DownloadFile,
  type FlashInstructions,
} from './downloads.ts';
export { esptoolCommand } from './esptool-command.ts';
export { explainFailure, offeredAction, recovery, type OfferedAction } from './explain.ts';
export {
  fetchFromBase,
  loadManifestImage,
  manifestFirmware,
  type FetchFile,
  type FirmwareFile,
  type FirmwareFor,
  type FirmwareImage,
} from './firmware-image.ts';
export { firmwareDifference, manifestPromise, type ExpectedFirmware } from './firmware-check.ts';
export { imageFromFlasherArgs } from './flasher-args.ts';
export { checkFlashFits, checkImageForChip } from './image-checks.ts';
export { checkModelPartition } from './table-check.ts';
export { imageFromMergedBin } from './merged-bin.ts';
export { imageFromPicked, type PickedFile } from './own-build.ts';
export { consoleName, portAdvice, portWarning } from './port-advice.ts';
export { flashBoard, type FlashReport, type FlashRequest } from './flasher.ts';
export { ForwarderFeed, type ByteSource, type FeedState } from './forwarder-feed.ts';
export { streamImu, type ImuStream } from './imu-stream.ts';
export { liveLoop } from './live-loop.ts';
export { liveTest, liveWindow, type LiveResult, type Prediction } from './live-test.ts';
export { planRegions, type FlashMode, type ModelPartition, type Region } from './flash-plan.ts';
export type { FileProgress, FlashProgress } from './flash-progress.ts';
export { findModelPartition, readPartitionTable, type PartitionRow } from './partition-read.ts';
export { browserSerial, type SerialLike, type SerialPortLike } from './serial-types.ts';
export { CONSOLE_BAUD, SerialChannel } from './serial-channel.ts';
export {
  DeviceSession,
  type DeviceState,
  type DeviceStatus,
  type FlashOptions,
  type Generation,
} from './session.ts';
export { loadTemplate, type TemplateFile } from './template-files.ts';
export { describePort, type PortDescription } from './usb-bridges.ts';
export { quantizeInput, validateOnDevice, type ValidationReport, type ValidationSample } from './validate.ts';
export { zipStore, type ZipEntry } from './zip.ts';
