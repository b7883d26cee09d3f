package netlab.kernel.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Writes the grader's results: {@code DIR/<student>.json} and {@code DIR/<student>.html} per student,
 * {@code DIR/grades.csv} for the class (student, one column per exercise, total) and {@code DIR/not-graded.csv}
 * (what lay in the submissions folder and was not graded, and why). Feedback names a hidden case by its number
 * only ("hidden case 3", in the student's language) with its status, never its input, expected value or message,
 * unless the teacher reveals them (after the deadline). CSV cells that a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first) are written as text. Both CSV files are UTF-8 with a byte-order
 * mark: without one, Excel on a Chinese (or any non-UTF-8) Windows reads them in the system's code page and shows
 * Chinese names as mojibake; Python reads them with {@code encoding="utf-8-sig"}.
 */
public final class GradeReports {

    /** The class CSV, and the list of what lay in the submissions folder and was not graded. */
    public static final String GRADES_CSV = "grades.csv";
    public static final String NOT_GRADED_CSV = "not-graded.csv";
    /** What a spreadsheet takes a cell starting with for a formula: such a cell is written with a ' first. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** The byte-order mark a CSV file starts with, which tells a spreadsheet it is UTF-8. */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private GradeReports() {
    }

    /**
     * Writes every file; {@code grades} is grouped by student in the order given; {@code revealHidden} shows the
     * hidden cases' names and messages.
     */
    public static void write(Path dir, List<NotebookGrade> grades, List<BatchGrader.Skipped> skipped,
                             boolean revealHidden) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<NotebookGrade>> byStudent = new LinkedHashMap<>();
        grades.forEach(g -> byStudent.computeIfAbsent(g.student(), k -> new ArrayList<>())
                .add(revealHidden ? g : withHiddenCasesNumbered(g)));
        StringBuilder notGraded = new StringBuilder("path,reason\n");
        skipped.forEach(x -> notGraded.append(csvField(x.path())).append(',').append(csvField(x.reason())).append('\n'));
        writeCsv(dir.resolve(NOT_GRADED_CSV), notGraded);
        for (var e : byStudent.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".json"), json(e.getKey(), e.getValue()));
            Files.writeString(dir.resolve(e.getKey() + ".html"), html(e.getKey(), e.getValue()));
        }
        writeCsv(dir.resolve(GRADES_CSV), csv(byStudent));
    }

    private static void writeCsv(Path file, CharSequence rows) throws IOException {
        Files.writeString(file, BYTE_ORDER_MARK + rows);
    }

    /** {@code g} as its student may read it: hidden cases by number and status only. */
    static NotebookGrade withHiddenCasesNumbered(NotebookGrade g) {
        List<ExerciseGrade> exercises = new ArrayList<>();
        for (ExerciseGrade x : g.exercises()) {
            List<CheckResult.CaseResult> cases = new ArrayList<>();
            int hidden = 0;
            for (CheckResult.CaseResult c : x.cases()) {
                cases.add(!c.hidden() ? c : new CheckResult.CaseResult(Text.in(g.lang(), "grade.hidden-case", ++hidden),
                        true, c.status(), c.points(), c.earned(), ""));
            }
            exercises.add(new ExerciseGrade(x.exercise(), x.points(), x.score(), x.status(), x.reason(), cases));
        }
        return new NotebookGrade(g.student(), g.notebook(), g.status(), g.reason(), exercises, g.warnings(),
                g.seconds(), g.lang());
    }

    static String json(String student, List<NotebookGrade> notebooks) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("student", student);
        root.put("score", total(notebooks, true));
        root.put("possible", total(notebooks, false));
        root.put("notebooks", notebooks);
        return GSON.toJson(root) + "\n";
    }

    static String csv(Map<String, List<NotebookGrade>> byStudent) {
        Set<String> columns = new LinkedHashSet<>();
        byStudent.values().forEach(l -> l.forEach(n -> n.exercises().forEach(x -> columns.add(x.exercise()))));
        StringBuilder s = new StringBuilder("student");
        columns.forEach(c -> s.append(',').append(csvField(c)));
        s.append(",total\n");
        for (var e : byStudent.entrySet()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            e.getValue().forEach(n -> n.exercises().forEach(x -> scores.merge(x.exercise(), x.score(), Double::sum)));
            s.append(csvField(e.getKey()));
            columns.forEach(c -> s.append(',').append(number(scores.getOrDefault(c, 0.0))));
            s.append(',').append(number(total(e.getValue(), true))).append('\n');
        }
        return s.toString();
    }

    /** The student's feedback page, in the language of their (first) notebook. */
    static String html(String student, List<NotebookGrade> notebooks) {
        Lang lang = notebooks.isEmpty() ? Lang.current() : notebooks.getFirst().lang();
        String title = esc(Text.in(lang, "cli.grade.title", student));
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang.tag())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
                        + ".PASSED{color:#070}.warn{color:#a60}</style></head><body>\n<h1>").append(title)
                .append("</h1>\n<p>").append(esc(Text.in(lang, "cli.grade.total", number(total(notebooks, true)),
                        number(total(notebooks, false))))).append("</p>\n");
        for (NotebookGrade n : notebooks) {
            h.append("<h2>").append(esc(n.notebook())).append(": ").append(number(n.score())).append(" / ")
                    .append(number(n.possible())).append("</h2>\n");
            if (!n.reason().isEmpty()) {
                h.append("<p class=\"warn\">").append(esc(n.reason())).append("</p>\n");
            }
            for (String w : n.warnings()) {
                h.append("<p class=\"warn\">⚠ ").append(esc(w)).append("</p>\n");
            }
            for (ExerciseGrade x : n.exercises()) {
                h.append("<h3>").append(esc(x.exercise())).append(": ").append(number(x.score())).append(" / ")
                        .append(number(x.points())).append("</h3>\n");
                if (!x.reason().isEmpty()) {
                    String status = Text.in(lang, "cli.grade.status." + x.status().replace(' ', '_'));
                    h.append("<p>").append(esc(Text.in(lang, "cli.grade.reason", status, x.reason()))).append("</p>\n");
                }
                h.append("<table><tr>");
                for (String column : List.of("check", "kind", "result", "message")) {
                    h.append("<th>").append(esc(Text.in(lang, "cli.grade.col." + column))).append("</th>");
                }
                h.append("</tr>\n");
                for (CheckResult.CaseResult c : x.cases()) {
                    h.append("<tr><td>").append(esc(c.name())).append("</td><td>")
                            .append(esc(Text.in(lang, c.hidden() ? "cli.grade.hidden" : "cli.grade.public")))
                            .append("</td><td class=\"").append(esc(c.status())).append("\">")
                            .append(esc(Text.in(lang, "cli.grade.status." + c.status().toLowerCase(java.util.Locale.ROOT))))
                            .append("</td><td>").append(esc(c.message())).append("</td></tr>\n");
                }
                h.append("</table>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    private static double total(List<NotebookGrade> notebooks, boolean earned) {
        double t = notebooks.stream().mapToDouble(n -> earned ? n.score() : n.possible()).sum();
        return Math.round(t * 100) / 100.0;
    }

    static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A CSV cell: quoted when it must be, and never a formula (a leading = + - @ tab or CR gets a '). */
    static String csvField(String s) {
        String text = !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /**
     * Removes what {@link #write} wrote to {@code outDir} in an earlier run: grades.csv, not-graded.csv, the JSON
     * and HTML of each student grades.csv names, and {@code marker} (the file that said the run was stopped);
     * nothing else, since the directory may hold the teacher's own files.
     */
    public static void removeWritten(Path outDir, String marker) throws IOException {
        Path grades = outDir.resolve(GRADES_CSV);
        if (Files.isRegularFile(grades)) {
            for (String line : Files.readAllLines(grades).stream().skip(1).toList()) {
                String student = firstCsvField(line);
                // student names are directory names; anything else is not this run's to remove
                if (!student.isEmpty() && !student.contains("/") && !student.contains("\\")
                        && !student.equals(".") && !student.equals("..")) {
                    Files.deleteIfExists(outDir.resolve(student + ".json"));
                    Files.deleteIfExists(outDir.resolve(student + ".html"));
                }
            }
        }
        Files.deleteIfExists(grades);
        Files.deleteIfExists(outDir.resolve(NOT_GRADED_CSV));
        Files.deleteIfExists(outDir.resolve(marker));
    }

    /**
     * The first field of a CSV line as {@link #csvField} writes it: quoted when it holds a comma or a quote, and
     * with a ' before what a spreadsheet would take for a formula.
     */
    static String firstCsvField(String line) {
        String field = quotedField(line);
        return field.length() > 1 && field.charAt(0) == '\'' && FORMULA_STARTS.indexOf(field.charAt(1)) >= 0
                ? field.substring(1) : field;
    }

    private static String quotedField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder field = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                field.append(c);
            }
        }
        return field.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
