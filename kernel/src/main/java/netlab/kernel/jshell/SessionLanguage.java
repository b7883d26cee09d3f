package netlab.kernel.jshell;

import java.util.Objects;
import netlab.text.Lang;

/**
 * The language one session's student reads now: the notebook's at start ({@link EngineOptions#language()}),
 * then whatever {@code %lang} chose. Kept per engine, not in {@link Lang#use} of the kernel JVM, because one JVM
 * (the grader's) runs many students' sessions at once.
 */
final class SessionLanguage {

    private volatile Lang lang;

    SessionLanguage(Lang start) {
        this.lang = Objects.requireNonNull(start, "start");
    }

    Lang get() {
        return lang;
    }

    void set(Lang lang) {
        this.lang = Objects.requireNonNull(lang, "lang");
    }

    /** The snippet that makes an agent word the library's sentences in {@code lang}. */
    static String agentSnippet(Lang lang) {
        return "netlab.text.Lang.use(netlab.text.Lang." + lang.name() + ");";
    }
}
