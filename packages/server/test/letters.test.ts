import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSwedishDate } from '@vagen/domain';
import { formatKronor } from '@vagen/domain/money.ts';
import { renderLetterPdf } from '../src/letters/render.ts';
import { pdfText } from './pdf-text.ts';

test('a letter renders to a PDF whose text can be read back, Swedish letters included', async () => {
  const pdf = await renderLetterPdf({
    sender: { municipality: 'Vägby kommun', unit: 'Försörjningsstöd Nord' },
    date: formatSwedishDate('2026-03-10'),
    reference: 'EB-2026-000001',
    recipient: { name: 'Åsa Öberg', addressLines: ['Storgatan 1', '852 30 Vägby'] },
    title: 'Beslut om ekonomiskt bistånd',
    blocks: [
      { type: 'paragraph', text: 'Du får 5 180 kr för mars.' },
      { type: 'table', caption: 'Beräkning', columns: ['Post', 'Belopp'], rows: [['Riksnorm', formatKronor(518000)]], totalRow: ['Summa', formatKronor(518000)] },
    ],
    contact: { name: 'Johan Ekström', phone: '060-19 10 00' },
  });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = await pdfText(pdf);
  for (const expected of ['Vägby kommun', 'Åsa Öberg', 'Beslut om ekonomiskt bistånd', 'Riksnorm', 'EB-2026-000001', '10 mars 2026']) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
  assert.match(text, /5\s180\s+kr/);
});

test('money and dates in Swedish', () => {
  // Letters use the domain's one formatter: plain spaces, so the text is the same in the PDF and in a search.
  assert.equal(formatKronor(123456700), '1 234 567 kr');
  assert.equal(formatKronor(5050), '50,50 kr');
  assert.equal(formatSwedishDate('2026-12-31T23:30:00Z'), '1 januari 2027');
});
