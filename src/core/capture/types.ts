/** What is recorded (docs/DATA.md D-8 to D-11): webcam frames and microphone clips, each in a class. */

export type CaptureKind = 'image' | 'sound';

interface CaptureBase {
  /** Unique within the project. */
  readonly id: string;
  /** The class (a folder name in an image-folder export). */
  readonly label: string;
  /** When it was recorded (ISO 8601). */
  readonly at: string;
}

/** A webcam frame: the centre square scaled to the model's height and width, as RGB bytes. */
export interface ImageCapture extends CaptureBase {
  readonly kind: 'image';
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** A microphone clip at `rate` (16 kHz when recorded by Minnow), as 16-bit samples. */
export interface ClipCapture extends CaptureBase {
  readonly kind: 'sound';
  readonly rate: number;
  readonly samples: Int16Array;
}

export type Capture = ImageCapture | ClipCapture;

/** A project's captures: the class lists of each kind (in the order shown) and the recordings. */
export interface CaptureSet {
  readonly classes: { readonly image: readonly string[]; readonly sound: readonly string[] };
  readonly items: readonly Capture[];
}

/** The sound class every sound model learns besides the words or events: what the room sounds like. */
export const NOISE_CLASS = 'background noise';

export const EMPTY_SET: CaptureSet = {
  classes: { image: ['class 1', 'class 2'], sound: [NOISE_CLASS, 'class 1'] },
  items: [],
};

/** Bytes a capture takes in storage (its data plus a little for the record around it). */
export function captureBytes(capture: Capture): number {
  return (capture.kind === 'image' ? capture.rgb.byteLength : capture.samples.byteLength) + 128;
}
