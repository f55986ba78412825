// The text of a DOCX, paragraph by paragraph: a DOCX is a ZIP whose
// word/document.xml holds paragraphs (<w:p>) of runs (<w:t>). Enough to split a
// draft into its articles; formatting, tables' layout and images are left out.
import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e.toLowerCase()] ?? ''),
  );

/** The paragraphs' text joined by new lines; null when the file is not a readable DOCX. */
export async function docxText(bytes: Buffer): Promise<string | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')?.async('string');
    if (!xml) return null;
    const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
    return paragraphs
      .map((p) =>
        decode(
          (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? [])
            .map((run) => (run === '<w:tab/>' ? '\t' : run === '<w:br/>' ? '\n' : run.replace(/<[^>]+>/g, '')))
            .join(''),
        ),
      )
      .join('\n');
  } catch {
    return null;
  }
}
