import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { receiptNumber, receiptSections, statementSections, type ReceiptFacts } from '../../domain/tax-receipts.ts';

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

/** Renders a PDF document written by `write`, as a buffer. */
function render(info: { Title: string; Author: string }, write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
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

function section(doc: PDFKit.PDFDocument, heading: string, lines: string[]) {
  doc.moveDown(0.8).font('bold').fontSize(11).text(heading);
  doc.font('regular').fontSize(10);
  for (const line of lines) doc.text(line);
}

/** A tax receipt as PDF, in the structure's name, with the legal mentions of the French form. */
export function taxReceiptPdf(facts: ReceiptFacts): Promise<Buffer> {
  const text = receiptSections(facts);
  return render(
    { Title: `Reçu fiscal ${receiptNumber(facts.year, facts.number)}`, Author: facts.structure.legalName },
    (doc) => {
      doc.font('bold').fontSize(14).text(text.title, { align: 'center' });
      doc.font('regular').fontSize(9).text(text.legalBasis, { align: 'center' });
      doc.moveDown().fontSize(10).text(text.number, { align: 'right' });
      section(doc, 'Bénéficiaire des versements', text.beneficiary);
      section(doc, 'Donateur', text.donor);
      section(doc, 'Don', text.sum);
      section(doc, 'Certification', [text.certification]);
      section(doc, 'Modalités', text.form);
      section(doc, 'Signature', text.signature);
    },
  );
}

/** A donor's yearly statement: every receipt issued to them for gifts paid in the year, and the total. */
export function yearlyStatementPdf(year: number, donorName: string, receipts: ReceiptFacts[]): Promise<Buffer> {
  const text = statementSections(year, donorName, receipts);
  return render({ Title: text.title, Author: 'Trousse à Projets' }, (doc) => {
    doc.font('bold').fontSize(14).text(text.title, { align: 'center' });
    doc.font('regular').fontSize(10).moveDown().text(text.donor);
    section(doc, 'Reçus fiscaux émis', text.receipts);
    section(doc, 'Total', text.total);
  });
}
