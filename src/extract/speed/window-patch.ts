/** The shape shared by chronicle's jsdom patches: installed once per process, applied only to windows enabled. */
import type { createRequire } from 'node:module';

export type Require = ReturnType<typeof createRequire>;

/**
 * `install(requireModule, isEnabled)` patches jsdom once (false: jsdom is not as expected, nothing patched); the
 * function returned enables the patch for one window's global object and says whether it is in effect.
 */
export function perWindowPatch(
  install: (requireModule: Require, isEnabled: (globalObject: object) => boolean) => boolean,
): (requireModule: Require, globalObject: object) => boolean {
  const enabled = new WeakSet<object>();
  const isEnabled = (globalObject: object): boolean => enabled.has(globalObject);
  let installed: boolean | null = null;
  return (requireModule, globalObject) => {
    installed ??= install(requireModule, isEnabled);
    if (installed) enabled.add(globalObject);
    return installed;
  };
}
