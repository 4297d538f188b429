// The feedpub version the code was built from: part of the ingest fingerprint and of the deploy
// trigger that starts a republish (a new version may parse or render differently).
import packageJson from '../../package.json' with { type: 'json' };

export const CODE_VERSION: string = packageJson.version;
