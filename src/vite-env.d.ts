/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare module 'virtual:minnow-firmware-manifest' {
  /** public/firmware/manifest.json as shipped (checked by the app before use), or null without one. */
  const manifest: unknown;
  export default manifest;
}
