import { describe, expect, it } from 'vitest';
import { sniffContentType } from './documents.ts';

describe('the format of a document, from its first bytes', () => {
  it('recognises PDF, JPEG and PNG files', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffContentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('recognises nothing else, whatever the name says', () => {
    expect(sniffContentType(Buffer.from('<html>pas une image</html>'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('%PD'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});
