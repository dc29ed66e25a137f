import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  readonly key: K;
  readonly label: string;
}

/** WAI-ARIA tabs: arrow keys move between tabs, only the active tab is in the focus order. */
export function Tabs<K extends string>(props: {
  label: string;
  tabs: readonly TabDef<K>[];
  active: K;
  onChange: (key: K) => void;
  children: ReactNode;
  end?: ReactNode;
}) {
  const { label, tabs, active, onChange, children, end } = props;
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const i = tabs.findIndex((t) => t.key === active);
    const next = tabs[(i + step + tabs.length) % tabs.length];
    if (!next) return;
    onChange(next.key);
    list.current?.querySelector<HTMLElement>(`#tab-${next.key}`)?.focus();
  };
  return (
    <div className="tabs">
      <div className="tab-bar">
        <div role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.key}
              id={`tab-${t.key}`}
              type="button"
              role="tab"
              aria-selected={t.key === active}
              aria-controls={`panel-${t.key}`}
              tabIndex={t.key === active ? 0 : -1}
              onClick={() => onChange(t.key)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {end}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`}>
        {children}
      </div>
    </div>
  );
}
