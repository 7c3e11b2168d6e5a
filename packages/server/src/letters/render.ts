import PDFDocument from 'pdfkit';

/** A letter in plain Swedish (klarspråk), as blocks; rendered to PDF/A-like A4 with the municipality as sender. */
export interface Letter {
  /** The municipality and the unit responsible for the case, with the unit's contact details (units.contact_*). */
  sender: { municipality: string; unit: string; contact?: UnitContact | null };
  /** Shown as written, e.g. "23 november 2026" (format in Europe/Stockholm before calling). */
  date: string;
  reference?: string;
  recipient?: { name: string; addressLines: string[] } | null;
  title: string;
  blocks: LetterBlock[];
  contact?: { name: string; phone?: string; email?: string } | null;
  language?: string;
}

/** How to reach the unit; each part is printed when the systemförvaltare has entered it. */
export interface UnitContact {
  phone?: string | null;
  postalAddress?: string | null;
  eServiceUrl?: string | null;
  visitingAddress?: string | null;
}

export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; caption: string; columns: string[]; rows: string[][]; totalRow?: string[] };

const MARGIN = 56;

/** Renders the letter; text stays selectable and searchable (no images of text). */
export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  return new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: letter.title, Author: `${letter.sender.municipality}, ${letter.sender.unit}`, Subject: letter.reference ?? '' },
      lang: letter.language ?? 'sv-SE',
      displayTitle: true,
      tagged: true,
    } as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = doc.page.width - MARGIN * 2;

    doc.font('Helvetica-Bold').fontSize(13).text(letter.sender.municipality);
    doc.font('Helvetica').fontSize(10).text(letter.sender.unit);
    if (letter.sender.contact?.phone) doc.text(`Telefon ${letter.sender.contact.phone}`);
    doc.moveDown(0.5);
    doc.text(`Datum: ${letter.date}`);
    if (letter.reference) doc.text(`Ärende: ${letter.reference}`);
    if (letter.recipient) {
      doc.moveDown(1);
      doc.font('Helvetica-Bold').text(letter.recipient.name);
      doc.font('Helvetica');
      for (const line of letter.recipient.addressLines) doc.text(line);
    }
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(16).text(letter.title, { width });
    doc.moveDown(0.5);

    for (const block of letter.blocks) {
      if (block.type === 'heading') {
        doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(block.text, { width });
        doc.moveDown(0.2);
      } else if (block.type === 'paragraph') {
        doc.font('Helvetica').fontSize(11).text(block.text, { width, lineGap: 2 });
        doc.moveDown(0.5);
      } else if (block.type === 'list') {
        doc.font('Helvetica').fontSize(11).list(block.items, { width, bulletRadius: 2, lineGap: 2 });
        doc.moveDown(0.5);
      } else {
        drawTable(doc, block, width);
      }
    }
    const unitLines = unitContactLines(letter.sender.contact);
    if (letter.contact || unitLines.length) {
      if (doc.y > doc.page.height - MARGIN - 110) doc.addPage();
      doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text('Kontakt', { width });
      doc.font('Helvetica').fontSize(10);
      if (letter.contact) {
        const parts = [letter.contact.name, letter.contact.phone ? `telefon ${letter.contact.phone}` : null, letter.contact.email].filter(Boolean);
        doc.text(parts.join(', '), { width });
      }
      if (unitLines.length) {
        doc.text(`${letter.sender.municipality}, ${letter.sender.unit}`, { width });
        for (const line of unitLines) doc.text(line, { width });
      }
    }
    doc.end();
  });
}

/** One line per detail, labelled in plain Swedish; an address written on several lines is printed on one. */
export function unitContactLines(c: UnitContact | null | undefined): string[] {
  if (!c) return [];
  const oneLine = (v: string) =>
    v
      .split(/\s*\n\s*/)
      .filter(Boolean)
      .join(', ');
  return [
    c.phone ? `Telefon: ${c.phone}` : null,
    c.postalAddress ? `Postadress: ${oneLine(c.postalAddress)}` : null,
    c.visitingAddress ? `Besöksadress: ${oneLine(c.visitingAddress)}` : null,
    c.eServiceUrl ? `E-tjänst: ${c.eServiceUrl}` : null,
  ].filter((l): l is string => l !== null);
}

function drawTable(doc: PDFKit.PDFDocument, t: Extract<LetterBlock, { type: 'table' }>, width: number) {
  doc.font('Helvetica-Bold').fontSize(11).text(t.caption, { width });
  doc.moveDown(0.2);
  const n = t.columns.length;
  // First column wide (what), the rest narrow and right-aligned (amounts).
  const first = n > 1 ? width * 0.46 : width;
  const other = n > 1 ? (width - first) / (n - 1) : 0;
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    let height = 0;
    cells.forEach((cell, i) => {
      const x = MARGIN + (i === 0 ? 0 : first + other * (i - 1));
      const w = i === 0 ? first - 6 : other - 6;
      height = Math.max(height, doc.heightOfString(cell, { width: w }));
      doc.text(cell, x, y, { width: w, align: i === 0 ? 'left' : 'right' });
    });
    doc.x = MARGIN;
    doc.y = y + height + 4;
  };
  row(t.columns, true);
  doc
    .moveTo(MARGIN, doc.y - 2)
    .lineTo(MARGIN + width, doc.y - 2)
    .lineWidth(0.5)
    .stroke();
  for (const r of t.rows) row(r, false);
  if (t.totalRow) {
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + width, doc.y - 2)
      .lineWidth(0.5)
      .stroke();
    row(t.totalRow, true);
  }
  doc.moveDown(0.5);
}
