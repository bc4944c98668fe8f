// Module resolution hook (node:module register) for the boot test's driver: every import of
// `electron`, from the built bundle or from a dependency such as electron-store, resolves to the
// project's Electron stand-in, whose URL the driver passes in.
let standInUrl;

export function initialize(data) {
  standInUrl = data.standInUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standInUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
