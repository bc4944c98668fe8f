/**
 * About: what Ticker says of itself. Its version, licence and homepage come from the package.json
 * it ships with, the runtime's versions from process.versions, and the third-party licences from
 * the file the build writes (third-party-licences.json beside the pages). Pure apart from reading
 * that file, which is passed in.
 */
import type { AboutPanelOptionsOptions } from 'electron';
import { THIRD_PARTY_LICENCES_FILE, type AboutInfo, type ThirdPartyLicence } from '../../shared/about';
import type { UpdateStatus } from '../../shared/update-status';

export { THIRD_PARTY_LICENCES_FILE };

export interface PackageInfo {
  name: string;
  version: string;
  license: string;
  homepage: string | null;
  copyright: string;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function httpsLink(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.toString() : null;
  } catch {
    return null;
  }
}

function authorName(author: unknown): string | null {
  if (typeof author === 'string') return text(author.replace(/\s*[<(].*$/, ''));
  if (typeof author === 'object' && author !== null) return text((author as { name?: unknown }).name);
  return null;
}

/** The facts About needs from a package.json (anything missing or odd gets a plain fallback). */
export function packageInfo(raw: unknown, fallbackVersion: string): PackageInfo {
  const pkg = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const name = text(pkg.productName) ?? 'Ticker';
  const author = authorName(pkg.author);
  return {
    name,
    version: text(pkg.version) ?? fallbackVersion,
    license: text(pkg.license) ?? 'see the LICENSE file',
    homepage: httpsLink(pkg.homepage),
    copyright: `Copyright © ${author ?? `${name} contributors`}`,
  };
}

/** The build's licences file, checked; null when it is missing or unreadable (a development run). */
export function parseThirdPartyLicences(raw: string | null): ThirdPartyLicence[] | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  return parsed.flatMap((entry): ThirdPartyLicence[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { name, version, license, text: body } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof version !== 'string') return [];
    return [
      {
        name,
        version,
        license: typeof license === 'string' ? license : 'UNKNOWN',
        text: typeof body === 'string' ? body : '',
      },
    ];
  });
}

export interface AboutSources {
  pkg: PackageInfo;
  versions: Pick<NodeJS.ProcessVersions, 'node'> & { electron?: string; chrome?: string };
  thirdParty: ThirdPartyLicence[] | null;
  logFolder: string | null;
  update: UpdateStatus;
}

export function aboutInfo(sources: AboutSources): AboutInfo {
  const { pkg, versions } = sources;
  return {
    name: pkg.name,
    version: pkg.version,
    electron: versions.electron ?? 'unknown',
    chromium: versions.chrome ?? 'unknown',
    node: versions.node,
    license: pkg.license,
    homepage: pkg.homepage,
    copyright: pkg.copyright,
    thirdParty: sources.thirdParty,
    logFolder: sources.logFolder,
    update: sources.update,
  };
}

/** The OS's own About panel (macOS app menu, Linux and Windows about dialogs). */
export function aboutPanelOptions(info: AboutInfo, iconPath: string): AboutPanelOptionsOptions {
  return {
    applicationName: info.name,
    applicationVersion: info.version,
    version: `Electron ${info.electron}, Chromium ${info.chromium}, Node ${info.node}`,
    copyright: `${info.copyright}. Licence: ${info.license}.`,
    ...(info.homepage ? { website: info.homepage } : {}),
    credits: 'Market data from Finnhub. Third-party licences: Settings → About.',
    iconPath,
  };
}
