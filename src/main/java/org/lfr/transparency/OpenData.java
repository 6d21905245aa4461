package org.lfr.transparency;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The published records as open data: one CSV row per deployment, one column per field of the public GraphQL type
 * {@code DeploymentRecord}, in its order — the columns are the record's components, so the file can carry nothing the
 * public API does not (docs/GOVERNANCE.md lists them). Lists are joined with {@code ;}, a category count reads
 * {@code CATEGORY=count}, times are ISO-8601 UTC, an absent figure is an empty cell.
 */
public final class OpenData {

    private OpenData() {
    }

    /** The columns, in order: the field names of the public record. */
    public static List<String> columns() {
        return List.of(DeploymentRecordView.class.getRecordComponents()).stream().map(RecordComponent::getName).toList();
    }

    /** RFC 4180 CSV with a header row; lines end in CRLF. */
    public static String csv(List<DeploymentRecordView> records) {
        StringBuilder out = new StringBuilder(String.join(",", columns())).append("\r\n");
        for (DeploymentRecordView r : records) {
            out.append(List.of(DeploymentRecordView.class.getRecordComponents()).stream().map(c -> cell(value(c, r)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static Object value(RecordComponent c, DeploymentRecordView r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cell(Object v) {
        String text;
        if (v == null) {
            return "";
        } else if (v instanceof List<?> list) {
            text = list.stream().map(x -> x instanceof DeploymentRecordView.CategoryCount c ? c.category() + "="
                    + c.count() : String.valueOf(x)).collect(Collectors.joining(";"));
        } else {
            text = String.valueOf(v);
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        // a cell a spreadsheet would run as a formula is quoted and led by an apostrophe (CSV injection)
        // (OWASP's list: = + - @ tab and carriage return; a real number, such as a negative longitude, is left alone)
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(v instanceof Number)) {
            text = "'" + text;
            quote = true;
        }
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
