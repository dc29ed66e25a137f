import { useEffect, useRef } from 'react';

/** The board's console: boot logs, the firmware's lines and the flasher's notes (marked »). */
export function SerialMonitor(props: {
  log: string;
  onClear: () => void;
  onReset: () => void;
  canReset: boolean;
}) {
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = pre.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [props.log]);
  return (
    <section className="device-card serial-monitor" aria-label="Serial monitor">
      <div className="device-row">
        <h3>Serial monitor</h3>
        <button type="button" className="small" onClick={props.onReset} disabled={!props.canReset}>
          Reset board
        </button>
        <button type="button" className="small" onClick={props.onClear}>
          Clear
        </button>
      </div>
      <pre ref={pre} className="monitor" tabIndex={0}>
        {props.log || 'Nothing received yet.'}
      </pre>
    </section>
  );
}
