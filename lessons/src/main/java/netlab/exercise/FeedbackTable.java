package netlab.exercise;

import static netlab.display.Html.escape;

/**
 * The feedback table of a {@link CheckReport}, as HTML and as text: case, expected, actual, result, hint.
 * Hidden cases show only their status, never their inputs or values.
 */
final class FeedbackTable {

    private FeedbackTable() {
    }

    static String text(CheckReport r) {
        StringBuilder s = new StringBuilder(r.title()).append(" [").append(r.exerciseId()).append("]\n");
        int hiddenNo = 0;
        for (CaseOutcome o : r.outcomes()) {
            String name = o.hidden() ? "hidden case " + (++hiddenNo) : o.name();
            s.append(o.passed() ? "  ✔ " : "  ✘ ").append(name);
            if (!o.passed()) {
                s.append(" — ").append(o.message());
                if (!o.hidden() && o.status() == CaseOutcome.Status.FAILED && !o.message().contains(o.actual())) {
                    s.append(" (expected ").append(o.expected()).append(", got ").append(o.actual()).append(')');
                }
                if (o.showsHint()) {
                    s.append("\n      hint: ").append(o.hint());
                }
            }
            s.append('\n');
        }
        return s.append(r.summary()).toString();
    }

    static String html(CheckReport r) {
        StringBuilder s = new StringBuilder("<div class=\"netlab-check\"><b>").append(escape(r.title()))
                .append("</b> <code>").append(escape(r.exerciseId())).append("</code>")
                .append("<table><thead><tr><th>case</th><th>expected</th><th>actual</th><th>result</th><th>hint</th>")
                .append("</tr></thead><tbody>");
        int hiddenNo = 0;
        for (CaseOutcome o : r.outcomes()) {
            boolean shown = !o.hidden();
            String name = shown ? o.name() : "hidden case " + (++hiddenNo);
            s.append("<tr><td>").append(escape(name)).append("</td><td><code>")
                    .append(shown ? escape(o.expected()) : "").append("</code></td><td><code>")
                    .append(shown ? escape(o.actual()) : "").append("</code></td><td>")
                    .append(o.passed() ? "<span style=\"color:green\">✔ pass</span>"
                            : "<span style=\"color:#b00\">✘ " + escape(o.message()) + "</span>")
                    .append("</td><td>").append(o.showsHint() ? escape(o.hint()) : "").append("</td></tr>");
        }
        return s.append("</tbody></table><p>").append(escape(r.summary())).append("</p></div>").toString();
    }
}
