package dev.sspr.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV that a spreadsheet opens safely: every cell quoted, and a cell that a spreadsheet
 * would read as a formula (starting with {@code = + - @}, tab or carriage return) prefixed with an
 * apostrophe, so a display name like {@code =cmd()} stays text (CSV injection).
 */
final class CsvWriter {

	/** Excel reads UTF-8 only with a byte order mark. */
	static final String BOM = "\uFEFF";

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	void row(List<String> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(cell(cells.get(i)));
			}
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "\"\"";
		}
		String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}
}
