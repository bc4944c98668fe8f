/**
 * What the About view shows: Ticker's version and licence, the runtime's versions, the homepage,
 * and the licences of the third-party packages shipped inside the app (written at build time).
 */
import type { UpdateStatus } from './update-status';

/** The file the build writes beside the pages (out/renderer) with the shipped packages' licences. */
export const THIRD_PARTY_LICENCES_FILE = 'third-party-licences.json';

/** One third-party package shipped in the app, with its licence text. */
export interface ThirdPartyLicence {
  name: string;
  version: string;
  /** The SPDX expression from its package.json ("MIT", "(MIT OR Apache-2.0)"). */
  license: string;
  /** The text of its LICENSE file ('' when the package has none). */
  text: string;
}

export interface AboutInfo {
  name: string;
  version: string;
  electron: string;
  chromium: string;
  node: string;
  /** Ticker's own licence (SPDX). */
  license: string;
  /** An https link, or null when none is known. */
  homepage: string | null;
  copyright: string;
  /** The shipped packages' licences; null when the build did not write them (a development run). */
  thirdParty: ThirdPartyLicence[] | null;
  /** Where the log files are, or null when the log goes to the console only. */
  logFolder: string | null;
  update: UpdateStatus;
}
