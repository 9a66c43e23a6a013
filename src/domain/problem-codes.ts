/**
 * Every problem code the inspector can report. Codes are a stable interface: the chat, the CSV export and
 * outside scripts match on them, so add new ones but never rename or reuse an old one.
 */
export const PROBLEM_CODES = [
  'name.extension',
  'name.pattern',
  'name.type_unknown',
  'name.year_format',
  'name.year_future',
  'name.year_too_old',
  'name.book_format',
  'name.number_format',
  'size.too_large',
  'format.empty',
  'format.jpeg',
  'format.png',
  'format.image',
  'format.doc',
  'format.docx',
  'format.office',
  'format.zip',
  'format.archive',
  'format.html',
  'format.not_pdf',
  'pdf.truncated',
  'pdf.damaged',
  'pdf.encrypted',
  'pdf.too_complex',
  'pdf.repaired',
  'content.no_pages',
  'content.multi_page',
  'content.no_image',
  'content.low_dpi',
  'content.blank_scan',
  'zip.damaged',
  'zip.encrypted',
  'zip.unsupported',
  'zip.unsafe_path',
  'zip.too_large',
  'zip.too_many_entries',
] as const;

/** One stable problem code, e.g. `size.too_large`. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * What a reader had to repair to open a PDF that still reads in full (reported with `pdf.repaired`): junk
 * before `%PDF-`, a cross-reference table or `startxref` that is missing or wrong, a missing trailer,
 * abbreviated filter names (/Fl…), a missing `%%EOF`.
 */
export const PDF_REPAIRS = ['header', 'xref', 'trailer', 'filter_names', 'end_marker'] as const;

/** One kind of repair, e.g. `xref`. */
export type PdfRepair = (typeof PDF_REPAIRS)[number];
