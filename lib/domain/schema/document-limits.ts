/** Largest interchange document the console imports: 64 MiB (a 10,000-bundle cluster's document is about 1.5 MB). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
