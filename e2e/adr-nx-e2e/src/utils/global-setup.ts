import { packPlugin } from './pack';

/** Builds and packs @fx/adr-nx once for every e2e spec. */
export default async function globalSetup(): Promise<void> {
  const tarballs = packPlugin();
  process.env.FX_ADR_NX_TARBALLS = JSON.stringify(tarballs);
}
