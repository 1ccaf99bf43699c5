// Imported first by the page checks' scripts: keeps every uncaught error, unhandled rejection and page-thread
// fetch that answered 4xx/5xx in `globalThis.__pageErrors`, for the engines whose driver does not report them
// (classic WebDriver, WebKitGTK, which has no Resource Timing `responseStatus` either).
const seen = (globalThis.__pageErrors = []);
globalThis.addEventListener('error', (e) => seen.push(`uncaught: ${e.message}`));
globalThis.addEventListener('unhandledrejection', (e) =>
  seen.push(`unhandled rejection: ${e.reason?.message ?? e.reason}`),
);
const nativeFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  const res = await nativeFetch(...args);
  if (res.status >= 400) seen.push(`HTTP ${res.status}: ${res.url}`);
  return res;
};
