package io.github.feishuvc.test;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A spreadsheet as the platform's exports are: one sheet of text cells, the first row its header, in the smallest
 * Office Open XML package a spreadsheet program opens (content types, relationships, workbook, sheet; inline strings,
 * so no shared-strings part). Written by hand with the JDK's zip rather than a spreadsheet library, which the emulator
 * would otherwise carry to every user's tests for four small XML parts. The same rows give the same bytes (fixed
 * entry times), so two clients' downloads can be compared byte for byte.
 */
final class XlsxFile {

	/** The spreadsheet's media type. */
	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final long ENTRY_TIME = 1_700_000_000_000L;

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String FILLER = "x".repeat(96);

	private static final String SPREADSHEET_ML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

	private static final String CONTENT_TYPES = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
			+ "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
			+ "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\""
			+ "/xl/workbook.xml\" ContentType=\"" + SPREADSHEET_ML + ".sheet.main+xml\"/><Override PartName=\""
			+ "/xl/worksheets/sheet1.xml\" ContentType=\"" + SPREADSHEET_ML + ".worksheet+xml\"/></Types>";

	private XlsxFile() {
	}

	/**
	 * Write a spreadsheet.
	 * @param file where to
	 * @param sheetName the sheet's name
	 * @param rows the header, then the rows
	 * @param padTo if positive, filler rows follow until the file is at least this many bytes (stored, not
	 * compressed, so that a large file costs its size to write rather than many times that to compress)
	 * @throws IOException if the file cannot be written
	 */
	static void write(Path file, String sheetName, List<List<String>> rows, long padTo) throws IOException {
		try (Counting counted = new Counting(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
				ZipOutputStream zip = new ZipOutputStream(counted, StandardCharsets.UTF_8)) {
			part(zip, "[Content_Types].xml", CONTENT_TYPES);
			part(zip, "_rels/.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\"><Relationship Id=\"rId1\" "
					+ "Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
			part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
					+ "<sheet name=\"" + escape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
					+ "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" "
					+ "Target=\"worksheets/sheet1.xml\"/></Relationships>");
			if (padTo > 0) {
				zip.setLevel(Deflater.NO_COMPRESSION);
			}
			zip.putNextEntry(entry("xl/worksheets/sheet1.xml"));
			Writer sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
			sheet.write(declaration() + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
			int number = 0;
			for (List<String> row : rows) {
				row(sheet, ++number, row);
			}
			List<String> filler = List.of(FILLER, FILLER, FILLER, FILLER, FILLER, FILLER, FILLER, FILLER);
			while (padTo > 0 && counted.count < padTo) {
				row(sheet, ++number, filler);
				sheet.flush();
			}
			sheet.write("</sheetData></worksheet>");
			sheet.flush();
			zip.closeEntry();
		}
	}

	private static void row(Writer sheet, int number, List<String> cells) throws IOException {
		sheet.write("<row r=\"" + number + "\">");
		for (String cell : cells) {
			sheet.write("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">");
			sheet.write(escape(cell));
			sheet.write("</t></is></c>");
		}
		sheet.write("</row>");
	}

	private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
		zip.putNextEntry(entry(name));
		zip.write((declaration() + xml).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static ZipEntry entry(String name) {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(ENTRY_TIME);
		return entry;
	}

	private static String declaration() {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/** Counts the bytes written to the file, so that padding knows when to stop. */
	private static final class Counting extends FilterOutputStream {

		private long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
			this.count += len;
		}

	}

}
