import { version } from '../version.js';

/** The User-Agent chronicle sends unless told otherwise: names the tool, its version and where to read about it. */
export const DEFAULT_USER_AGENT = `chronicle/${version} (+https://github.com/chronicle)`;
