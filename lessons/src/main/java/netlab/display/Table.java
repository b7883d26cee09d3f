package netlab.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import netlab.text.TerminalWidth;

/**
 * A table with an HTML form for notebooks and an aligned plain-text form for terminals.
 *
 * <pre>{@code
 * Table t = Table.of("port", "service").row(22, "ssh").row(80, "http");
 * System.out.println(t);
 * }</pre>
 * prints
 * <pre>
 * port  service
 * ----  -------
 * 22    ssh
 * 80    http
 * </pre>
 *
 * <p>{@link #row} adds a row and returns this table, so calls chain. A cell is shown with {@code toString()}
 * and escaped for HTML; a {@link Cell} made by {@link #cell(Object, String)} also carries a CSS style for the
 * HTML form (colours in a bit table, for example). Not thread safe: build a table on one thread, then show it.
 */
public final class Table implements Displayable {

    /** One cell: its text and an optional inline CSS style used only in HTML. */
    public record Cell(String text, String style) {
        public Cell {
            text = String.valueOf(text);
            style = style == null ? "" : style;
        }
    }

    private final String caption;
    private final List<String> headers;
    private final List<List<Cell>> rows = new ArrayList<>();

    private Table(String caption, List<String> headers) {
        this.caption = caption;
        this.headers = List.copyOf(headers);
    }

    /** A table with these column headers. Example: {@code Table.of("name", "value")}. */
    public static Table of(String... headers) {
        return new Table("", Arrays.asList(headers));
    }

    /** A table with a caption above it. Example: {@code Table.captioned("Ports", "port", "service")}. */
    public static Table captioned(String caption, String... headers) {
        return new Table(Objects.requireNonNullElse(caption, ""), Arrays.asList(headers));
    }

    /** A styled cell for {@link #row}. Example: {@code Table.cell("1", "background:#fdd")}. */
    public static Cell cell(Object value, String css) {
        return new Cell(String.valueOf(value), css);
    }

    /**
     * Adds a row; missing cells are left empty. Example: {@code table.row("ssh", 22)}.
     *
     * @throws IllegalArgumentException if the row has more cells than the table has columns
     */
    public Table row(Object... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException(netlab.text.Text.of("display.table.row", cells.length, headers.size(),
                    headers));
        }
        List<Cell> row = new ArrayList<>(headers.size());
        for (Object c : cells) {
            row.add(c instanceof Cell cell ? cell : new Cell(String.valueOf(c), ""));
        }
        while (row.size() < headers.size()) {
            row.add(new Cell("", ""));
        }
        rows.add(row);
        return this;
    }

    /** The number of rows (headers not counted). Example: {@code Table.of("a").row(1).size()} is 1. */
    public int size() {
        return rows.size();
    }

    /** The column headers. Example: {@code Table.of("a", "b").headers()} is {@code [a, b]}. */
    public List<String> headers() {
        return headers;
    }

    /** The text of each cell, row by row. Example: {@code Table.of("a").row(1).cells()} is {@code [[1]]}. */
    public List<List<String>> cells() {
        return rows.stream().map(r -> r.stream().map(Cell::text).toList()).toList();
    }

    /** The HTML form: a {@code <table>} with a header row. Example: {@code Table.of("a").row(1).html()}. */
    public String html() {
        StringBuilder out = new StringBuilder("<table>");
        if (!caption.isEmpty()) {
            out.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        out.append("<thead><tr>");
        for (String h : headers) {
            out.append("<th>").append(Html.escape(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (List<Cell> row : rows) {
            out.append("<tr>");
            for (Cell c : row) {
                out.append(c.style().isEmpty() ? "<td>" : "<td style=\"" + Html.escape(c.style()) + "\">")
                        .append(Html.escape(c.text())).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /**
     * The plain-text form: columns padded with spaces under a dashed line, counted in terminal columns (a Chinese
     * character takes two). Example: {@code table.text()}.
     */
    public String text() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = TerminalWidth.of(headers.get(i));
            for (List<Cell> row : rows) {
                width[i] = Math.max(width[i], TerminalWidth.of(row.get(i).text()));
            }
        }
        StringBuilder out = new StringBuilder();
        if (!caption.isEmpty()) {
            out.append(caption).append('\n');
        }
        appendLine(out, headers, width);
        appendLine(out, Arrays.stream(width).mapToObj("-"::repeat).toList(), width);
        for (List<Cell> row : rows) {
            appendLine(out, row.stream().map(Cell::text).toList(), width);
        }
        return out.toString().stripTrailing();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(width[i] - TerminalWidth.of(cells.get(i)) + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Map.of("text/plain", text(), "text/html", html());
    }

    @Override
    public String toString() {
        return text();
    }
}
