import { registerSW } from 'virtual:pwa-register';

/** Installs the service worker that precaches the whole app, so it opens offline after the first visit. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
