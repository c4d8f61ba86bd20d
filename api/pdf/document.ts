import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

// Noto Sans, embedded (subset): the PDF standard fonts know only WinAnsi and garble a whole line holding a name
// such as « Łukasz Nguyễn »; read once, on the first document
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
};
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => {
  const resolve = createRequire(import.meta.url).resolve;
  fonts ??= { regular: readFileSync(resolve(FONT_FILES.regular)), bold: readFileSync(resolve(FONT_FILES.bold)) };
  return fonts;
};

/** Renders an A4 PDF document written by `write`, in Noto Sans (fonts `regular` and `bold`), as a buffer. */
export function renderPdf(
  info: { Title: string; Author: string },
  write: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info, lang: 'fr-FR' });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular).registerFont('bold', bold).font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  write(doc);
  doc.end();
  return done;
}
