import { MinnowError } from '../errors.ts';
import { ESP_IMAGE_HEADER_BYTES, ESP_SEGMENT_HEADER_BYTES } from './esp-image.ts';

export interface Segment {
  readonly loadAddr: number;
  readonly data: Uint8Array;
}

/** Bytes that must sit at a fixed flash offset inside the image (a segment of their own, loaded to spare RAM). */
export interface PinnedSegment extends Segment {
  readonly fileOffset: number;
}

const HEADER = ESP_SEGMENT_HEADER_BYTES;
/** The smallest segment worth a header: one word. */
const MIN_DATA = 4;

function cannotPin(pinned: PinnedSegment, detail: string): MinnowError {
  return new MinnowError('ESP_IMAGE_INVALID', {
    detail: `the bytes pinned at file offset 0x${pinned.fileOffset.toString(16)} cannot be placed: ${detail}`,
  });
}

/**
 * Orders segments so that `pinned`'s data starts exactly at its file offset, splitting the segment that would
 * cross it (a split segment is two segments loading consecutive addresses: the ROM sees the same bytes). This
 * is how a bare-metal image larger than 0x8000 still carries a valid partition table at flash 0x8000.
 */
export function layoutSegments(segments: readonly Segment[], pinned?: PinnedSegment): Segment[] {
  if (pinned === undefined) return [...segments];
  const headerAt = pinned.fileOffset - HEADER;
  if (headerAt % 4 !== 0 || headerAt < ESP_IMAGE_HEADER_BYTES) {
    throw cannotPin(pinned, 'it is not a word offset after the image header');
  }
  const out: Segment[] = [];
  let pos = ESP_IMAGE_HEADER_BYTES;
  let placed = false;
  const emit = (s: Segment) => {
    out.push(s);
    pos += HEADER + s.data.length;
    if (placed || pos !== headerAt) return;
    out.push({ loadAddr: pinned.loadAddr, data: pinned.data });
    pos += HEADER + pinned.data.length;
    placed = true;
  };
  for (const segment of segments) {
    const end = pos + HEADER + segment.data.length;
    // Whole if it ends at the pinned header or leaves room for one more header and word before it.
    if (placed || end === headerAt || end + HEADER + MIN_DATA <= headerAt) {
      emit(segment);
      continue;
    }
    const first = headerAt - pos - HEADER;
    if (first < MIN_DATA || first >= segment.data.length) {
      throw cannotPin(
        pinned,
        `segment ${out.length} would end ${headerAt - end} bytes before it, too few for a segment`,
      );
    }
    emit({ loadAddr: segment.loadAddr, data: segment.data.subarray(0, first) });
    emit({ loadAddr: segment.loadAddr + first, data: segment.data.subarray(first) });
  }
  if (!placed)
    throw cannotPin(pinned, 'the segments end before it; write those bytes as a file of their own');
  return out;
}
