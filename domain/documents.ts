/** What a document attached to a project is. */
export const DOCUMENT_KINDS = ['approval', 'quote', 'photo', 'report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Each kind as the back office names it. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  approval: 'Autorisation',
  quote: 'Devis',
  photo: 'Photo',
  report: 'Bilan',
};

/** The formats a project's documents may have. */
export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The largest document accepted: 5 Mo. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: DocumentContentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The format a file's first bytes show (PDF, JPEG or PNG), whatever its name or declared type says; else undefined. */
export function sniffContentType(content: Uint8Array): DocumentContentType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => content[index] === byte))?.type;
}
