package chat.plume.admin.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The audit log as CSV (RFC 4180): every cell quoted, quotes doubled, and a cell that a
 * spreadsheet would run as a formula — starting with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return — prefixed with {@code '} so it stays text (OWASP's advice against
 * CSV injection: a reason like {@code =HYPERLINK(…)} is the attacker's, not the operator's).
 */
public final class AuditCsv {

    static final String HEADER =
            "position,at,actor_id,actor,action,target_kind,target_id,target,reason,detail,client_address,hash";

    private AuditCsv() {}

    public static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    public static void row(Writer out, AuditView v) throws IOException {
        Object[] cells = {
            v.position(),
            v.at(),
            v.actorId(),
            v.actorName(),
            v.action(),
            v.targetKind(),
            v.targetId(),
            v.targetName(),
            v.reason(),
            v.detail(),
            v.clientAddress(),
            v.hash()
        };
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i] == null ? "" : Objects.toString(cells[i])));
        }
        out.write("\r\n");
    }

    /** One cell, quoted, neutralized if a spreadsheet would evaluate it. */
    public static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
