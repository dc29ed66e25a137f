export { decodeBase64, encodeBase64 } from './base64.ts';
export { decodeFrame, encodeFrame, MARKER, MAX_PAYLOAD, PROTOCOL_VERSION, type Frame } from './frame.ts';
export { FrameScanner } from './scanner.ts';
export * from './messages.ts';
export * from './generate.ts';
export * from './imu.ts';
