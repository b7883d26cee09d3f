package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckReportTest {

    static CaseOutcome outcome(String name, boolean hidden, CaseOutcome.Status status) {
        double earned = status == CaseOutcome.Status.PASSED ? 2 : 0;
        return new CaseOutcome(name, hidden, status, 2, earned, "\"A\"", "\"<B>\"", status == CaseOutcome.Status.PASSED
                ? "" : "wrong", "try <this>");
    }

    @Test
    void gradedSummaryCountsPublicAndHiddenAndPoints() {
        CheckReport r = new CheckReport("ip.class-of", "Class", true, List.of(
                outcome("a", false, CaseOutcome.Status.PASSED),
                outcome("secret input 1", true, CaseOutcome.Status.PASSED),
                outcome("secret input 2", true, CaseOutcome.Status.TIMED_OUT)), 0);
        assertEquals("graded: 2/3 checks passed (public 1/1, hidden 1/2) · 4/6 points", r.summary());
    }

    @Test
    void hiddenCasesShowNeitherNamesNorValuesAndHtmlIsEscaped() {
        CheckReport r = new CheckReport("ip.class-of", "Class <of>", true, List.of(
                outcome("a", false, CaseOutcome.Status.FAILED),
                outcome("secret input 1", true, CaseOutcome.Status.FAILED)), 0);
        Map<String, String> bundle = r.mimeBundle();
        String html = bundle.get("text/html");
        String text = bundle.get("text/plain");
        assertFalse(html.contains("secret") || text.contains("secret"), html + text);
        assertTrue(html.contains("hidden case 1") && text.contains("hidden case 1"));
        assertTrue(html.contains("Class &lt;of&gt;") && html.contains("&quot;&lt;B&gt;&quot;"), html);
        assertTrue(html.contains("try &lt;this&gt;"), html);
        assertTrue(text.endsWith(r.summary()), text);
    }

    @Test
    void theHintShowsOnlyAfterARealAttemptFailedInTextAndHtml() {
        for (CaseOutcome.Status status : CaseOutcome.Status.values()) {
            CheckReport r = new CheckReport("ip.class-of", "Class", false, List.of(outcome("a", false, status)), 0);
            boolean attempted = status == CaseOutcome.Status.FAILED || status == CaseOutcome.Status.ERROR
                    || status == CaseOutcome.Status.TIMED_OUT;
            assertEquals(attempted, r.mimeBundle().get("text/html").contains("try &lt;this&gt;"), status + " html");
            assertEquals(attempted, r.mimeBundle().get("text/plain").contains("try <this>"), status + " text");
        }
    }

    @Test
    void jsonLineEscapesQuotesAndNewlines() {
        CheckReport r = new CheckReport("x.y", "t", false, List.of(new CaseOutcome("say \"hi\"\n", false,
                CaseOutcome.Status.FAILED, 1.5, 0, "", "", "bad\tvalue", "")), 2);
        assertEquals("NETLAB-CHECK {\"exercise\":\"x.y\",\"graded\":false,\"earned\":0,\"possible\":1.5,"
                + "\"hidden_not_run\":2,\"cases\":[{\"name\":\"say \\\"hi\\\"\\n\",\"hidden\":false,"
                + "\"status\":\"FAILED\",\"points\":1.5,\"earned\":0,\"message\":\"bad\\tvalue\"}]}", r.jsonLine());
    }
}
