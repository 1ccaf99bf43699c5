// Imported first by the page checks' scripts: keeps every uncaught error and unhandled rejection of the page in
// `globalThis.__pageErrors`, for the engines whose driver does not report them (classic WebDriver, WebKitGTK).
const seen = (globalThis.__pageErrors = []);
globalThis.addEventListener('error', (e) => seen.push(`uncaught: ${e.message}`));
globalThis.addEventListener('unhandledrejection', (e) =>
  seen.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`),
);
