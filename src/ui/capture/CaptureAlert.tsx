/** A capture or device problem in plain words, announced to screen readers; nothing when there is none. */
export function CaptureAlert({ text, testId }: { text: string | null | undefined; testId: string }) {
  if (!text) return null;
  return (
    <p className="capture-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
