package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cells a spreadsheet would run as formulas stay text; quotes and line breaks stay inside their cell. */
class CsvWriterTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"=cmd()|\"'=cmd()\"",
			"+1+1|\"'+1+1\"",
			"-2+3|\"'-2+3\"",
			"@SUM(A1)|\"'@SUM(A1)\"",
			"plain|\"plain\"",
			"a \"quoted\" word|\"a \"\"quoted\"\" word\"" })
	void whenACellIsWrittenThenItIsQuotedAndNeverAFormula(String value, String expected) {
		assertThat(CsvWriter.cell(value)).isEqualTo(expected);
	}

	@Test
	void whenControlCharactersLeadThenTheyAreNeutralizedToo() {
		assertThat(CsvWriter.cell("\t=1")).isEqualTo("\"'\t=1\"");
		assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
		assertThat(CsvWriter.cell(null)).isEqualTo("\"\"");
	}

	@Test
	void whenARowIsWrittenThenCellsAreCommaSeparatedAndTheLineEndsWithCrLf() {
		StringWriter out = new StringWriter();
		new CsvWriter(out).row(Arrays.asList("a", null, "line\nbreak"));
		assertThat(out).hasToString("\"a\",\"\",\"line\nbreak\"\r\n");
	}
}
