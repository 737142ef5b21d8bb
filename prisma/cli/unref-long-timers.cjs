// The WASM schema engine leaves 10 s and 60 s timers alive after its work is done, so `migrate deploy` would take
// 11 s and `db push` 61 s. Unref-ing long timers lets the CLI exit as soon as its real work ends.
// Loaded with `node --require` by server/db/migrate.ts and the npm db:* scripts; nothing else loads it.
const LONG_MS = 5_000;

for (const name of ["setTimeout", "setInterval"]) {
  const original = globalThis[name];
  globalThis[name] = function unrefLongTimer(callback, ms, ...args) {
    const timer = original(callback, ms, ...args);
    if (typeof ms === "number" && ms >= LONG_MS && timer && typeof timer.unref === "function") timer.unref();
    return timer;
  };
}
