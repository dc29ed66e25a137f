/** Placeholder page until the IDE lands: says what Minnow is and how to use the CLI meanwhile. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', lineHeight: 1.5 }}>
      <h1>Minnow</h1>
      <p>
        Design a neural network, see whether it fits your microcontroller, train it, and flash it — all in the
        browser.
      </p>
      <p>
        The editor is on its way. Meanwhile, <code>npx minnow inspect examples/mnist-mlp.json --chip esp32</code>{' '}
        shows what a model costs on a chip.
      </p>
    </main>
  );
}
