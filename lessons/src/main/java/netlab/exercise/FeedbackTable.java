package netlab.exercise;

import static netlab.display.Html.escape;

import netlab.text.Lang;
import netlab.text.Text;

/**
 * The feedback table of a {@link CheckReport}, as HTML and as text: case, expected, actual, result, hint.
 * Hidden cases show only their status, never their inputs or values.
 */
final class FeedbackTable {

    private FeedbackTable() {
    }

    static String text(CheckReport r, Lang lang) {
        StringBuilder s = new StringBuilder(r.title()).append(" [").append(r.exerciseId()).append("]\n");
        int hiddenNo = 0;
        for (CaseOutcome o : r.outcomes()) {
            String name = o.hidden() ? Text.in(lang, "check.hidden.case", ++hiddenNo) : o.name();
            s.append(o.passed() ? "  ✔ " : "  ✘ ").append(name);
            if (!o.passed()) {
                s.append(" — ").append(o.message());
                if (!o.hidden() && o.status() == CaseOutcome.Status.FAILED && !o.message().contains(o.actual())) {
                    // the sentence brings its own space: none before a full-width parenthesis（期望 …）
                    s.append(Text.in(lang, "check.expected.got", o.expected(), o.actual()));
                }
                if (o.showsHint()) {
                    s.append("\n      ").append(Text.in(lang, "check.hint", o.hint()));
                }
            }
            s.append('\n');
        }
        return s.append(r.summary(lang)).toString();
    }

    /** The table as HTML; a case not answered yet shows no hint, as in the text form (a hint is for an attempt). */
    static String html(CheckReport r, Lang lang) {
        StringBuilder s = new StringBuilder("<div class=\"netlab-check\"><b>").append(escape(r.title()))
                .append("</b> <code>").append(escape(r.exerciseId())).append("</code><table><thead><tr>");
        for (String column : new String[] {"case", "expected", "actual", "result", "hint"}) {
            s.append("<th>").append(escape(Text.in(lang, "check.col." + column))).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        int hiddenNo = 0;
        for (CaseOutcome o : r.outcomes()) {
            boolean shown = !o.hidden();
            String name = shown ? o.name() : Text.in(lang, "check.hidden.case", ++hiddenNo);
            s.append("<tr><td>").append(escape(name)).append("</td><td><code>")
                    .append(shown ? escape(o.expected()) : "").append("</code></td><td><code>")
                    .append(shown ? escape(o.actual()) : "").append("</code></td><td>")
                    .append(o.passed() ? "<span style=\"color:green\">✔ " + escape(Text.in(lang, "check.pass")) + "</span>"
                            : "<span style=\"color:#b00\">✘ " + escape(o.message()) + "</span>")
                    .append("</td><td>").append(o.showsHint() ? escape(o.hint()) : "").append("</td></tr>");
        }
        return s.append("</tbody></table><p>").append(escape(r.summary(lang))).append("</p></div>").toString();
    }
}
