package chat.plume.admin;

import static org.assertj.core.api.Assertions.assertThat;

import chat.plume.admin.audit.AuditCsv;
import chat.plume.admin.audit.AuditView;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditCsvTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "=HYPERLINK(\"http://evil\")|\"'=HYPERLINK(\"\"http://evil\"\")\"",
                "+1+cmd|\"'+1+cmd\"",
                "-2+3|\"'-2+3\"",
                "@SUM(A1)|\"'@SUM(A1)\"",
                "plain|\"plain\"",
                "a=b|\"a=b\"",
            })
    void cellsThatASpreadsheetWouldRunStayText(String value, String cell) {
        assertThat(AuditCsv.cell(value)).isEqualTo(cell);
    }

    @Test
    void tabsAndCarriageReturnsAtTheStartAreNeutralizedToo() {
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void aRowHasEveryColumnQuotedAndNewlinesStayInsideTheirCell() throws Exception {
        StringWriter out = new StringWriter();
        AuditCsv.header(out);
        AuditCsv.row(
                out,
                new AuditView(
                        7,
                        Instant.parse("2026-12-06T10:00:00Z"),
                        1L,
                        "root",
                        "account.ban",
                        "account",
                        42L,
                        "spammer",
                        "two\nlines, \"quoted\"",
                        null,
                        "10.0.0.1",
                        "ab"));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("position,at,actor_id");
        assertThat(lines[1])
                .isEqualTo("\"7\",\"2026-12-06T10:00:00Z\",\"1\",\"root\",\"account.ban\",\"account\",\"42\","
                        + "\"spammer\",\"two\nlines, \"\"quoted\"\"\",\"\",\"10.0.0.1\",\"ab\"");
    }
}
