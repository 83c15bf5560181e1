/**
 * The renderer's Content Security Policy. Sent as a header with every app:// response (the
 * packaged app and `npm start`), with every http response in development, and put into the
 * built index.html as a meta tag (for the browser harness, which serves the same build).
 * In development Vite's React refresh needs an inline preamble and a websocket, so the dev
 * policy allows exactly those. Pure: the renderer's build config imports it too.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
