import { MinnowError } from '../../core/errors.ts';
import { ExportFiles, type ExportFilesProps } from './ExportFiles.tsx';

const NO_WEBSERIAL = new MinnowError('NO_WEBSERIAL');

/** Where Web Serial is missing: why, then the files to flash with esptool.py and the command that does it. */
export function NoSerialDownloads(props: ExportFilesProps) {
  return (
    <div className="no-serial">
      <p>
        <strong>E{NO_WEBSERIAL.code}</strong> {NO_WEBSERIAL.message} {NO_WEBSERIAL.hint}
      </p>
      <ExportFiles {...props} />
    </div>
  );
}
