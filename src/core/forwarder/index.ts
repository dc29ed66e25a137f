/** The data forwarder (docs/SENSORS.md): any board's printed numbers as labelled IMU recordings. */
export { defaultChannelNames, checkChannelNames, IMU_CHANNELS } from './channels.ts';
export { LineSplitter, MAX_LINE } from './line-splitter.ts';
export { ForwarderParser, LOCK_LINES, type ParserStats } from './parser.ts';
export { RateMeter } from './rate.ts';
export { Recorder } from './recorder.ts';
export { recordingsCsv, windowsOf, type Recording } from './recording-csv.ts';
export { parseSampleLine, MAX_CHANNELS, type SampleLine } from './sample-line.ts';
